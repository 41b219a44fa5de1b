"""Background work of the domain core (Django's tasks API, django-tasks).

Enqueued after the transaction that asks for it commits, so a worker never
sees work for data that was rolled back. The immediate backend (embedded
default, tests) runs each task at once; production queues them for
``manage.py db_worker``.
"""

from django.db import transaction
from django_tasks import task

from .intake import storing
from .loop import contacts, digest
from .results import rollups


@task()
def rebuild_officer_rollups(officer_ids: list[int]) -> int:
    """Recompute the officer rollups of these officers (after an assignment change)."""

    return rollups.rebuild_officers(officer_ids=officer_ids)


@task()
def purge_client_hashes() -> int:
    """The daily purge (also ``manage.py purge_client_hashes``): hashed client
    addresses past their retention, idempotency keys past theirs, and citizens'
    contacts for a reply once their item has been closed long enough. Returns the
    number of responses whose hashes were cleared."""

    storing.purge_idempotency_keys()
    contacts.purge()
    return storing.purge_client_hashes()


@task()
def send_inbox_digests() -> int:
    """The daily e-mail to unit staff (also ``manage.py send_inbox_digests``): their
    units' new and overdue inbox items. Returns how many e-mails were sent."""

    return digest.send_digests()


def enqueue_on_commit(work, *args, **kwargs) -> None:
    """Queue ``work`` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: work.enqueue(*args, **kwargs))
