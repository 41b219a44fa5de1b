"""Keep officer rollups right when assignments change after the fact.

The "loket" attribution basis credits officers assigned to a service point on the
day of service, so changing an assignment changes whom earlier responses count for.
The rebuild reads every response at that officer's loket, so it runs as a task:
HR saving an assignment does not wait for it.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import tasks
from .access.permissions import OFFICER_GROUP
from .models import Assignment, Service
from .registry import cache_scopes


@receiver([post_save, post_delete], sender=Assignment)
def rebuild_officer_rollups(sender, instance, **kwargs):

    tasks.enqueue_on_commit(tasks.rebuild_officer_rollups, [instance.officer_id])


@receiver([post_save, post_delete], sender="feedback.Unit")
@receiver([post_save, post_delete], sender="feedback.Service")
@receiver([post_save, post_delete], sender="feedback.ServicePoint")
def registry_changed(sender, instance, raw=False, **kwargs):
    """Names and the unit tree appear on every public page and in the open data."""

    if not raw:
        cache_scopes.registry_changed()


@receiver([post_save, post_delete], sender="feedback.Population")
def population_changed(sender, instance, raw=False, **kwargs):
    """Pages say whether the sample meets Krejcie & Morgan for the population entered."""

    unit_id = Service.objects.filter(pk=instance.service_id).values_list("unit_id", flat=True)
    if not raw and unit_id:
        cache_scopes.figures_changed(service_id=instance.service_id, unit_id=unit_id[0])


@receiver(post_save, sender="feedback.Officer")
def officer_login_linked(sender, instance, raw=False, **kwargs):
    """A login HR ties to an officer (on the officer's form) may enter the admin for
    Kinerja saya; whose data it reads is decided by the link, not by the group."""

    if not raw and instance.user_id:
        group = Group.objects.filter(name=OFFICER_GROUP).first()
        if group is not None:
            instance.user.groups.add(group)
