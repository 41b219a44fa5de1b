"""Index updates follow publish, unpublish, move, slug change, privacy and delete.

Registry edits reach the index too: a service's name or a unit's name is part
of the documents of the pages that show it.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from feedback.models import Service, Unit

from . import sync, synonyms
from .models import ServiceSearchTerms, Synonym


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    sync.sync_page(instance)


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs):
    sync.sync_page(instance)


@receiver(post_page_move)
def page_was_moved(sender, instance, **kwargs):
    # New URLs for the whole subtree, and perhaps now inside (or out of) a private section.
    sync.sync_page(instance, descendants=True)


@receiver(page_slug_changed)
def page_slug_was_changed(sender, instance, **kwargs):
    sync.sync_page(instance, descendants=True)


@receiver(post_delete, sender=Page)
def page_was_deleted(sender, instance, **kwargs):
    sync.remove_page(instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def view_restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        sync.sync_page(page, descendants=True)


@receiver(post_save, sender=Service)
def service_changed(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    from content.models import ServicePage

    sync.sync_pages(ServicePage.objects.filter(service=instance).values_list("pk", flat=True))


@receiver(post_save, sender=Unit)
def unit_changed(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    from content.models import ServicePage, SurveyReportPage, UnitPage

    ids = list(UnitPage.objects.filter(unit=instance).values_list("pk", flat=True))
    ids += ServicePage.objects.filter(service__unit=instance).values_list("pk", flat=True)
    ids += SurveyReportPage.objects.filter(unit=instance).values_list("pk", flat=True)
    sync.sync_pages(ids)


@receiver(post_save, sender=ServiceSearchTerms)
@receiver(post_delete, sender=ServiceSearchTerms)
def service_terms_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from content.models import ServicePage

    sync.sync_pages(
        ServicePage.objects.filter(service_id=instance.service_id).values_list("pk", flat=True)
    )


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def synonyms_changed(sender, instance, **kwargs):
    synonyms.forget()
