"""A survey report's editable DOCX in the Wagtail admin: the download and its button."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import report_docx
from .models import PemdaSettings, SurveyReportPage


def can_download_docx(page, user) -> bool:
    """Staff who may edit the report: the DOCX is their draft to add the narrative to."""
    return page.permissions_for_user(user).can_edit()


def report_docx_download(request, page_id):
    """The report as published, as a DOCX. An unknown id (or a page that is no
    report) is a 404; a report never published has no frozen figures yet: back to
    its editor with the reason."""
    page = SurveyReportPage.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404(_("Laporan SKM tidak ditemukan."))
    if not can_download_docx(page, request.user):
        raise Http404(_("Laporan SKM tidak ditemukan."))
    snapshot = page.snapshot
    if not page.live or snapshot is None:
        messages.error(
            request,
            _(
                "Laporan ini belum diterbitkan (atau sudah ditarik): DOCX dibuat dari angka "
                "yang dibekukan saat laporan diterbitkan. Terbitkan laporan dulu, lalu unduh "
                "DOCX-nya."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    body = report_docx.docx(
        page, snapshot, pemda_name=PemdaSettings.load(request_or_site=request).name
    )
    response = HttpResponse(body, content_type=report_docx.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{report_docx.filename(page)}"'
    # A staff member's draft: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


class ReportDocxButton(PageMenuItem):
    """ "Unduh DOCX" in a published report's actions (its editor's header and the
    page listing)."""

    label = gettext_lazy("Unduh DOCX laporan")
    icon_name = "doc-full"
    priority = 25

    def is_shown(self, user):
        if not issubclass(self.page.specific_class or type(None), SurveyReportPage):
            return False
        return self.page.live and can_download_docx(self.page, user)

    @property
    def url(self):
        return reverse("content_report_docx", args=[self.page.pk])
