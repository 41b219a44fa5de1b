"""Keep officer rollups right when assignments change after the fact.

The "loket" attribution basis credits officers assigned to a service point on the
day of service, so changing an assignment changes whom earlier responses count for.
The rebuild reads every response at that officer's loket, so it runs as a task:
HR saving an assignment does not wait for it.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Assignment


@receiver([post_save, post_delete], sender=Assignment)
def rebuild_officer_rollups(sender, instance, **kwargs):
    from . import tasks

    tasks.enqueue_on_commit(tasks.rebuild_officer_rollups, [instance.officer_id])
