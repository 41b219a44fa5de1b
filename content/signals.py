"""Freeze a survey report's figures when it is published."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def freeze_report_figures(sender, instance, **kwargs):
    from .models import SurveyReportPage

    page = instance.specific
    if isinstance(page, SurveyReportPage):
        page.freeze_figures()
