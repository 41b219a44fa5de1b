"""The synonym list editors keep (search.Synonym), read as a Lexicon for query plans.

Cached (in the configured cache, shared by the processes) and dropped whenever an
entry changes, so an editor's new synonym works on the next search.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import DatabaseError

from .models import Synonym
from .query import Lexicon

CACHE_KEY = "search:synonyms:v1"
CACHE_SECONDS = 600


def groups() -> list[list[str]]:
    cached = cache.get(CACHE_KEY)
    if cached is not None:
        return cached
    try:
        value = [entry.term_list() for entry in Synonym.objects.all()]
    except DatabaseError:
        # Before the migration ran (a fresh checkout): search without synonyms.
        return []
    cache.set(CACHE_KEY, value, CACHE_SECONDS)
    return value


def lexicon() -> Lexicon:
    return Lexicon(groups())


def forget() -> None:
    cache.delete(CACHE_KEY)
