"""Keep the active engine's index in step with what is public.

Called from the signal handlers (search/signals.py): a page is (re)built as a
document when it is published, and removed when it stops being public. The
database engine writes in the same transaction as the change; an external
engine is written by a task (search/tasks.py) queued once the transaction has
committed, so a rolled-back publish never reaches it, an editor never waits for
the cluster, and an engine that is down blocks nobody: the failure is logged and
``search_index --rebuild`` catches up.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from wagtail.models import Page

from . import documents
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
    docs = [doc for doc in (documents.build(p) for p in pages) if doc is not None]
    indexed = {doc.id for doc in docs}
    if docs:
        engine.index_many(docs)
    engine.remove_many(pk for pk in ids if pk not in indexed)


def apply_pages(page_ids: list[int]) -> None:
    """Index each of these pages that is public now, remove each one that is not (the
    work itself; search.tasks runs it for external engines)."""
    _guarded(get_engine(), lambda engine: _index(engine, page_ids))


def apply_removal(page_id: int) -> None:
    _guarded(get_engine(), lambda engine: engine.remove(page_id))


def sync_pages(page_ids: Iterable[int]) -> None:
    """Index each page that is public now, and remove each one that is not.

    The database engine writes in the caller's transaction (one row per page, and
    a rolled-back publish rolls it back too). An external engine is a network call
    an editor should not wait for: it becomes a task, queued once the transaction
    has committed.
    """
    ids = sorted(set(page_ids))
    if not ids:
        return
    if get_engine().defer_until_commit:
        from . import tasks

        transaction.on_commit(lambda: tasks.sync_pages.enqueue(ids))
    else:
        apply_pages(ids)


def sync_page(page: Page, *, descendants: bool = False) -> None:
    ids = [page.pk]
    if descendants:
        ids += list(Page.objects.descendant_of(page).values_list("pk", flat=True))
    sync_pages(ids)


def remove_page(page_id: int) -> None:
    if get_engine().defer_until_commit:
        from . import tasks

        transaction.on_commit(lambda: tasks.remove_page.enqueue(page_id))
    else:
        apply_removal(page_id)


def rebuild(*, progress=None, engine=None) -> int:
    """Replace the whole index with every public page; returns the number indexed."""
    engine = engine or get_engine()
    total = documents.indexable_count()
    docs = documents.build_many(documents.indexable_pages())
    return engine.rebuild(docs, total=total, progress=progress)
