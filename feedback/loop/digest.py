"""The daily e-mail to unit staff: their units' new and overdue inbox items.

Sent through Django's e-mail backends (the console in the embedded default; SMTP or
an `anymail` provider in production, from the environment). Only counts, services
and links: never a comment's text, a reason or anything about an officer."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from ..models import FeedbackItem, UnitStaff
from ..rules import loop as rules
from . import items as inbox_items


def send_digests(*, today: datetime.date | None = None) -> int:
    """One e-mail per staff member with an address and something to do; returns how
    many were sent."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=1)
    # Responses whose item a crash kept from being filed are filed now, and counted.
    inbox_items.sweep_missing(since=timezone.now() - datetime.timedelta(days=2))
    units_of: dict[int, list[int]] = {}
    for user_id, unit_id in UnitStaff.objects.values_list("user_id", "unit_id"):
        units_of.setdefault(user_id, []).append(unit_id)
    users = get_user_model().objects.filter(pk__in=units_of, is_active=True).exclude(email="")
    inbox = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("feedback_inbox")
    sent = 0
    for user in users:
        items = FeedbackItem.objects.filter(unit_id__in=units_of[user.pk])
        new = items.filter(received_on__gte=since, status=rules.NEW).count()
        overdue = items.filter(status__in=rules.OPEN, due_on__lt=today).count()
        if not (new or overdue):
            continue
        body = (
            f"Masukan warga untuk unit Anda per {today:%d-%m-%Y}:\n\n"
            f"- masukan baru sejak kemarin: {new}\n"
            f"- melewati batas waktu {settings.LOOP_SLA_WORKING_DAYS} hari kerja: {overdue}\n\n"
            f"Buka kotak masukan: {inbox}\n"
            f"Yang terlambat saja: {inbox}?terlambat=1\n"
        )
        send_mail(
            f"Masukan warga: {new} baru, {overdue} terlambat",
            body,
            None,
            [user.email],
        )
        sent += 1
    return sent
