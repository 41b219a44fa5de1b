"""Index updates follow publish, unpublish, move, slug change, privacy and delete.

Registry edits reach the index too: a service's name or a unit's name is part
of the documents of the pages that show it.

The database engine is written here, in the transaction of the change (one row
per page, and a rolled-back publish rolls it back too); an external engine by a
task (search/tasks.py) queued once that transaction has committed.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from content.models import ServicePage, SurveyReportPage, UnitPage
from feedback.models import Service, Unit

from . import sync, synonyms, tasks
from .models import ServiceSearchTerms, Synonym


def update_index(page_ids: Iterable[int]) -> None:
    """Index each page that is public now, and remove each one that is not."""
    ids = sorted(set(page_ids))
    if not ids:
        return
    if sync.deferred():
        transaction.on_commit(lambda: tasks.sync_pages.enqueue(ids))
    else:
        sync.apply_pages(ids)


def remove_from_index(page_id: int) -> None:
    if sync.deferred():
        transaction.on_commit(lambda: tasks.remove_page.enqueue(page_id))
    else:
        sync.apply_removal(page_id)


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    update_index([instance.pk])


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs):
    update_index([instance.pk])


@receiver(post_page_move)
def page_was_moved(sender, instance, **kwargs):
    # New URLs for the whole subtree, and perhaps now inside (or out of) a private section.
    update_index(sync.with_descendants(instance))


@receiver(page_slug_changed)
def page_slug_was_changed(sender, instance, **kwargs):
    update_index(sync.with_descendants(instance))


@receiver(post_delete, sender=Page)
def page_was_deleted(sender, instance, **kwargs):
    remove_from_index(instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def view_restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        update_index(sync.with_descendants(page))


@receiver(post_save, sender=Service)
def service_changed(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    update_index(ServicePage.objects.filter(service=instance).values_list("pk", flat=True))


@receiver(post_save, sender=Unit)
def unit_changed(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    ids = list(UnitPage.objects.filter(unit=instance).values_list("pk", flat=True))
    ids += ServicePage.objects.filter(service__unit=instance).values_list("pk", flat=True)
    ids += SurveyReportPage.objects.filter(unit=instance).values_list("pk", flat=True)
    update_index(ids)


@receiver(post_save, sender=ServiceSearchTerms)
@receiver(post_delete, sender=ServiceSearchTerms)
def service_terms_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    update_index(
        ServicePage.objects.filter(service_id=instance.service_id).values_list("pk", flat=True)
    )


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def synonyms_changed(sender, instance, **kwargs):
    synonyms.forget()
