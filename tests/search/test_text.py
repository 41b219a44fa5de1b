"""Words, stems and snippets (search/text.py): pure functions, no database."""

from search import text


def test_stems_follow_indonesian_word_forms():
    assert text.stem("kelahiran") == text.stem("lahir") == "lahir"
    assert text.stem("perizinan") == text.stem("izin")
    assert text.stem("Pelayanan") == text.stem("layanan")
    assert text.stems("Akta Kelahiran, akta kelahiran") == "akta lahir"


def test_query_words_drop_filler_words_unless_nothing_is_left():
    assert text.query_words("Bagaimana cara membuat KTP yang hilang?") == ["ktp", "hilang"]
    assert text.query_words("yang dan") == ["yang", "dan"]
    assert text.query_words("  ") == []


def test_matching_words_are_marked_by_stem_and_by_prefix():
    marked, count = text.mark_words("Akta kelahiran bagi anak yang lahir", ["lahir"])
    assert count == 2
    assert text.render_marked(marked) == (
        "Akta <mark>kelahiran</mark> bagi anak yang <mark>lahir</mark>"
    )
    marked, count = text.mark_words("Administrasi kependudukan", ["kependuduk"])
    assert count == 1 and "<mark>kependudukan</mark>" in text.render_marked(marked)
    # Two letters are not a prefix worth marking.
    assert text.mark_words("Kartu keluarga", ["ka"])[1] == 0


def test_snippet_text_is_escaped_and_only_marks_are_html():
    marked, _ = text.mark_words('<b>Vaksin</b> & "gratis"', ["vaksin"])
    assert text.render_marked(marked) == '&lt;b&gt;<mark>Vaksin</mark>&lt;/b&gt; &amp; "gratis"'


def test_excerpt_is_a_window_around_the_first_match():
    long = " ".join(["isi"] * 100) + " persyaratan khusus " + " ".join(["lain"] * 100)

    excerpt = text.excerpt(long, ["khusus"], length=80)

    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert text.MARK_START + "khusus" + text.MARK_END in excerpt
    assert len(excerpt) < 100
    assert text.excerpt("tidak ada", ["khusus"]) is None


def test_excerpt_never_cuts_a_mark_in_half():
    sentence = "a " * 10 + "kependudukan"
    excerpt = text.excerpt(sentence, ["kependudukan"], length=16)
    assert excerpt.count(text.MARK_START) == excerpt.count(text.MARK_END) == 1


def test_html_to_text_keeps_words_apart():
    html = "<ul><li>Kartu&nbsp;Keluarga</li><li>KTP-el</li></ul><p>Biaya: Rp&#160;0</p>"
    assert text.html_to_text(html) == "Kartu Keluarga KTP-el Biaya: Rp 0"
