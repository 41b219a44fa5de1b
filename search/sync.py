"""Keep the active engine's index in step with what is public: the index writes.

A page is (re)built as a document when it is published, and removed when it stops
being public. The signal handlers (search/signals.py) decide when: the database
engine is written at once, in the same transaction as the change; an external
engine (``deferred()``) by a task (search/tasks.py, which calls this module) queued
once the transaction has committed, so a rolled-back publish never reaches it, an
editor never waits for the cluster, and an engine that is down blocks nobody: the
failure is logged and ``search_index --rebuild`` catches up.
"""

from __future__ import annotations

import logging

from wagtail.models import Page

from . import indexed_pages
from .engines import SearchUnavailable, get_engine

logger = logging.getLogger(__name__)


def _guarded(engine, action) -> None:
    try:
        action(engine)
    except SearchUnavailable as exc:
        logger.warning(
            "Search index not updated (%s): %s. Run `manage.py search_index --rebuild` "
            "once the engine is back.",
            engine.name,
            exc,
        )


def _index(engine, ids: list[int]) -> None:
    # Read when this runs (after commit, in the task worker, for external engines).
    pages = Page.objects.filter(pk__in=ids).specific()
    docs = [doc for doc in (indexed_pages.build(p) for p in pages) if doc is not None]
    indexed = {doc.id for doc in docs}
    if docs:
        engine.index_many(docs)
    engine.remove_many(pk for pk in ids if pk not in indexed)


def deferred() -> bool:
    """Whether the active engine is written after the commit, by the task worker: an
    external engine is a network call an editor should not wait for."""
    return get_engine().defer_until_commit


def apply_pages(page_ids: list[int]) -> None:
    """Index each of these pages that is public now, remove each one that is not."""
    _guarded(get_engine(), lambda engine: _index(engine, page_ids))


def apply_removal(page_id: int) -> None:
    _guarded(get_engine(), lambda engine: engine.remove(page_id))


def with_descendants(page: Page) -> list[int]:
    """The ids of ``page`` and every page below it (a move or a new slug changes their
    addresses, a view restriction hides them all)."""
    return [page.pk, *Page.objects.descendant_of(page).values_list("pk", flat=True)]


def rebuild(*, progress=None, engine=None) -> int:
    """Replace the whole index with every public page; returns the number indexed."""
    engine = engine or get_engine()
    total = indexed_pages.indexable_count()
    docs = indexed_pages.build_many(indexed_pages.indexable_pages())
    return engine.rebuild(docs, total=total, progress=progress)
