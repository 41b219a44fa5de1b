"""Keep the active engine's index in step with what is public.

Called from the signal handlers (search/signals.py): a page is (re)built as a
document when it is published, and removed when it stops being public. The
database engine writes in the same transaction as the change; an external
engine writes once the transaction has committed, so a rolled-back publish
never reaches it, and an engine that is down never blocks an editor: the
failure is logged and ``search_index --rebuild`` catches up.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from wagtail.models import Page

from . import documents
from .engines import SearchUnavailable, get_engine

logger = logging.getLogger(__name__)


def _run(action) -> None:
    engine = get_engine()

    def call():
        try:
            action(engine)
        except SearchUnavailable as exc:
            logger.warning(
                "Search index not updated (%s): %s. Run `manage.py search_index --rebuild` "
                "once the engine is back.",
                engine.name,
                exc,
            )

    if engine.defer_until_commit:
        transaction.on_commit(call)
    else:
        call()


def sync_pages(page_ids: Iterable[int]) -> None:
    """Index each page that is public now, and remove each one that is not."""
    ids = sorted(set(page_ids))
    if not ids:
        return

    def action(engine):
        # Read when the action runs (after commit for external engines).
        pages = Page.objects.filter(pk__in=ids).specific()
        docs = [doc for doc in (documents.build(p) for p in pages) if doc is not None]
        indexed = {doc.id for doc in docs}
        if docs:
            engine.index_many(docs)
        engine.remove_many(pk for pk in ids if pk not in indexed)

    _run(action)


def sync_page(page: Page, *, descendants: bool = False) -> None:
    ids = [page.pk]
    if descendants:
        ids += list(Page.objects.descendant_of(page).values_list("pk", flat=True))
    sync_pages(ids)


def remove_page(page_id: int) -> None:
    _run(lambda engine: engine.remove(page_id))


def rebuild(*, progress=None, engine=None) -> int:
    """Replace the whole index with every public page; returns the number indexed."""
    engine = engine or get_engine()
    total = documents.indexable_count()
    docs = documents.build_many(documents.indexable_pages())
    return engine.rebuild(docs, total=total, progress=progress)
