"""The default engine: Wagtail's database search over the IndexedPage table.

SQLite uses FTS5 and PostgreSQL its full text search (with the ``indonesian``
configuration, see settings). A query is tried in three ways, stopping at the
first that finds anything:

1. every word, compared by its Snowball stem ("kelahiran" finds "lahir");
2. every word, the last one as a prefix, for a word still being typed
   ("akta kelah", "kependuduk");
3. any of the words, for long questions ("cara mengurus ktp yang hilang"),
   flagged as ``relaxed`` so the page can say not every word was found.

When nothing matches, "did you mean" proposes the closest known words.
"""

from __future__ import annotations

import difflib
import time
from collections import Counter
from collections.abc import Iterable, Iterator

from django.db import DatabaseError, transaction
from wagtail.search.backends import get_search_backends

from .. import text
from ..documents import SearchDocument
from ..models import IndexedPage
from .base import (
    Hit,
    Progress,
    SearchEngine,
    SearchResults,
    SearchUnavailable,
    snippet_for,
    type_facet,
    unit_facet,
)

VOCABULARY_SECONDS = 300
BULK_SIZE = 200


def rerank(rows: list[IndexedPage], terms: list[str]) -> list[IndexedPage]:
    """Pages with the query's words in their title first, then in their keywords (service
    name and code, unit); the engine's relevance order otherwise. SQLite's FTS5 ranks
    with BM25 but cannot weigh the title more than the text."""
    return sorted(
        rows,
        key=lambda row: (
            -text.matching_terms(row.title, terms),
            -text.matching_terms(row.keywords, terms),
        ),
    )


def _row(doc: SearchDocument) -> dict:
    values = doc.stored_fields()
    values["stems"] = doc.stems
    return values


class DatabaseEngine(SearchEngine):
    name = "database"
    _vocabulary: tuple[float, list[str]] | None = None

    # Search

    def _matches(self, queryset, terms: list[str], mode: str):
        if mode == "all":
            return queryset.search(" ".join(text.stem(t) for t in terms), operator="and")
        if mode == "prefix":
            return queryset.autocomplete(" ".join(terms), operator="and")
        return queryset.search(" ".join(text.stem(t) for t in terms), operator="or")

    def _search(self, results: SearchResults, terms, *, unit, type, offset, limit):
        try:
            self._search_database(results, terms, unit=unit, type=type, offset=offset, limit=limit)
        except DatabaseError as exc:
            raise SearchUnavailable(str(exc)) from exc

    def _search_database(self, results, terms, *, unit, type, offset, limit):
        # Every match with the few fields ranking and facets need, in relevance order;
        # pages are then cut in Python. A Pemda has thousands of pages at most.
        lean = IndexedPage.objects.only("title", "keywords", "type", "unit_code", "unit_name")
        modes = ["all", "prefix"] + (["any"] if len(terms) > 1 else [])
        for mode in modes:
            rows = list(self._matches(lean, terms, mode))
            if rows:
                break
        else:
            results.suggestion = self._suggest(terms)
            return
        results.relaxed = mode == "any"
        rows = rerank(rows, terms)

        def unit_ok(row):
            return not unit or row.unit_code == unit

        def type_ok(row):
            return not type or row.type == type

        matches = [row for row in rows if unit_ok(row) and type_ok(row)]
        results.count = len(matches)
        ids = [row.pk for row in matches[offset : offset + limit]]
        full = IndexedPage.objects.in_bulk(ids)
        results.hits = [
            Hit(
                id=row.pk,
                title=row.title,
                url=row.url,
                type=row.type,
                snippet=snippet_for(terms, row.summary, row.body, row.keywords),
                unit_code=row.unit_code,
                unit_name=row.unit_name,
            )
            for row in (full[pk] for pk in ids if pk in full)
        ]
        # Each facet counts under the other facet's filter, so every choice shown
        # leads to results.
        labels = {row.unit_code: row.unit_name for row in rows}
        results.facets = {
            "unit": unit_facet(Counter(row.unit_code for row in rows if type_ok(row)), labels),
            "type": type_facet(Counter(row.type for row in rows if unit_ok(row))),
        }

    def _suggest(self, terms: list[str]) -> str | None:
        """The query with each unknown word replaced by the closest indexed word."""
        vocabulary = self._known_words()
        known = set(vocabulary)
        changed, out = False, []
        for term in terms:
            if term in known or term.isdigit():
                out.append(term)
                continue
            close = difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75)
            out.append(close[0] if close else term)
            changed = changed or bool(close)
        return " ".join(out) if changed else None

    def _known_words(self) -> list[str]:
        cached = DatabaseEngine._vocabulary
        if cached and time.monotonic() - cached[0] < VOCABULARY_SECONDS:
            return cached[1]
        words = set()
        for values in IndexedPage.objects.values_list("title", "keywords", "summary"):
            for value in values:
                words.update(w for w in text.words(value) if len(w) > 2 and not w.isdigit())
        vocabulary = sorted(words)
        DatabaseEngine._vocabulary = (time.monotonic(), vocabulary)
        return vocabulary

    # Index

    def index(self, doc: SearchDocument) -> None:
        # Saving indexes the row through Wagtail's search signal handlers.
        IndexedPage.objects.update_or_create(page_id=doc.id, defaults=_row(doc))
        DatabaseEngine._vocabulary = None

    def remove(self, page_id: int) -> None:
        for row in IndexedPage.objects.filter(page_id=page_id):
            row.delete()

    def rebuild(
        self, docs: Iterable[SearchDocument], *, total: int, progress: Progress | None = None
    ):
        backends = get_search_backends(with_auto_update=True)
        done = 0
        with transaction.atomic():
            IndexedPage.objects.all().delete()
            batch: list[IndexedPage] = []
            for doc in docs:
                batch.append(IndexedPage(page_id=doc.id, **_row(doc)))
                if len(batch) >= BULK_SIZE:
                    done += self._write(batch, backends)
                    batch = []
                    if progress:
                        progress(done, total)
            if batch:
                done += self._write(batch, backends)
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
        from django.db import connection

        return f"database ({connection.vendor})"
