"""What a citizen's query means: its words, grouped into concepts, each concept with the
equivalent ways of saying it (from the synonyms editors keep), and corrections for
misspelt words.

Pure Python: the synonym groups and the "close words" function come from the caller,
so every engine and the /nilai/ picker read a query the same way.

A concept is matched when any one of its alternatives is; an alternative (one or more
words) when all of its words are. "syarat e ktp" becomes two concepts:
``[("syarat",)]`` and ``[("e", "ktp"), ("ktp", "elektronik"), ("ktp", "el"), ...]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import text

# Longest run of typed words looked up as one synonym term ("kartu tanda penduduk").
MAX_PHRASE_WORDS = 4
# Shorter words are too ambiguous to correct: "buka" is not a misspelt "buku", and
# short abbreviations (kk, sim, kir, akte) are the synonym list's business.
MIN_CORRECTED_LENGTH = 5

Alternative = tuple[str, ...]


@dataclass
class Concept:
    typed: str  # the words as the citizen typed them ("e ktp")
    alternatives: list[Alternative]
    synonym: bool = False  # expanded from the synonym list
    correction: str | None = None  # the closest known word, for a misspelt word

    @property
    def words(self) -> Alternative:
        return self.alternatives[0]


@dataclass
class QueryPlan:
    concepts: list[Concept] = field(default_factory=list)

    @property
    def terms(self) -> list[str]:
        """The typed words that carry meaning (for snippets, prefixes, "did you mean")."""
        return [word for concept in self.concepts for word in concept.words]

    @property
    def all_words(self) -> list[str]:
        """Every word of every alternative: what the snippets mark."""
        seen: dict[str, None] = {}
        for concept in self.concepts:
            for alternative in concept.alternatives:
                seen.update(dict.fromkeys(alternative))
        return list(seen)

    @property
    def corrected(self) -> bool:
        return any(concept.correction for concept in self.concepts)

    def suggestion(self) -> str | None:
        """The query with each misspelt word replaced by its correction."""
        if not self.corrected:
            return None
        return " ".join(concept.correction or concept.typed for concept in self.concepts)


class Lexicon:
    """The synonym groups, keyed by the squashed form of each term."""

    def __init__(self, groups: Iterable[Iterable[str]] = ()):
        self.groups: list[list[Alternative]] = []
        self.by_key: dict[str, int] = {}
        for group in groups:
            alternatives = _alternatives(group)
            if len(alternatives) < 2:
                continue
            index = len(self.groups)
            self.groups.append(alternatives)
            for alternative in alternatives:
                self.by_key.setdefault("".join(alternative), index)

    def lookup(self, phrase: list[str]) -> list[Alternative] | None:
        index = self.by_key.get("".join(phrase))
        return None if index is None else self.groups[index]

    def words(self) -> set[str]:
        return {word for group in self.groups for alternative in group for word in alternative}


def _alternatives(terms: Iterable[str]) -> list[Alternative]:
    """Each term as its words (stop words out), plus the one-word spelling of a
    hyphenated term ("ektp"), without duplicates."""
    out: dict[Alternative, None] = {}
    for term in terms:
        term_words = text.words(term)
        meaningful = tuple(w for w in term_words if w not in text.STOP_WORDS) or tuple(term_words)
        if meaningful:
            out[meaningful] = None
        if len(term_words) > 1 and ("-" in term or min(map(len, term_words)) <= 2):
            # Written as one word too: e-KTP as "ektp", KTP-el as "ktpel".
            out[(text.squash(term),)] = None
    return list(out)


def _fewest(alternatives: list[Alternative]) -> list[Alternative]:
    """The alternatives without those that add words to another one: a page that says
    "ktp elektronik" also says "ktp", so with "ktp" among them the longer one adds
    nothing but work for the engine. The first (what was typed) always stays."""
    first, rest = alternatives[0], alternatives[1:]
    sets = [set(a) for a in alternatives]
    kept = [
        a
        for i, a in enumerate(rest, start=1)
        if not any(j != i and sets[j] < sets[i] for j in range(len(alternatives)))
    ]
    return [first, *kept]


CloseWords = Callable[[str], list[str]]


def plan(
    query: str,
    lexicon: Lexicon | None = None,
    *,
    known: Callable[[str], bool] | None = None,
    close_words: CloseWords | None = None,
) -> QueryPlan:
    """Read ``query``: synonym phrases first (longest run of words whose squashed form
    is a synonym term), then the other words one by one; stop words out unless
    nothing else is left; misspelt words get their close words as alternatives.

    ``known(word)`` says whether the index has a word (or a word starting with it:
    "kelah" is being typed, not misspelt); ``close_words(word)`` proposes known words
    near a misspelt one, closest first.
    """
    lexicon = lexicon or Lexicon()
    typed = text.words(query)
    concepts: list[Concept] = []
    i = 0
    while i < len(typed):
        for n in range(min(MAX_PHRASE_WORDS, len(typed) - i), 0, -1):
            group = lexicon.lookup(typed[i : i + n])
            if group is not None:
                phrase = tuple(typed[i : i + n])
                alternatives = _fewest([phrase] + [a for a in group if a != phrase])
                concepts.append(Concept(" ".join(phrase), alternatives, synonym=True))
                i += n
                break
        else:
            concepts.append(Concept(typed[i], [(typed[i],)]))
            i += 1
    meaningful = [c for c in concepts if c.synonym or c.typed not in text.STOP_WORDS]
    concepts = meaningful or concepts
    if known and close_words:
        for concept in concepts:
            word = concept.typed
            if concept.synonym or len(word) < MIN_CORRECTED_LENGTH or word.isdigit() or known(word):
                continue
            close = [w for w in close_words(word) if w != word]
            if close:
                concept.correction = close[0]
                concept.alternatives += [(w,) for w in close]
                # A correction may itself be a synonym term ("akte" -> "akta").
                group = lexicon.lookup([close[0]])
                if group:
                    concept.alternatives += [a for a in group if a not in concept.alternatives]
    return QueryPlan(concepts)


def concept_in(concept: Concept, word_set: set[str], stem_set: set[str]) -> bool:
    """Whether a text (given as its words and their stems) says ``concept``: every word
    of one alternative, by stem or as the start of a word (three letters or more)."""
    return any(
        all(_word_in(word, word_set, stem_set) for word in alternative)
        for alternative in concept.alternatives
    )


def _word_in(word: str, word_set: set[str], stem_set: set[str]) -> bool:
    if word in word_set or text.stem(word) in stem_set:
        return True
    return len(word) >= 3 and any(w.startswith(word) for w in word_set)


def concepts_in(plan: QueryPlan, value: str) -> int:
    """How many of the plan's concepts ``value`` says (for ranking titles first)."""
    word_set = set(text.words(value))
    stem_set = {text.stem(w) for w in word_set}
    return sum(1 for c in plan.concepts if concept_in(c, word_set, stem_set))
