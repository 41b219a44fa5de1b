"""Index writes to an external search engine, run by the task worker (django-tasks).

Queued by search/signals.py after the publishing transaction commits; each task reads
the pages as they are when it runs, so a late task never indexes stale text.
"""

from django_tasks import task

from . import sync


@task()
def sync_pages(page_ids: list[int]) -> None:
    sync.apply_pages(page_ids)


@task()
def remove_page(page_id: int) -> None:
    sync.apply_removal(page_id)
