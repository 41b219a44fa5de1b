"""Background work of the content app (django-tasks): a published report's PDF.

Rendering a report (reportlab, every element, the trend) takes long enough that
an approver should not wait for it on publish, nor every citizen on download.
The task renders it once per published revision and snapshot and stores it
(default storage, under MEDIA_ROOT); the download serves the stored file.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tasks import task


def pdf_name(page, snapshot) -> str | None:
    """Where the PDF of this page's live revision with this snapshot is stored.

    Both are in the name: a new publish (changed analysis text) or new figures
    make a new file, so a stored PDF is never out of date."""
    if page.live_revision_id is None or snapshot is None:
        return None
    return f"laporan-skm/{page.pk}-r{page.live_revision_id}-s{snapshot.pk}.pdf"


def stored_pdf(page, snapshot):
    """The stored PDF file of the page as published, or None when not rendered (yet)."""
    name = pdf_name(page, snapshot)
    if name and default_storage.exists(name):
        return default_storage.open(name, "rb")
    return None


@task()
def render_report_pdf(page_id: int) -> str | None:
    """Render and store the PDF of a published report; returns the stored name."""
    from . import reports
    from .models import SurveyReportPage

    page = SurveyReportPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return None
    snapshot = page.snapshot
    name = pdf_name(page, snapshot)
    if name is None:
        return None
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(reports.pdf(page, snapshot)))
    return name
