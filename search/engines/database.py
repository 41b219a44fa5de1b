"""The default engine: Wagtail's database search over the IndexedPage table.

SQLite uses FTS5 and PostgreSQL its full text search (with the ``indonesian``
configuration, see settings). A query is tried in three ways, stopping at the
first that finds anything:

1. every concept of the query plan (search/query.py: a word, its synonyms, its
   corrections), compared by Snowball stem ("kelahiran" finds "lahir");
2. every typed word, the last one as a prefix, for a word still being typed
   ("akta kelah", "kependuduk");
3. any of the concepts, for long questions ("cara mengurus ktp yang hilang"),
   flagged as ``relaxed`` so the page can say not every word was found.

A word the index does not know (nor starts a known word) is misspelt: the closest
indexed words (search.IndexedWord) join it as alternatives, found with pg_trgm's
similarity on PostgreSQL and difflib elsewhere, and "did you mean" names the closest.
"""

from __future__ import annotations

import difflib
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator

from django.db import DatabaseError, connection, transaction
from wagtail.search.backends import get_search_backends
from wagtail.search.query import And, Or, PlainText

from .. import synonyms, text
from ..documents import SearchDocument
from ..models import IndexedPage, IndexedWord
from ..query import QueryPlan, concepts_in
from ..query import plan as query_plan
from .base import Progress, SearchEngine, SearchResults, SearchUnavailable, facets, stored_hit

VOCABULARY_SECONDS = 300
BULK_SIZE = 200
# How close a known word must be to stand in for a misspelt one: pg_trgm similarity
# on PostgreSQL, difflib's ratio elsewhere ("akte" -> "akta" is 0.43 and 0.75).
TRIGRAM_THRESHOLD = 0.4
DIFFLIB_CUTOFF = 0.75
CLOSE_WORDS = 3
MIN_WORD, MAX_WORD = 3, 60


def rerank(rows: list[IndexedPage], plan: QueryPlan) -> list[IndexedPage]:
    """Pages that say the query's concepts in their title first, then in their keywords
    (service name, code, other names, unit); the engine's relevance order otherwise.
    SQLite's FTS5 ranks with BM25 but cannot weigh the title more than the text."""
    return sorted(
        rows,
        key=lambda row: (
            -concepts_in(plan, row.title),
            -concepts_in(plan, row.keywords),
        ),
    )


def _row(doc: SearchDocument) -> dict:
    values = doc.stored_fields()
    values["stems"] = doc.stems
    return values


def _alternative_query(words: tuple[str, ...]):
    return PlainText(" ".join(text.stem(w) for w in words), operator="and")


def _concept_query(concept):
    options = [_alternative_query(a) for a in concept.alternatives]
    return options[0] if len(options) == 1 else Or(options)


def document_words(doc: SearchDocument) -> set[str]:
    """The words a misspelling can be corrected to."""
    return {
        w
        for w in text.words(" ".join((doc.title, doc.keywords, doc.summary, doc.body)))
        if MIN_WORD <= len(w) <= MAX_WORD and not w.isdigit()
    }


def _has_word(sorted_words: list[str], word: str) -> bool:
    """``word`` is in the list, or starts a word of it (three letters or more)."""
    i = bisect_left(sorted_words, word)
    if i < len(sorted_words) and sorted_words[i] == word:
        return True
    return len(word) >= 3 and i < len(sorted_words) and sorted_words[i].startswith(word)


def trigram_available() -> bool:
    """pg_trgm is installed (search migration 0003 creates it when the role may)."""
    if connection.vendor != "postgresql":
        return False
    if DatabaseEngine._trigram is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            DatabaseEngine._trigram = cursor.fetchone() is not None
    return DatabaseEngine._trigram


def _add_words(words: set[str]) -> None:
    # Words of removed pages stay until the next rebuild: a correction to a word no
    # page has any more finds nothing, and "did you mean" is only offered when it does.
    IndexedWord.objects.bulk_create(
        [IndexedWord(word=w) for w in sorted(words)], batch_size=1000, ignore_conflicts=True
    )


class DatabaseEngine(SearchEngine):
    name = "database"
    _vocabulary: tuple[float, list[str]] | None = None
    _trigram: bool | None = None

    # Search

    def plan(self, query: str) -> QueryPlan:
        lexicon = synonyms.lexicon()
        vocabulary = self._known_words()
        extra = sorted(lexicon.words() - set(vocabulary))

        def known(word: str) -> bool:
            return _has_word(vocabulary, word) or _has_word(extra, word)

        def close_words(word: str) -> list[str]:
            found = self._close_words(word, vocabulary)
            found += difflib.get_close_matches(word, extra, n=1, cutoff=DIFFLIB_CUTOFF)
            return found

        return query_plan(query, lexicon, known=known, close_words=close_words)

    def _close_words(self, word: str, vocabulary: list[str]) -> list[str]:
        """Known words near a misspelt one, closest first: pg_trgm's similarity on
        PostgreSQL, difflib over the cached vocabulary elsewhere."""
        if trigram_available():
            # PostgreSQL only: the module needs psycopg, absent on other databases.
            from django.contrib.postgres.search import TrigramSimilarity

            return list(
                IndexedWord.objects.annotate(similarity=TrigramSimilarity("word", word))
                .filter(similarity__gte=TRIGRAM_THRESHOLD)
                .order_by("-similarity", "word")
                .values_list("word", flat=True)[:CLOSE_WORDS]
            )
        return difflib.get_close_matches(word, vocabulary, n=CLOSE_WORDS, cutoff=DIFFLIB_CUTOFF)

    def _matches(self, queryset, plan: QueryPlan, mode: str):
        if mode == "prefix":
            return queryset.autocomplete(" ".join(plan.terms), operator="and")
        parts = [_concept_query(c) for c in plan.concepts]
        if len(parts) == 1:
            return queryset.search(parts[0])
        return queryset.search(And(parts) if mode == "all" else Or(parts))

    def _search(self, results: SearchResults, plan, *, unit, type, offset, limit):
        try:
            self._search_database(results, plan, unit=unit, type=type, offset=offset, limit=limit)
        except DatabaseError as exc:
            raise SearchUnavailable(str(exc)) from exc

    def _search_database(self, results, plan, *, unit, type, offset, limit):
        # Every match with the few fields ranking and facets need, in relevance order;
        # pages are then cut in Python. A Pemda has thousands of pages at most.
        lean = IndexedPage.objects.only("title", "keywords", "type", "unit_code", "unit_name")
        modes = ["all", "prefix"] + (["any"] if len(plan.concepts) > 1 else [])
        results.suggestion = plan.suggestion()
        for mode in modes:
            rows = list(self._matches(lean, plan, mode))
            if rows:
                break
        else:
            return
        results.relaxed = mode == "any"
        rows = rerank(rows, plan)

        def unit_ok(row):
            return not unit or row.unit_code == unit

        def type_ok(row):
            return not type or row.type == type

        matches = [row for row in rows if unit_ok(row) and type_ok(row)]
        results.count = len(matches)
        ids = [row.pk for row in matches[offset : offset + limit]]
        full = {row["page_id"]: row for row in IndexedPage.objects.filter(pk__in=ids).values()}
        results.hits = [stored_hit(pk, full[pk], plan.all_words) for pk in ids if pk in full]
        results.facets = facets(
            Counter(row.unit_code for row in rows if type_ok(row)),
            {row.unit_code: row.unit_name for row in rows},
            Counter(row.type for row in rows if unit_ok(row)),
        )

    def _known_words(self) -> list[str]:
        """Every indexed word, sorted (cached for a few minutes per process)."""
        cached = DatabaseEngine._vocabulary
        if cached and time.monotonic() - cached[0] < VOCABULARY_SECONDS:
            return cached[1]
        vocabulary = sorted(IndexedWord.objects.values_list("word", flat=True))
        DatabaseEngine._vocabulary = (time.monotonic(), vocabulary)
        return vocabulary

    # Index

    def index(self, doc: SearchDocument) -> None:
        # Saving indexes the row through Wagtail's search signal handlers.
        IndexedPage.objects.update_or_create(page_id=doc.id, defaults=_row(doc))
        _add_words(document_words(doc))
        DatabaseEngine._vocabulary = None

    def remove(self, page_id: int) -> None:
        for row in IndexedPage.objects.filter(page_id=page_id):
            row.delete()

    def rebuild(
        self, docs: Iterable[SearchDocument], *, total: int, progress: Progress | None = None
    ):
        backends = get_search_backends(with_auto_update=True)
        done = 0
        words: set[str] = set()
        with transaction.atomic():
            IndexedPage.objects.all().delete()
            IndexedWord.objects.all().delete()
            batch: list[IndexedPage] = []
            for doc in docs:
                words |= document_words(doc)
                batch.append(IndexedPage(page_id=doc.id, **_row(doc)))
                if len(batch) >= BULK_SIZE:
                    done += self._write(batch, backends)
                    batch = []
                    if progress:
                        progress(done, total)
            if batch:
                done += self._write(batch, backends)
            _add_words(words)
        if progress:
            progress(done, total)
        DatabaseEngine._vocabulary = None
        return done

    @staticmethod
    def _write(batch, backends) -> int:
        IndexedPage.objects.bulk_create(batch)
        for backend in backends:
            backend.add_bulk(IndexedPage, batch)
        return len(batch)

    def ping(self) -> bool:
        try:
            IndexedPage.objects.exists()
        except DatabaseError:
            return False
        return True

    def indexed_documents(self) -> Iterator[dict]:
        for row in IndexedPage.objects.order_by("pk").values():
            row["id"] = row.pop("page_id")
            yield row

    def describe(self) -> str:
        return f"database ({connection.vendor})"
