"""Mask personal data that citizens type into free-text comments.

Applied before a comment is stored, so nothing downstream (moderation screen,
public page, export) can show it. No Django imports: the names of the Pemda's
officers come in as a pattern built by ``compile_officer_names`` (the cached
selector in ``feedback.registry.officer_names`` supplies it).

What is masked: NIPs (18 digits) and NIKs (16 digits), plain or grouped with
spaces, dots or dashes; phone numbers; e-mail addresses, also written as
``a(at)example.com``, ``a [at] example [dot] com`` or ``a at example dot com``;
and officers' names (see ``compile_officer_names`` for the rule). Digits and
letters are matched on an NFKC-normalised copy, so full-width digits
(``０８１２...``) are caught too, while the rest of the comment keeps its own
characters.
"""

import re
import unicodedata
from collections.abc import Iterable

# Up to three separators between digits: "3301 0123 4567 8901", "3 3 0 1 ...",
# "19850312 201001 1 003", "1985.03.12 - 2010.01 ...".
_SEP = r"[\s.\-]{0,3}"
# NIP: 18 digits. Before the NIK, so a NIP's first 16 digits are not taken for one.
NIP_RE = re.compile(rf"(?<!\d)(?:\d{_SEP}){{17}}\d(?!\d)")
# NIK: 16 digits.
NIK_RE = re.compile(rf"(?<!\d)(?:\d{_SEP}){{15}}\d(?!\d)")

_AT = r"(?:\s*@\s*|\s*[(\[{<]\s*(?:at|et)\s*[)\]}>]\s*)"
# A plain dot only without spaces: "budi@gmail.com. Terima kasih" ends at "com".
_DOT = r"(?:\.|\s*[(\[{<]\s*(?:dot|titik)\s*[)\]}>]\s*)"
# Addresses, and the bracketed spellings people use to dodge address harvesters.
EMAIL_RE = re.compile(
    rf"(?<![\w.+-])[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,}}\b", re.IGNORECASE
)
# "a at example dot com": bare words are only taken when both "at" and "dot" are
# there (or the address ends in a well-known domain), so ordinary sentences stay.
_TLD = r"(?:com|net|org|id|co\.id|go\.id|ac\.id|sch\.id|or\.id|web\.id|my\.id|biz|info)"
EMAIL_WORDS_RE = re.compile(
    rf"(?<![\w.])[\w.+-]+\s+at\s+[\w-]+(?:(?:\s+(?:dot|titik)\s+[\w-]+)+"
    rf"|(?:\.[\w-]+)*\.{_TLD})\b",
    re.IGNORECASE,
)
# Indonesian phone numbers: 08xx, +62 8xx, 62 8xx, and landlines (0xx) with separators.
PHONE_RE = re.compile(
    r"(?<![\w+(])(?:\+?62[\s.-]?|\(?0)\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{2,5}(?!\d)"
)
# Mobile numbers typed digit by digit or in odd groups ("0 8 1 2 3 4 ...",
# "+62 8 1 2 ..."): whitespace and dashes only, so dates and times stay.
PHONE_SPACED_RE = re.compile(r"(?<![\w+])(?:\+\s*)?(?:6\s*2\s*|0\s*)8(?:[\s\-]{0,3}\d){7,11}(?!\d)")

NIP_MASK = "[NIP disamarkan]"
NIK_MASK = "[NIK disamarkan]"
EMAIL_MASK = "[e-mail disamarkan]"
PHONE_MASK = "[nomor telepon disamarkan]"
OFFICER_MASK = "[nama petugas disamarkan]"

_DIGIT_RE = re.compile(r"\d")
_EMAIL_HINT_RE = re.compile(r"@|[(\[{<]\s*[ae]t\s*[)\]}>]|\sat\s", re.IGNORECASE)

# The first match wins where two would overlap (an e-mail's digits are no phone).
# Each rule runs only when the text could hold what it looks for (enough digits, an
# "@" or an "at"): most comments hold none, and this is the submission path.
_RULES = (
    (EMAIL_RE, EMAIL_MASK, "email"),
    (EMAIL_WORDS_RE, EMAIL_MASK, "email"),
    (NIP_RE, NIP_MASK, 18),
    (NIK_RE, NIK_MASK, 16),
    (PHONE_RE, PHONE_MASK, 8),
    (PHONE_SPACED_RE, PHONE_MASK, 8),
)

# Words citizens put before a name ("Bu Sri", "Pak Agus", "petugas Dwi").
ADDRESS_WORDS = (
    "pak",
    "bapak",
    "bu",
    "ibu",
    "mas",
    "mbak",
    "mba",
    "kak",
    "bang",
    "teh",
    "aa",
    "sdr",
    "sdri",
    "saudara",
    "saudari",
    "petugas",
    "mr",
    "mrs",
    "ms",
)
# Degrees and honorifics written before a name; after the comma come the rest.
_LEADING_TITLES = {"dr", "drs", "dra", "ir", "h", "hj", "prof", "kh", "hajjah", "haji"}


def name_words(full_name: str) -> list[str]:
    """The words of a person's name without academic titles ("Siti Nurjanah, S.Sos."
    -> ["Siti", "Nurjanah"]; "Dr. H. Asep Saepuloh" -> ["Asep", "Saepuloh"])."""
    words = unicodedata.normalize("NFKC", full_name).split(",", 1)[0].split()
    while words and words[0].rstrip(".").lower() in _LEADING_TITLES:
        words.pop(0)
    return words


def compile_officer_names(names: Iterable[str]) -> re.Pattern | None:
    """One case-insensitive, whole-word pattern for the officers' names.

    The rule, because many Indonesian given names are also ordinary words ("Sri",
    "Dewi", "Bagus", "Indah", "Tri"): a name of two words or more is masked whole
    and by any prefix of two words or more ("Dwi Lestari Handayani", "Dwi
    Lestari"); a single word (a given name, or an officer known by one name) is
    masked only after a word of address ("Bu Sri", "Pak Bambang", "petugas Tri"),
    where it cannot be anything but a person. Extra spaces between words match.
    Returns None when there are no names.
    """
    tree: dict = {}  # word -> the words that may follow it in a name
    single = set()
    for full_name in names:
        words = [w.lower() for w in name_words(full_name)]
        if not words:
            continue
        single.add(words[0])
        node = tree
        for word in words:
            node = node.setdefault(word, {})
    if not single:
        return None

    def branches(node: dict) -> str:
        # Longest word first; every name of two words or more, and every such
        # prefix, ends a match, and the greedy "?" prefers the longer one.
        parts = []
        for word in sorted(node, key=lambda w: (-len(w), w)):
            follow = node[word]
            parts.append(re.escape(word) + (rf"(?:\s+{branches(follow)})?" if follow else ""))
        return "(?:" + "|".join(parts) + ")"

    # A trie of words, not a list of names: the engine reads a name once whatever
    # the number of officers sharing its first words.
    firsts = [
        rf"{re.escape(word)}\s+{branches(follow)}"
        for word, follow in sorted(tree.items(), key=lambda item: (-len(item[0]), item[0]))
        if follow
    ]
    address = "|".join(re.escape(w) for w in ADDRESS_WORDS)
    singles = "|".join(re.escape(w) for w in sorted(single, key=lambda w: (-len(w), w)))
    addressed = rf"\b(?:{address})\.?\s+"
    parts = []
    if firsts:
        # The word of address is optional here and consumed first, so "petugas Siti
        # Nurjanah" is masked whole rather than as "petugas Siti" by the rule below.
        parts.append(rf"(?:{addressed})?(?P<full>{'|'.join(firsts)})")
    parts.append(rf"{addressed}(?P<given>{singles})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


def _normalised(text: str) -> tuple[str, list[int]]:
    """An NFKC copy of ``text`` for matching, and for each of its characters the
    index of the original character it came from (a character may expand)."""
    if text.isascii():
        return text, []
    out, origin = [], []
    for index, char in enumerate(text):
        norm = unicodedata.normalize("NFKC", char) or char
        out.append(norm)
        origin.extend([index] * len(norm))
    return "".join(out), origin


def _spans(text: str, officer_names: re.Pattern | None) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, marker) spans of personal data, in ``text``."""
    taken: list[tuple[int, int, str]] = []

    def claim(start, end, marker):
        if start < end and all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, marker))

    digits = len(_DIGIT_RE.findall(text))
    email = _EMAIL_HINT_RE.search(text) is not None
    for pattern, marker, needs in _RULES:
        if email if needs == "email" else digits >= needs:
            for match in pattern.finditer(text):
                claim(match.start(), match.end(), marker)
    if officer_names is not None:
        for match in officer_names.finditer(text):
            group = "full" if match.groupdict().get("full") else "given"
            claim(match.start(group), match.end(group), OFFICER_MASK)
    return sorted(taken)


def mask_personal_data(text: str, officer_names: re.Pattern | None = None) -> str:
    """Replace NIPs, NIKs, e-mail addresses, phone numbers and (given the pattern of
    ``compile_officer_names``) officers' names with neutral markers."""
    if not text:
        return text
    copy, origin = _normalised(text)
    spans = _spans(copy, officer_names)
    if not spans:
        return text
    if origin:  # back to the original's positions
        spans = [(origin[s], origin[e - 1] + 1, marker) for s, e, marker in spans]
    out, last = [], 0
    for start, end, marker in spans:
        out.append(text[last:start])
        out.append(marker)
        last = end
    out.append(text[last:])
    return "".join(out)
