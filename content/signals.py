"""Freeze a survey report's figures when it is published, and queue its PDF;
refresh cached pages."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.public_cache import PAGES, bump
from feedback.loop import figures as loop_figures
from feedback.tasks import enqueue_on_commit

from .models import FollowUpAction, SurveyReportPage, UnitPage
from .tasks import render_report_pdf


@receiver(page_published)
def freeze_report_figures(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, SurveyReportPage):
        page.freeze_figures()
        # The figures are frozen now (they are what was published); the PDF is
        # rendered by the task worker once this publish has committed.
        enqueue_on_commit(render_report_pdf, page.pk)


@receiver(page_published)
def count_follow_ups(sender, instance, **kwargs):
    """The unit's follow-up (RTL) items as published, counted per period for the
    loop's figures (feedback cannot read content's pages)."""
    page = instance.specific
    if isinstance(page, UnitPage):
        loop_figures.follow_ups_published(
            page.unit_id,
            [(f.period, f.status == FollowUpAction.Status.DONE) for f in page.follow_ups.all()],
        )


# The public cache (core.public_cache): menus, lists and breadcrumbs may show any
# page, so a publish, unpublish, move or deletion refreshes every cached page (the
# "pages" scope), never the survey figures or the open data.


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    bump(PAGES)


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    bump(PAGES)


@receiver(post_save, sender="content.PemdaSettings")
def pemda_settings_changed(sender, instance, raw=False, **kwargs):
    """The Pemda's name and contact details are on every page."""
    if not raw:
        bump(PAGES)
