"""The log of searches that found nothing, for editors (search.NoResultQuery).

One row per place and normalized query, with a count and the last time: nothing
about who searched. Digit runs (a NIK, a phone number) and e-mail addresses are
masked before anything is stored, and the table is capped: when it is full, the
queries not seen for the longest time make room.
"""

from __future__ import annotations

import logging
import re

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import text
from .models import NoResultQuery

logger = logging.getLogger(__name__)

MAX_ROWS = 2000
MAX_LENGTH = 100
_EMAIL = re.compile(r"\S+@\S+")
_DIGITS = re.compile(r"\d{5,}")


def normalize(query: str) -> str:
    """Lower case, single spaces, personal-looking parts masked, at most 100 characters."""
    value = _EMAIL.sub("[email]", query or "")
    value = _DIGITS.sub("[angka]", value)
    return " ".join(value.lower().split())[:MAX_LENGTH].strip()


def record(query: str, source: str = NoResultQuery.Source.SEARCH) -> None:
    """Count one search for ``query`` that found nothing. Never fails the search."""
    value = normalize(query)
    if not text.words(value):
        return
    try:
        with transaction.atomic():
            now = timezone.now()
            updated = NoResultQuery.objects.filter(source=source, query=value).update(
                count=F("count") + 1, last_seen=now
            )
            if updated:
                return
            try:
                with transaction.atomic():
                    NoResultQuery.objects.create(source=source, query=value)
            except IntegrityError:  # the same query, logged at the same moment
                NoResultQuery.objects.filter(source=source, query=value).update(
                    count=F("count") + 1, last_seen=now
                )
                return
            _trim()
    except DatabaseError as exc:
        logger.warning("Could not log a search without results: %s", exc)


def _trim() -> None:
    oldest = NoResultQuery.objects.order_by("-last_seen", "-pk").values_list("pk", flat=True)[
        MAX_ROWS : MAX_ROWS + 100
    ]
    stale = list(oldest)
    if stale:
        NoResultQuery.objects.filter(pk__in=stale).delete()
