"""Freeze a survey report's figures when it is published, and queue its PDF."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def freeze_report_figures(sender, instance, **kwargs):
    from .models import SurveyReportPage

    page = instance.specific
    if isinstance(page, SurveyReportPage):
        page.freeze_figures()
        # The figures are frozen now (they are what was published); the PDF is
        # rendered by the task worker once this publish has committed.
        from feedback.tasks import enqueue_on_commit

        from .tasks import render_report_pdf

        enqueue_on_commit(render_report_pdf, page.pk)
