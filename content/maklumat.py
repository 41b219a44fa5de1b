"""The Maklumat Pelayanan cycle of a unit page: the signed document (a PDF or a
photo/scan, size-capped), who signed it (a position, never a NIP) and whether it is
missing or older than the newest standard it covers (the editors' dashboard).

The page models pass their pages in; nothing here imports content.models.
"""

import datetime
import re

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection

# What a signed Maklumat may be: the first bytes of each kind of file, not only its
# name, so a renamed spreadsheet is refused too.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
NIP_IN_TEXT = re.compile(r"\d{18}")


def max_bytes() -> int:
    return getattr(settings, "MAKLUMAT_MAX_UPLOAD_MB", 5) * 1024 * 1024


def file_problem(name: str, size: int, head: bytes) -> str | None:
    """Why a file called ``name`` of ``size`` bytes starting with ``head`` (its first
    8 bytes) cannot be the signed Maklumat, or None."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in SIGNATURES:
        return _(
            "Maklumat bertanda tangan harus berupa PDF atau gambar (JPG, PNG); "
            "berkas ini %(ext)s. Unggah hasil pindaian atau fotonya."
        ) % {"ext": extension.upper() or "tanpa ekstensi"}
    limit = max_bytes()
    if size > limit:
        return _(
            "Berkas maklumat %(size).1f MB, melebihi batas %(limit)d MB. "
            "Perkecil hasil pindaian lalu unggah ulang."
        ) % {"size": size / 1024 / 1024, "limit": limit // 1024 // 1024}
    if not head.startswith(SIGNATURES[extension]):
        return _(
            "Isi berkas maklumat bukan %(ext)s yang sah (mungkin hanya namanya yang diganti)."
        ) % {"ext": extension.upper()}
    return None


def upload_problem(upload) -> str | None:
    """Why an uploaded file (not stored yet) cannot be the signed Maklumat, or None.
    Checked before anything is stored, so a refused file leaves nothing behind."""
    head = upload.read(8)
    upload.seek(0)
    return file_problem(upload.name, upload.size, head)


def document_problem(document) -> str | None:
    """Why ``document`` (a Wagtail document) cannot be the signed Maklumat, or None."""
    if document.file_extension.lower() not in SIGNATURES:
        return file_problem(document.file.name, 0, b"")
    try:
        size = document.file.size
        with document.file.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        return _("Berkas maklumat tidak dapat dibaca; unggah ulang dokumennya.")
    return file_problem(document.file.name, size, head)


def store(upload, *, title: str, user):
    """A checked upload as a Wagtail document (the library's root collection)."""
    return get_document_model().objects.create(
        title=title,
        file=upload,
        collection=Collection.get_first_root_node(),
        uploaded_by_user=user if getattr(user, "is_authenticated", False) else None,
    )


def holds_nip(text: str) -> bool:
    """An 18-digit NIP typed into a name or position (spaces and dots ignored)."""
    return bool(NIP_IN_TEXT.search(re.sub(r"[\s.]", "", text or "")))


def standard_date(service_page) -> datetime.date | None:
    """When a standard took effect: its decree date, else the day it was first published."""
    if service_page.established_on:
        return service_page.established_on
    if service_page.first_published_at:
        return timezone.localdate(service_page.first_published_at)
    return None


def flags(unit_pages, service_pages) -> list[dict]:
    """Published unit pages whose Maklumat needs attention, each {"page", "reason",
    "standard"}: "missing" (no signed document or no signing date) or "older" (signed
    before the newest standard it covers took effect; ``standard`` is that page).

    A Maklumat covers the service pages right under its unit page. Two queries
    whatever the number of units; arranged in Python."""
    newest = {}
    for page in service_pages:
        parent_path = page.path[: -page.steplen]
        day = standard_date(page)
        if day and (parent_path not in newest or day > newest[parent_path][0]):
            newest[parent_path] = (day, page)
    flagged = []
    for unit_page in unit_pages:
        if not unit_page.maklumat_document_id or not unit_page.maklumat_signed_on:
            flagged.append({"page": unit_page, "reason": "missing", "standard": None})
            continue
        day, standard = newest.get(unit_page.path, (None, None))
        if day and unit_page.maklumat_signed_on < day:
            flagged.append(
                {"page": unit_page, "reason": "older", "standard": standard, "since": day}
            )
    return flagged
