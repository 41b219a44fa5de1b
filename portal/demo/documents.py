"""One-page PDFs for the demo's signed Maklumat and review minutes (reportlab, which
the survey reports already use)."""

import io

from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.documents.models import Document


def simple_pdf(paragraphs: list[str]) -> bytes:
    """An A4 page: the first paragraph as its title, the rest as text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    story = [Paragraph(escape(paragraphs[0]), styles["Title"])]
    for text in paragraphs[1:]:
        story += [Paragraph(escape(text), styles["BodyText"]), Spacer(1, 8)]
    SimpleDocTemplate(buffer, pagesize=A4, title=paragraphs[0]).build(story)
    return buffer.getvalue()


def pdf_document(title: str, filename: str, paragraphs: list[str]) -> Document:
    return Document.objects.create(
        title=title, file=ContentFile(simple_pdf(paragraphs), name=filename)
    )


def png_file(caption: str, filename: str) -> ContentFile:
    """A small photo stand-in: a board with ``caption`` on it (Pillow, which Wagtail's
    images already need)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 320), "#f4efe1")
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 460, 300), outline="#5b4636", width=8)
    draw.text((40, 150), caption, fill="#1d2b36")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=filename)
