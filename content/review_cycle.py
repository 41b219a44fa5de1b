"""The service standard's review cycle: when a standard is due for review, which
published standards are overdue (the editors' dashboard), and the choice of the page
revision that carried a review's changes.

The page models pass their querysets in; nothing here imports content.models.
"""

import calendar
import datetime

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from wagtail.models import PageLogEntry


def review_months() -> int:
    return getattr(settings, "STANDARD_REVIEW_MONTHS", 12)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved by ``months`` calendar months; the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def due_on(last_reviewed: datetime.date | None, published: datetime.date | None, months: int):
    """The day a standard must be reviewed by: ``months`` after its last review or,
    never reviewed, after it was first published. None for a page never published."""
    start = last_reviewed or published
    return add_months(start, months) if start else None


def is_overdue(
    last_reviewed: datetime.date | None,
    published: datetime.date | None,
    *,
    today: datetime.date,
    months: int,
) -> bool:
    due = due_on(last_reviewed, published, months)
    return due is not None and today > due


def overdue_standards(service_pages, *, today=None, months=None) -> list[dict]:
    """Published standards not reviewed for longer than ``months`` (default: the
    STANDARD_REVIEW_MONTHS setting), most overdue first, each {"page", "last_reviewed",
    "published", "due_on"}. One query: the last review date is read by aggregation."""
    today = today or timezone.localdate()
    months = review_months() if months is None else months
    flagged = []
    rows = service_pages.annotate(last_reviewed=Max("reviews__reviewed_on")).order_by("title")
    for page in rows:
        published = timezone.localdate(page.first_published_at) if page.first_published_at else None
        if is_overdue(page.last_reviewed, published, today=today, months=months):
            flagged.append(
                {
                    "page": page,
                    "last_reviewed": page.last_reviewed,
                    "published": published,
                    "due_on": due_on(page.last_reviewed, published, months),
                }
            )
    return sorted(flagged, key=lambda row: row["due_on"])


def revision_label(revision, live_revision_id=None) -> str:
    """How a revision is offered to editors: when, by whom, whether it is live."""
    when = timezone.localtime(revision.created_at).strftime("%d-%m-%Y %H.%M")
    who = revision.user.get_username() if revision.user_id else "-"
    live = " (tayang)" if revision.pk == live_revision_id else ""
    return f"{when} · {who}{live}"


def revision_after(page, reviewed_on: datetime.date):
    """The revision a review's change is linked to by default: the first of the page's
    published revisions created on or after the review day (the change goes live
    after the review decided it); None when none has been published since."""
    if not page.pk or reviewed_on is None:
        return None
    published = PageLogEntry.objects.filter(
        page_id=page.pk, action="wagtail.publish", revision__isnull=False
    ).values("revision_id")
    return (
        page.revisions.filter(pk__in=published, created_at__date__gte=reviewed_on)
        .order_by("created_at", "pk")
        .first()
    )


def narrow_revision_choices(formset, page) -> None:
    """Offer only ``page``'s own revisions, newest first, in each review form of
    ``formset`` (the page form's "reviews" formset), including the empty form the
    admin copies for a new review.

    A review that says the page was changed but names no revision gets the first
    revision published since its date (revision_after): preselected when the form
    is shown, filled in when it is sent empty; the editor may pick another."""
    revisions = page.revisions.select_related("user").order_by("-created_at") if page.pk else None
    # Read from the database: the form's page may be an older revision's copy.
    live_revision_id = (
        type(page).objects.filter(pk=page.pk).values_list("live_revision_id", flat=True).first()
    )
    base = formset.form

    class ReviewForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            field = self.fields.get("revision")
            if field is not None:
                field.queryset = revisions if revisions is not None else field.queryset.none()
                field.label_from_instance = lambda r: revision_label(r, live_revision_id)
            review = self.instance
            if (
                field is not None
                and not self.is_bound
                and review.page_changed
                and not review.revision_id
            ):
                default = revision_after(page, review.reviewed_on)
                if default is not None:
                    self.initial["revision"] = default.pk

        def clean(self):
            cleaned = super().clean()
            if (
                "revision" in self.fields
                and cleaned.get("page_changed")
                and not cleaned.get("revision")
                and not cleaned.get("DELETE")
            ):
                cleaned["revision"] = revision_after(page, cleaned.get("reviewed_on"))
            return cleaned

    ReviewForm.__name__ = base.__name__
    formset.form = ReviewForm
    # Forms built before the swap are built again with the narrowed choices.
    formset.__dict__.pop("forms", None)
