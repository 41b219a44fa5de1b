"""Words, stems and snippets: the text handling both search engines share.

No Django imports: this is pure string work, tested on its own.

The database engine cannot stem Indonesian on SQLite (FTS5 only tokenises), so
documents carry their Snowball stems beside the words and queries are stemmed
the same way. Snowball's Indonesian stemmer is the algorithm PostgreSQL's
``indonesian`` text search configuration and Elasticsearch's ``indonesian``
analyzer use, so "kelahiran" finds "lahir" on every engine.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import snowballstemmer

WORD_RE = re.compile(r"\w+", re.UNICODE)

# Words a citizen types around what they look for ("cara membuat ktp yang hilang").
# Dropped from queries only when something else is left.
STOP_WORDS = frozenset(
    """
    ada adalah agar akan apa apakah atau bagaimana bagi bahwa bikin bila bisa buat cara
    dalam dan dapat dari dengan di dimana gimana harus hal ini itu jika juga ke
    kah kami kapan kalau karena ketika lah mau membuat mengapa mengurus nya oleh pada
    para per saja saya secara sebagai sudah supaya tentang tersebut untuk urus
    yang berapa mana siapa kenapa dong sih deh
    """.split()
)
# English queries on /en/ ("how to get a birth certificate"): the same treatment.
STOP_WORDS |= frozenset(
    """
    a an and are at can do does for from get how i in is it me my need of on or the
    to what where which with
    """.split()
)

# Sentinels the engines put around matched words before the text is escaped:
# private-use characters never typed by editors, so escaping cannot break them.
MARK_START = "\ue000"
MARK_END = "\ue001"

_stemmer = snowballstemmer.stemmer("indonesian")


def words(text: str) -> list[str]:
    """Lower-case words (letters and digits), in order."""
    return WORD_RE.findall((text or "").lower())


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def stems(text: str) -> str:
    """The stems of every distinct word of ``text``, space separated (what gets indexed)."""
    seen = dict.fromkeys(stem(w) for w in words(text))
    return " ".join(seen)


def squash(text: str) -> str:
    """``text`` without case, spaces or punctuation: the key under which spelling
    variants meet ("e-KTP", "eKTP", "e ktp" -> "ektp")."""
    return "".join(words(text))


def query_words(query: str) -> list[str]:
    """The words of a query that carry meaning: stop words out unless nothing else is left."""
    all_words = words(query)
    meaningful = [w for w in all_words if w not in STOP_WORDS]
    return meaningful or all_words


def _matches(word: str, terms: list[str], term_stems: set[str]) -> bool:
    if stem(word) in term_stems:
        return True
    # Partial words: "kependuduk" marks "kependudukan" (at least three letters typed).
    return any(len(t) >= 3 and word.startswith(t) for t in terms)


def mark_words(text: str, terms: list[str]) -> tuple[str, int]:
    """``text`` with every word matching ``terms`` (same stem, or starting with a term)
    wrapped in the MARK sentinels; returns the text and the number of marks."""
    term_stems = {stem(t) for t in terms}
    count = 0
    out, last = [], 0
    for m in WORD_RE.finditer(text):
        if _matches(m.group().lower(), terms, term_stems):
            out.append(text[last : m.start()])
            out.append(MARK_START + m.group() + MARK_END)
            last = m.end()
            count += 1
    out.append(text[last:])
    return "".join(out), count


def excerpt(text: str, terms: list[str], length: int = 200) -> str | None:
    """A window of about ``length`` characters of ``text`` around its first match,
    with the matches marked by sentinels; None when nothing in ``text`` matches."""
    term_stems = {stem(t) for t in terms}
    first = next(
        (m for m in WORD_RE.finditer(text) if _matches(m.group().lower(), terms, term_stems)),
        None,
    )
    if first is None:
        return None
    start = max(0, first.start() - length // 3)
    if start:
        # Start at a word boundary.
        space = text.find(" ", start, first.start())
        start = space + 1 if space >= 0 else first.start()
    end = max(start + length, first.end())
    if end < len(text):
        space = text.rfind(" ", max(first.end(), start + length // 2), end)
        end = space if space > 0 else end
    marked, _ = mark_words(text[start:end].strip(), terms)
    return ("… " if start else "") + marked + (" …" if end < len(text) else "")


def truncate(text: str, length: int = 200) -> str:
    """The start of ``text``, cut at a word boundary."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)
    return text[: cut if cut > length // 2 else length] + " …"


def render_marked(text: str) -> str:
    """HTML from sentinel-marked plain text: everything escaped, matches in <mark>."""
    escaped = html.escape(text, quote=False)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def html_to_text(value: str) -> str:
    """Plain text of editor HTML (rich text, stream blocks): tags out, entities decoded."""
    if not value:
        return ""
    value = re.sub(r"<(br|/p|/li|/h\d|/div|/tr)\b[^>]*>", " \n", str(value), flags=re.I)
    value = re.sub(r"<[^>]+>", " ", value)
    return " ".join(html.unescape(value).split())
