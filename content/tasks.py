"""Background work of the content app (django-tasks): a published report's PDF.

Queued by content/signals.py once a report's publish has committed; the rendering
and the stored file are content/reports.py's.
"""

from django_tasks import task

from . import reports
from .models import SurveyReportPage


@task()
def render_report_pdf(page_id: int) -> str | None:
    """Render and store the PDF of a published report; returns the stored name."""
    page = SurveyReportPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return None
    return reports.store_pdf(page, page.snapshot)
