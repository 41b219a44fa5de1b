"""Keep officer rollups right when assignments change after the fact.

The "loket" attribution basis credits officers assigned to a service point on the
day of service, so changing an assignment changes whom earlier responses count for.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Assignment


@receiver([post_save, post_delete], sender=Assignment)
def rebuild_officer_rollups(sender, instance, **kwargs):
    from . import rollups

    officer_id = instance.officer_id
    transaction.on_commit(lambda: rollups.rebuild_officers(officer_ids=[officer_id]))
