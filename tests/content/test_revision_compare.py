"""Comparing revisions: every list item, paragraph and line readable on its own."""

import pytest

from content.models import ServicePage
from content.revision_compare import RichTextLinesComparison, TextLinesComparison, lines_from_html

pytestmark = pytest.mark.django_db


def test_rich_text_keeps_one_line_per_item_with_its_bullet_or_number():
    html = (
        "<p>Datang ke <b>loket</b> A.</p>"
        "<ol><li>Ambil antrean</li><li>Serahkan berkas</li></ol>"
        "<ul><li>KTP asli</li><li>KK asli</li></ul>"
    )

    assert lines_from_html(html).split("\n") == [
        "Datang ke loket A.",
        "1. Ambil antrean",
        "2. Serahkan berkas",
        "• KTP asli",
        "• KK asli",
    ]


def test_the_comparison_marks_the_new_item_on_a_line_of_its_own():
    field = ServicePage._meta.get_field("persyaratan")
    before = ServicePage(persyaratan="<ul><li>KTP asli</li><li>KK asli</li></ul>")
    after = ServicePage(persyaratan="<ul><li>KTP asli</li><li>Pas foto</li><li>KK asli</li></ul>")

    html = str(RichTextLinesComparison(field, before, after).htmldiff())

    assert html.count("<br>") == 2
    assert '<span class="addition">' in html and "Pas foto" in html
    assert "KTP asli<br>" in html


def test_plain_text_lines_are_kept_and_escaped():
    field = ServicePage._meta.get_field("produk")
    before = ServicePage(produk="KTP-el")
    after = ServicePage(produk="KTP-el\n<Biodata> penduduk")

    html = str(TextLinesComparison(field, before, after).htmldiff())

    assert html.count("<br>") == 1 and "&lt;Biodata&gt; penduduk" in html
