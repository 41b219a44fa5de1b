"""Single-use receipts a loket or a queue system issues: a citizen who rates with one
gives a verified response credited to the officer who served them."""

import datetime

from django.conf import settings
from django.utils import timezone

from ..models import (
    Receipt,
    Service,
)
from .parsing import (
    SubmissionInvalid,
    _lookup_officer,
    _lookup_point,
    _lookup_service,
)


def receipt_issue(
    *, service: Service, service_point=None, officer=None, issued_by=None, hours=None
) -> Receipt:
    """Issue a single-use receipt for a citizen who has just been served."""
    hours = hours or settings.RECEIPT_VALID_HOURS
    now = timezone.now()
    return Receipt.objects.create(
        service=service,
        service_point=service_point,
        officer=officer,
        issued_by=issued_by,
        issued_at=now,
        expires_at=now + datetime.timedelta(hours=hours),
    )


def receipt_issue_from_codes(
    *, service: str, service_point=None, officer_nip=None, issued_by=None, hours=None
) -> Receipt:
    """receipt_issue for callers that hold codes (the receipts API, a queue system)."""
    errors: dict = {}

    def error(name, message):
        errors.setdefault(name, []).append(message)

    svc = _lookup_service(service, error)
    point = _lookup_point(service_point, svc, error)
    officer = _lookup_officer(officer_nip, error)
    if errors:
        raise SubmissionInvalid(errors)
    return receipt_issue(
        service=svc, service_point=point, officer=officer, issued_by=issued_by, hours=hours
    )
