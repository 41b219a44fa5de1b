"""The one search interface both engines implement."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from django.utils.functional import cached_property

from .. import query as query_plan
from .. import synonyms, text
from ..documents import TYPE_LABELS, SearchDocument

MAX_QUERY_LENGTH = 200
MAX_PER_PAGE = 50
# Deep pages cost an engine more than they are worth (Elasticsearch refuses
# from + size beyond 10,000 by default).
MAX_RESULT_WINDOW = 1000

Progress = Callable[[int, int], None]


class SearchUnavailable(Exception):
    """The engine cannot answer now (down, unreachable, timing out)."""


@dataclass
class Hit:
    id: int
    title: str
    url: str
    type: str
    snippet: str  # HTML: escaped text, matches in <mark>
    unit_code: str = ""
    unit_name: str = ""
    score: float | None = None
    service_code: str = ""
    # The service's English name, shown under the Indonesian title on /en/.
    name_en: str = ""

    @property
    def type_label(self) -> str:
        return str(TYPE_LABELS.get(self.type, self.type))


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    """One page of results, with the facets and the "did you mean" of the whole query."""

    query: str
    engine: str
    hits: list[Hit] = field(default_factory=list)
    count: int = 0
    page: int = 1
    per_page: int = 10
    facets: dict[str, list[FacetValue]] = field(default_factory=lambda: {"unit": [], "type": []})
    suggestion: str | None = None
    # True when no page has every word, and the results have some of them.
    relaxed: bool = False
    unit: str | None = None
    type: str | None = None

    @cached_property
    def num_pages(self) -> int:
        reachable = min(self.count, MAX_RESULT_WINDOW)
        return max(1, math.ceil(reachable / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def start_index(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.hits else 0

    @property
    def end_index(self) -> int:
        return self.start_index + len(self.hits) - 1 if self.hits else 0


def type_facet(counts: dict[str, int]) -> list[FacetValue]:
    return [
        FacetValue(value, str(TYPE_LABELS.get(value, value)), count)
        for value, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if count
    ]


def unit_facet(counts: dict[str, int], labels: dict[str, str]) -> list[FacetValue]:
    return [
        FacetValue(code, labels.get(code, code), count)
        for code, count in sorted(counts.items(), key=lambda kv: (-kv[1], labels.get(kv[0], "")))
        if code and count
    ]


def facets(
    unit_counts: Mapping[str, int], unit_labels: Mapping[str, str], type_counts: Mapping[str, int]
) -> dict[str, list[FacetValue]]:
    """The unit and type facets of one search, each counted by the engine under the
    other facet's filter, so every choice shown leads to results."""
    return {"unit": unit_facet(unit_counts, unit_labels), "type": type_facet(type_counts)}


def stored_hit(
    page_id: int,
    stored: Mapping[str, str],
    terms: list[str],
    *,
    highlight: str = "",
    score: float | None = None,
) -> Hit:
    """A hit from the fields an engine stores for a page; its snippet the engine's own
    ``highlight`` where it made one, else cut from summary, body or keywords."""
    snippet = highlight or snippet_for(
        terms, stored.get("summary", ""), stored.get("body", ""), stored.get("keywords", "")
    )
    return Hit(
        id=page_id,
        title=stored.get("title", ""),
        url=stored.get("url", ""),
        type=stored.get("type", ""),
        snippet=snippet,
        unit_code=stored.get("unit_code", ""),
        unit_name=stored.get("unit_name", ""),
        score=score,
        service_code=stored.get("service_code", ""),
    )


def snippet_for(terms: list[str], *texts: str, length: int = 200) -> str:
    """HTML snippet: the first of ``texts`` with a match, matches marked; else the start
    of the first non-empty text."""
    for candidate in texts:
        if candidate:
            found = text.excerpt(candidate, terms, length)
            if found:
                return text.render_marked(found)
    for candidate in texts:
        if candidate:
            return text.render_marked(text.truncate(candidate, length))
    return ""


class SearchEngine(ABC):
    """Search, index, remove, rebuild, ping: all any caller needs from an engine."""

    name: str = ""
    # Engines outside the database write only after the transaction commits, so a
    # rolled-back publish never reaches them.
    defer_until_commit = False

    def search(
        self,
        query: str,
        *,
        unit: str | None = None,
        type: str | None = None,
        page: int = 1,
        per_page: int = 10,
    ) -> SearchResults:
        query = " ".join((query or "").split())[:MAX_QUERY_LENGTH]
        per_page = max(1, min(per_page, MAX_PER_PAGE))
        page = max(1, page)
        results = SearchResults(
            query=query, engine=self.name, page=page, per_page=per_page, unit=unit, type=type
        )
        plan = self.plan(query)
        if not plan.concepts:
            return results
        offset = (page - 1) * per_page
        limit = max(0, min(per_page, MAX_RESULT_WINDOW - offset))
        self._search(
            results, plan, unit=unit or None, type=type or None, offset=offset, limit=limit
        )
        if results.suggestion and (
            results.suggestion == " ".join(plan.terms) or not self._finds(results.suggestion)
        ):
            # "Did you mean" only for a query that finds something.
            results.suggestion = None
        return results

    def plan(self, query: str) -> query_plan.QueryPlan:
        """The query read with the editors' synonyms (and typo corrections where the
        engine makes them itself)."""
        return query_plan.plan(query, synonyms.lexicon())

    def _finds(self, query: str) -> bool:
        probe = SearchResults(query=query, engine=self.name, per_page=1)
        plan = self.plan(query)
        if plan.concepts:
            self._search(probe, plan, unit=None, type=None, offset=0, limit=1)
        return probe.count > 0

    @abstractmethod
    def _search(
        self,
        results: SearchResults,
        plan: query_plan.QueryPlan,
        *,
        unit,
        type,
        offset: int,
        limit: int,
    ) -> None:
        """Fill ``results``: the ``limit`` hits from ``offset``, the count, the facets, and
        ``suggestion`` and ``relaxed`` where the engine knows them. A page matches when it
        says every concept of ``plan`` (any of its alternatives)."""

    @abstractmethod
    def index(self, doc: SearchDocument) -> None:
        """Add or replace one document."""

    def index_many(self, docs: Iterable[SearchDocument]) -> None:
        for doc in docs:
            self.index(doc)

    @abstractmethod
    def remove(self, page_id: int) -> None:
        """Remove one page's document; nothing happens when there is none."""

    def remove_many(self, page_ids: Iterable[int]) -> None:
        for page_id in page_ids:
            self.remove(page_id)

    @abstractmethod
    def rebuild(
        self, docs: Iterable[SearchDocument], *, total: int, progress: Progress | None = None
    ) -> int:
        """Replace the whole index with ``docs``; returns how many were indexed."""

    @abstractmethod
    def ping(self) -> bool:
        """True when the engine answers."""

    @abstractmethod
    def indexed_documents(self) -> Iterator[dict]:
        """Every stored document, as stored: for audits ("what is in the index?")."""

    def describe(self) -> str:
        return self.name
