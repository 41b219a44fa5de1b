"""The /nilai/ picker's matching: the search's query plan (synonyms, spelling variants,
corrections) over the active services' names, codes, units and other names.

The registry holds hundreds of services at most, so the match runs in Python on
the rows of one query, the same way on every database.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from feedback.models import Service

from . import synonyms, text
from .models import ServiceSearchTerms
from .query import QueryPlan, concept_in, plan

NAME_WEIGHT = 3
CLOSE_CUTOFF = 0.75


@dataclass
class _Candidate:
    service: object
    name_words: set[str]
    name_stems: set[str]
    all_words: set[str]
    all_stems: set[str]


def _candidate(service) -> _Candidate:
    try:
        other = service.search_terms.text()
    except ServiceSearchTerms.DoesNotExist:
        other = ""
    name = set(text.words(service.name))
    every = set(text.words(f"{service.name} {service.code} {service.unit.name} {other}"))
    every.add(text.squash(service.code))
    return _Candidate(
        service,
        name,
        {text.stem(w) for w in name},
        every,
        {text.stem(w) for w in every},
    )


def _plan(query: str, candidates: list[_Candidate]) -> QueryPlan:
    lexicon = synonyms.lexicon()
    vocabulary = sorted(set().union(*(c.all_words for c in candidates)) | lexicon.words())

    def known(word: str) -> bool:
        return any(w == word or (len(word) >= 3 and w.startswith(word)) for w in vocabulary)

    def close_words(word: str) -> list[str]:
        return difflib.get_close_matches(word, vocabulary, n=3, cutoff=CLOSE_CUTOFF)

    return plan(query, lexicon, known=known, close_words=close_words)


def rank(services, query: str) -> list:
    """The services that match ``query``, best first: those saying every concept of the
    query, or (when none does) those saying the most of them; a match in the name
    counts more than one in the other names."""
    candidates = [_candidate(s) for s in services]
    if not candidates:
        return []
    query_plan = _plan(query, candidates)
    if not query_plan.concepts:
        return [c.service for c in candidates]
    scored = []
    for c in candidates:
        in_all = [concept_in(k, c.all_words, c.all_stems) for k in query_plan.concepts]
        if not any(in_all):
            continue
        in_name = sum(concept_in(k, c.name_words, c.name_stems) for k in query_plan.concepts)
        scored.append((sum(in_all), in_name, c))
    if not scored:
        return []
    # Those saying every concept; when none does, those saying the most.
    best = max(hits for hits, _, _ in scored)
    scored = [row for row in scored if row[0] == best]
    scored.sort(key=lambda row: (-(row[0] + NAME_WEIGHT * row[1]), row[2].service.name))
    return [c.service for _, _, c in scored]


def services_to_rate(query: str = "") -> list[dict]:
    """Active services a citizen can rate, grouped by unit ([{"unit", "services"}]);
    with ``query``, only those matching it the way the site search reads a query
    (synonyms, spelling variants, typos), best match first."""
    services = Service.objects.filter(is_active=True, unit__is_active=True).select_related(
        "unit", "search_terms"
    )
    query = " ".join(query.split())[:100]
    if query:
        ordered = rank(services, query)
    else:
        ordered = list(services.order_by("unit__name", "name"))
    groups: dict[int, dict] = {}
    for service in ordered:
        groups.setdefault(service.unit_id, {"unit": service.unit, "services": []})
        groups[service.unit_id]["services"].append(service)
    return list(groups.values())
