"""Two lookups every submission makes, in plain SQL: whether a period of the
service was already counted from a report's table (so its responses would count
twice), and the first row matching a few conditions (the duplicate check).
Building and compiling the same filters through the ORM cost four times the
database round trip itself."""

import datetime

from django.db import connection
from django.utils.translation import gettext as _

from ..models import ReportedPeriod, Service


def first_value(model, column: str, conditions: list[tuple]):
    """``column`` of the first row of ``model`` (by id) matching every
    (column, operator, value) of ``conditions``, or None.

    The two lookups every submission makes (the reported-period check and the
    duplicate check) in plain SQL: building and compiling the same filter through
    the ORM cost four times the database round trip itself.
    """
    qn = connection.ops.quote_name
    where = " AND ".join(f"{qn(name)} {operator} %s" for name, operator, _ in conditions)
    sql = (
        f"SELECT {qn(column)} FROM {qn(model._meta.db_table)} "
        f"WHERE {where} ORDER BY {qn('id')} LIMIT 1"
    )
    with connection.cursor() as cursor:
        # Each value as its field stores it (an aware datetime on SQLite, say).
        params = [
            model._meta.get_field(name).get_db_prep_value(value, connection)
            for name, _, value in conditions
        ]
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else row[0]


def reported_period(service: Service, served_on: datetime.date) -> str | None:
    """The report-table period of ``service`` that covers ``served_on``, if any."""
    return first_value(
        ReportedPeriod,
        "period",
        [("service_id", "=", service.pk), ("start", "<=", served_on), ("end", ">=", served_on)],
    )


def reported_message(service: Service, period: str) -> str:
    return _(
        "Hasil %(s)s untuk periode %(p)s sudah diimpor dari tabel laporan; "
        "respons per responden pada periode itu akan terhitung dua kali."
    ) % {"s": service.code, "p": period}
