"""The loop with citizens, filled in: unit staff, reply templates, the inbox with
answered and unanswered comments across units (a few overdue, one forwarded to
SP4N-LAPOR!), reasons for low scores, the follow-up (RTL) items linked to the
comments and reasons that led to them, and the loop's figures. Idempotent: nothing
is added once the demo's inbox has items, and a follow-up already linked stays as
it is."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from content.models import FollowUpAction, UnitPage
from feedback.loop import deadlines, figures
from feedback.models import (
    FeedbackItem,
    ItemEvent,
    Reply,
    ReplyStatus,
    ReplyTemplate,
    Response,
    Unit,
    UnitStaff,
)
from feedback.rules import loop as rules

UNIT_STAFF_GROUP = "Petugas unit"
# username, password, units, first name (documented with the other demo logins)
STAFF = [
    ("petugas-duk", "petugas-duk-demo", ["DISDUKCAPIL"], "Petugas Pengaduan Disdukcapil"),
    ("petugas-dinkes", "petugas-dinkes-demo", ["DINKES", "PKM-SKJ-01"], "Petugas Dinkes"),
]
TEMPLATES = [
    (
        "DISDUKCAPIL",
        "Antrean",
        "Terima kasih atas masukannya. Mulai bulan ini kami membuka satu loket tambahan "
        "pada jam sibuk (08.00-11.00) dan membagikan nomor antrean daring.",
    ),
    (
        "DISDUKCAPIL",
        "Persyaratan",
        "Terima kasih. Papan informasi persyaratan sudah kami perbarui agar sama dengan "
        "standar pelayanan; petugas hanya meminta dokumen yang tercantum di sana.",
    ),
    (
        "DINKES",
        "Fasilitas",
        "Terima kasih atas masukannya. Perbaikan fasilitas ruang tunggu sudah kami "
        "jadwalkan dan akan selesai bulan depan.",
    ),
]
REASONS = {
    "U1": "Persyaratan di papan berbeda dengan yang diminta.",
    "U3": "Menunggu hampir tiga jam.",
    "U9": "Ruang tunggu panas dan sempit.",
}
UNITS_WITH_ITEMS = ["DISDUKCAPIL", "DINKES", "PKM-SKJ-01", "DPMPTSP", "DISHUB"]


def load(*, log=print) -> int:
    """Create the loop's demo data; returns how many inbox items were created."""
    with transaction.atomic():
        _staff()
        _templates()
        _follow_up_counts()
        created = 0 if FeedbackItem.objects.exists() else _items()
        linked = _link_follow_ups()
    log(f"  inbox items: {created}, follow-ups linked to them: {linked}")
    return created


def _staff():
    User = get_user_model()
    group = Group.objects.get(name=UNIT_STAFF_GROUP)
    for username, password, codes, first_name in STAFF:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "email": f"{username}@demo.invalid"},
        )
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(group)
        for unit in Unit.objects.filter(code__in=codes):
            UnitStaff.objects.get_or_create(user=user, unit=unit)


def _templates():
    for code, title, text in TEMPLATES:
        unit = Unit.objects.filter(code=code).first()
        if unit is not None:
            ReplyTemplate.objects.get_or_create(unit=unit, title=title, defaults={"text": text})


def _follow_up_counts():
    """The follow-up counts the loop's figures read (normally written on publish)."""
    for page in UnitPage.objects.live().select_related("unit"):
        figures.follow_ups_published(
            page.unit_id,
            [(f.period, f.status == FollowUpAction.Status.DONE) for f in page.follow_ups.all()],
        )


def _items() -> int:
    rng = random.Random("loop")
    today = timezone.localdate()
    User = get_user_model()
    approver = User.objects.filter(username="approver").first()
    staff = {s.unit.code: s.user for s in UnitStaff.objects.select_related("unit", "user")}
    created = 0
    forwarded = False
    for code in UNITS_WITH_ITEMS:
        comments = list(
            Response.objects.filter(
                service__unit__code=code, comment_status="approved", officer__isnull=True
            )
            .exclude(comment="")
            .select_related("service")
            .order_by("-submitted_at")[:24]
        )
        templates = list(ReplyTemplate.objects.filter(unit__code=code))
        for index, response in enumerate(comments):
            received = response.submitted_at.date()
            if index < 3:
                # The newest few arrived this week: still open, one of them overdue.
                received = today - datetime.timedelta(days=3 + 6 * (index == 0))
            item = FeedbackItem.objects.create(
                response=response,
                unit_id=response.service.unit_id,
                service_id=response.service_id,
                served_on=response.served_on,
                received_on=received,
                due_on=deadlines.due_on(received),
                has_comment=True,
                public=True,
                owner=staff.get(code),
            )
            ItemEvent.objects.create(item=item, action="diterima")
            created += 1
            if index < 3:
                if index == 1 and not forwarded:
                    _forward(item, staff.get(code))
                    forwarded = True
                continue
            if rng.random() < 0.8:
                _answer(item, rng, templates, staff.get(code), approver)
            elif index > 4:  # older ones are closed; two stay open, long overdue
                item.status, item.closed_reason = rules.CLOSED, "Bukan kewenangan unit ini."
                item.closed_at = timezone.make_aware(
                    datetime.datetime.combine(received, datetime.time(10))
                )
                item.save(update_fields=["status", "closed_reason", "closed_at"])
        created += _reasons(code, rng, staff.get(code))
    for service_id, month in {
        (i.service_id, i.served_on.replace(day=1)) for i in FeedbackItem.objects.all()
    }:
        figures.refresh(service_id, month)
    return created


def _answer(item, rng, templates, writer, approver):
    days = rng.choice([1, 2, 3, 4, 5, 6, 8])
    published = deadlines_add(item.received_on, days)
    at = timezone.make_aware(datetime.datetime.combine(published, datetime.time(14)))
    text = (
        rng.choice(templates).text
        if templates
        else "Terima kasih atas masukannya; sudah kami tindak lanjuti."
    )
    Reply.objects.create(
        item=item,
        service_id=item.service_id,
        text=text,
        status=ReplyStatus.PUBLISHED,
        written_by=writer,
        written_at=at,
        approved_by=approver,
        published_at=at,
    )
    item.status, item.answered_at = rules.ANSWERED, at
    item.save(update_fields=["status", "answered_at"])
    ItemEvent.objects.create(item=item, user=approver, at=at, action="tanggapan terbit")


def deadlines_add(start, days):
    return rules.add_working_days(start, days, deadlines.days_off(start, start))


def _forward(item, user):
    item.status, item.lapor_ticket = rules.FORWARDED, "LAPOR-2026-0815-4471"
    item.lapor_url = "https://www.lapor.go.id/"
    item.forwarded_at = timezone.now()
    item.save(update_fields=["status", "lapor_ticket", "lapor_url", "forwarded_at"])
    ItemEvent.objects.create(item=item, user=user, action="Diteruskan ke SP4N-LAPOR!")


def _reasons(code, rng, owner) -> int:
    """A few recent low scores with their reasons, in the inbox."""
    created = 0
    low = (
        Response.objects.filter(service__unit__code=code, u3__lte=2, loop_item__isnull=True)
        .select_related("service")
        .order_by("-submitted_at")[:4]
    )
    today = timezone.localdate()
    for n, response in enumerate(low):
        given = {c: text for c, text in REASONS.items() if getattr(response, c.lower()) <= 2}
        given.setdefault("U3", REASONS["U3"])
        Response.objects.filter(pk=response.pk).update(reasons=given)
        received = today - datetime.timedelta(days=1 + 2 * n)
        item = FeedbackItem.objects.create(
            response=response,
            unit_id=response.service.unit_id,
            service_id=response.service_id,
            served_on=response.served_on,
            received_on=received,
            due_on=deadlines.due_on(received),
            has_reasons=True,
            low_score=any(getattr(response, f"u{i}") == 1 for i in range(1, 10)),
            status=rules.REVIEWED if n % 2 else rules.NEW,
            owner=owner if n % 2 else None,
        )
        ItemEvent.objects.create(item=item, action="diterima")
        created += 1
    return created


# How many of a unit's items one demo follow-up item is linked to, at most.
LINKS_PER_FOLLOW_UP = 6


def _link_follow_ups() -> int:
    """Link the demo units' published follow-up items to the inbox items that led to
    them (the responses rating that element 1 or 2), as staff do from the inbox, so
    "Kami dengar, kami lakukan" has something to count. Published through a page
    revision like every change to the RTL, so a later publish keeps the links."""
    linked = 0
    for page in UnitPage.objects.live().filter(unit__code__in=UNITS_WITH_ITEMS):
        draft = page.get_latest_revision_as_object()
        follow_ups = list(draft.follow_ups.all())
        changed = False
        for follow_up in follow_ups:
            if follow_up.feedback_items.exists():
                continue
            element = follow_up.element.lower()
            items = list(
                FeedbackItem.objects.filter(
                    unit_id=page.unit_id, **{f"response__{element}__lte": 2}
                ).order_by("-has_reasons", "-received_on", "pk")[:LINKS_PER_FOLLOW_UP]
            )
            if items:
                follow_up.feedback_items = items
                changed = True
                linked += 1
        if changed:
            # Assigned back as a whole, so the revision is written with the links.
            draft.follow_ups = follow_ups
            draft.save_revision().publish()
    return linked
