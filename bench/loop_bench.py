"""What a service page costs with 10 answered comments and with 10,000: the page
reads its newest comments with their replies in one bounded query and the loop's
figures from at most twelve monthly rows, so both should cost the same.

    .venv/bin/python bench/loop_bench.py [--answered 10000] [--runs 20]

Builds a throwaway SQLite test database (the test settings), one service page, and
N approved comments each with a published reply; renders the page (public cache
off, a miss every time) and ``GET /api/v1/comments/?service=`` and prints the
queries and the median milliseconds for 10 and for N. Exit status 1 when the
query count grows with N.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402


def fill(service, count):
    from feedback.models import FeedbackItem, Reply, ReplyStatus, Response

    now = timezone.now()
    day = datetime.date(2026, 8, 10)
    Response.objects.bulk_create(
        [
            Response(
                service=service,
                channel="web",
                served_on=day,
                submitted_at=now - datetime.timedelta(minutes=i),
                comment=f"Komentar warga nomor {i}.",
                comment_status="approved",
                **{f"u{n}": 3 for n in range(1, 10)},
            )
            for i in range(count)
        ],
        batch_size=2000,
    )
    responses = list(Response.objects.filter(service=service, loop_item__isnull=True))
    FeedbackItem.objects.bulk_create(
        [
            FeedbackItem(
                response=r,
                unit_id=service.unit_id,
                service=service,
                served_on=day,
                has_comment=True,
                public=True,
                status="dijawab",
                received_on=day,
                due_on=day,
            )
            for r in responses
        ],
        batch_size=2000,
    )
    Reply.objects.bulk_create(
        [
            Reply(
                item=item,
                service=service,
                text="Terima kasih, sudah kami tindak lanjuti.",
                status=ReplyStatus.PUBLISHED,
                published_at=now,
            )
            for item in FeedbackItem.objects.filter(service=service, reply__isnull=True)
        ],
        batch_size=2000,
    )


def measure(client, url, runs):
    # Counted by a wrapper: the query log is reset at the start of every request.
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    assert client.get(url).status_code == 200  # per-process caches filled first
    with connection.execute_wrapper(count):
        assert client.get(url).status_code == 200
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return len(queries), statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answered", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    from django.conf import settings

    settings.PUBLIC_CACHE_ENABLED = False
    setup_test_environment()
    old = connection.creation.create_test_db(verbosity=0)
    try:
        from tests.factories import ServiceFactory, service_page

        small = service_page(ServiceFactory(code="SEPULUH"))
        big = service_page(ServiceFactory(code="SEPULUHRIBU"))
        fill(small.service, 10)
        fill(big.service, args.answered)
        client = Client()
        rows = []
        for label, page in (("10", small), (f"{args.answered:,}", big)):
            code = page.service.code
            rows.append((label, "service page", *measure(client, page.url, args.runs)))
            api = f"/api/v1/comments/?service={code}"
            rows.append((label, "comments API", *measure(client, api, args.runs)))
        print(f"{'answered':>10}  {'what':<14} {'queries':>7}  {'median ms':>9}")
        for label, what, count, ms in rows:
            print(f"{label:>10}  {what:<14} {count:>7}  {ms:>9.1f}")
        grows = rows[0][2] != rows[2][2] or rows[1][2] != rows[3][2]
    finally:
        connection.creation.destroy_test_db(old, verbosity=0)
    sys.exit(1 if grows else 0)


if __name__ == "__main__":
    main()
