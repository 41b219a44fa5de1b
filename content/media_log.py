"""The publication media log: where a unit published its standard and its SKM
results besides this portal (a notice board, a social media post, a local newspaper,
another website), each with a link or a photo as proof.

The photo is checked like the signed Maklumat (content.maklumat): an image by its
first bytes, not only its name, and within the same size cap.
"""

from django.utils.translation import gettext as _

from . import maklumat

PHOTO_EXTENSIONS = ("jpg", "jpeg", "png")


def photo_problem(upload) -> str | None:
    """Why ``upload`` (a file field's file) cannot be the photo, or None."""
    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in PHOTO_EXTENSIONS:
        return _(
            "Foto harus berupa gambar JPG atau PNG; berkas ini %(ext)s. Unggah foto publikasinya."
        ) % {"ext": extension.upper() or _("tanpa ekstensi")}
    limit = maklumat.max_bytes()
    try:
        size = upload.size
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
    except (OSError, ValueError):
        return _("Foto tidak dapat dibaca; unggah ulang.")
    if size > limit:
        return _(
            "Foto %(size).1f MB, melebihi batas %(limit)d MB. Perkecil fotonya lalu unggah ulang."
        ) % {"size": size / 1024 / 1024, "limit": limit // 1024 // 1024}
    if not head.startswith(maklumat.SIGNATURES[extension]):
        return _(
            "Isi berkas bukan gambar %(ext)s yang sah (mungkin hanya namanya yang diganti)."
        ) % {"ext": extension.upper()}
    return None
