"""HR at scale: the indicator list (with fair scores, bands and appeal counts) and an
accepted appeal's rollup update, at demo size and at a large synthetic size.

For each size, makes a PostgreSQL database of its own (``${PG_DB:-portal}_hr_bench_demo``
and ``..._large``, BENCH_DB the prefix when set; dropped at the end unless --keep),
migrates it and fills it with units of 50 officers, each assigned to a loket of their
own from 1 January, and survey responses over the year so far, half on a receipt of
the loket's officer and half without one (credited on the "loket" basis), loaded with
COPY; then builds the rollups (``rollups.rebuild``) and measures, as the HR screens run them:

- the HR indicator list of one unit for the last complete quarter
  (``indicators.officer_scores`` and its access-log entry, the work behind
  /admin/hr/indikator/?unit=...), a unit of 50 officers: the median of --runs;
- the HR indicator list with no unit chosen (*Semua unit*), its first page of 50
  rows (``indicators.ScorePages``, what /admin/hr/indikator/ runs): the median of
  --runs;
- *Kinerja saya* of one officer (``performance.own_performance`` with every list
  it shows read, and its access-log entry, /admin/kinerja-saya/): the median of
  --runs over officers drawn at random from full units;
- the supervisor's team view (``team.current_team`` and ``performance.team_scores``
  and the access-log entry, /admin/tim-saya/): each unit's first officer supervises
  the next TEAM officers; the median of --runs over the supervisors of full units;
- an accepted appeal: an officer's appeal on one of their ratings
  (``appeals.file_appeal``, not timed) and HR's acceptance (``appeals.decide``: the
  decision, the rollup update and its access-log entry, timed): the median of --runs;

and prints each median and the ratio large / demo. The two sizes' samples are taken in
turn, each database on a connection of its own, so that a slower spell of a shared
machine weighs on both sizes alike. The issue's size is 20,000
officers and 10,000,000 responses (``--officers 20000 --responses 10000000``): loading
it takes about half an hour on a 2-core machine, so ``--keep`` keeps both databases and
``--reuse`` measures them again without loading (the earlier run's appeals withdrawn
and their rollups rebuilt first). The default large size runs in well under a minute.

Usage (PostgreSQL at 127.0.0.1:5432, trust auth; BENCH_PG overrides the server):

    .venv/bin/python bench/hr_bench.py [--officers 1000] [--responses 50000] [--runs 15]
                                       [--keep] [--reuse]

Exit status 1 when an accepted appeal does not leave the rollups equal to a
recompute of that officer (never because of a ratio).
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_DB") or f"{os.environ.get('PG_DB') or 'portal'}_hr_bench"
DEMO = (60, 10_000)  # officers, responses: the demo's order of size
PER_UNIT = 50
TEAM = 9  # team members under each unit's first officer (the demo's supervisor has 5+)
COLUMNS = (
    "public_id, service_id, service_point_id, officer_id, receipt_id, verified, channel, "
    "served_on, "
    "submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, education, occupation, comment, "
    "comment_status, client_hash, fingerprint, reasons"
)


def database(action: str, name: str) -> None:
    """Create (from BENCH_TEMPLATE_DB when set: bench/template_db.py, already
    migrated) or drop a bench database."""
    import psycopg

    template = os.environ.get("BENCH_TEMPLATE_DB")
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if action == "create":
            copied = f' TEMPLATE "{template}"' if template else ""
            conn.execute(f'CREATE DATABASE "{name}"{copied}')


def exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return found.fetchone() is not None


WRAPPERS = {}  # database name -> its Django connection, kept open between samples


def use(name: str, migrate: bool = False) -> None:
    """Make ``name`` Django's default database: each bench database keeps a connection
    of its own, so alternating between them reconnects nothing and the server's caches
    of each stay warm. The process caches (cache, registry snapshot) are emptied: they
    would carry one database's rows into the other."""
    os.environ.setdefault("DATABASE_URL", f"{PG}/{name}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    from django.core.cache import cache
    from django.db import connections
    from django.db.utils import load_backend

    from feedback.registry import officer_names, snapshot

    if name not in WRAPPERS:
        settings = {**connections.settings["default"], "NAME": name}
        WRAPPERS[name] = load_backend(settings["ENGINE"]).DatabaseWrapper(settings, "default")
    connections["default"] = WRAPPERS[name]
    cache.clear()
    snapshot.clear()
    officer_names.clear()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)


def clear() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE feedback_appeal, feedback_officermonth, feedback_servicemonth, "
            "feedback_profilemonth, feedback_response, feedback_assignment, feedback_officer, "
            "feedback_servicepoint_services, feedback_servicepoint, feedback_service, "
            "feedback_indicator, feedback_accesslog, feedback_receipt, feedback_supervision, "
            "feedback_unit "
            "RESTART IDENTITY CASCADE"
        )


def populate(officers: int, responses: int, seed: int = 7):
    """The synthetic Pemda of one size; returns (units, the quarter, officer ids,
    supervisor ids)."""
    from django.db import connection

    from feedback.models import (
        Assignment,
        Indicator,
        Officer,
        Service,
        ServicePoint,
        Supervision,
        Unit,
    )
    from feedback.results import rollups

    rng = random.Random(seed)
    today = datetime.date.today()
    year_start = datetime.date(today.year, 1, 1)
    days = max((today - year_start).days, 1)
    pemda = Unit.objects.create(code="PEMDA", name="Pemda Bench", level=Unit.Level.PEMDA)
    units, ids, points, supervisors = [], [], [], []
    for u in range((officers + PER_UNIT - 1) // PER_UNIT):
        unit = Unit.objects.create(
            code=f"U{u:04d}", name=f"Unit {u}", level=Unit.Level.PERANGKAT_DAERAH, parent=pemda
        )
        units.append(unit)
        service = Service.objects.create(code=f"S{u:04d}", name=f"Layanan {u}", unit=unit)
        # Unique 18-digit NIPs (bulk_create skips the validators: only uniqueness counts).
        batch = Officer.objects.bulk_create(
            Officer(nip=f"19800101{i:010d}", name=f"Petugas {i}", unit=unit)
            for i in range(u * PER_UNIT, min((u + 1) * PER_UNIT, officers))
        )
        lokets = ServicePoint.objects.bulk_create(
            ServicePoint(code=f"L{officer.pk:06d}", name=f"Loket {officer.pk}", unit=unit)
            for officer in batch
        )
        Assignment.objects.bulk_create(
            Assignment(officer=o, service_point=p, service=service, start_date=year_start)
            for o, p in zip(batch, lokets, strict=True)
        )
        ids += [o.pk for o in batch]
        if len(batch) > 1:
            supervisors.append(batch[0].pk)
            Supervision.objects.bulk_create(
                Supervision(supervisor=batch[0], officer=member, start_date=year_start)
                for member in batch[1 : TEAM + 1]
            )
        points += [(service.pk, p.pk, o.pk) for o, p in zip(batch, lokets, strict=True)]
    for measure, target in (("nrr_u7", "3.00"), ("ikm_officer", "75")):
        Indicator.objects.create(
            period=str(today.year), name=measure, measure=measure, target=target
        )
    levels = {officer_id: rng.uniform(2.4, 3.8) for officer_id in ids}

    def synthetic():
        """The responses, the same each call (so receipts and responses agree)."""
        draw = random.Random(seed)
        for i in range(responses):
            service_id, point_id, officer_id = draw.choice(points)
            day = year_start + datetime.timedelta(days=draw.randrange(days))
            level = levels[officer_id]
            answers = [min(4, max(1, round(draw.gauss(level, 0.6)))) for _ in range(9)]
            yield i, service_id, point_id, officer_id, draw.random() < 0.5, day, answers

    with connection.cursor() as cursor:
        # A verified response needs its receipt: receipt i + 1 for response i.
        receipts = (
            "id, code, service_id, service_point_id, officer_id, issued_at, expires_at, used_at"
        )
        with cursor.cursor.copy(f"COPY feedback_receipt ({receipts}) FROM STDIN") as copy:
            for i, service_id, point_id, officer_id, verified, day, _answers in synthetic():
                if verified:
                    at = datetime.datetime.combine(day, datetime.time(9), datetime.UTC)
                    copy.write_row(
                        (i + 1, f"B{i:015d}", service_id, point_id, officer_id, at, at, at)
                    )
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('feedback_receipt', 'id'), "
            "(SELECT COALESCE(MAX(id), 1) FROM feedback_receipt))"
        )
        with cursor.cursor.copy(f"COPY feedback_response ({COLUMNS}) FROM STDIN") as copy:
            for i, service_id, point_id, officer_id, verified, day, answers in synthetic():
                copy.write_row(
                    (
                        uuid.UUID(int=rng.getrandbits(128), version=4),
                        service_id,
                        point_id,
                        officer_id if verified else None,
                        i + 1 if verified else None,
                        verified,
                        "qr",
                        day,
                        datetime.datetime.combine(day, datetime.time(9), datetime.UTC),
                        *answers,
                        rng.choice("LP"),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "{}",  # no reasons (jsonb, NOT NULL without a database default)
                    )
                )
        cursor.execute("ANALYZE")
    rollups.rebuild()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return units, rollups_quarter(today), ids, supervisors


def loaded_size() -> tuple[int, int]:
    """(officers, responses) a kept bench database holds."""
    from feedback.models import Officer, Response

    return Officer.objects.count(), Response.objects.count()


def reset():
    """A kept database made ready to measure again, as ``populate`` leaves it: the
    earlier run's appeals withdrawn and their officers' rollups rebuilt."""
    from feedback.models import Appeal, Officer, Supervision, Unit
    from feedback.results import rollups

    appealed = list(Appeal.objects.values_list("officer_id", flat=True).distinct())
    Appeal.objects.all().delete()
    if appealed:
        rollups.rebuild_officers(officer_ids=appealed)
    units = list(Unit.objects.filter(level=Unit.Level.PERANGKAT_DAERAH).order_by("code"))
    ids = list(Officer.objects.order_by("pk").values_list("pk", flat=True))
    supervisors = sorted(set(Supervision.objects.values_list("supervisor_id", flat=True)))
    return units, rollups_quarter(datetime.date.today()), ids, supervisors


def rollups_quarter(today):
    from feedback.rules.periods import Period

    quarter = (today.month - 1) // 3 + 1
    if quarter == 1:
        return Period.parse(f"{today.year}-Q1")
    return Period.parse(f"{today.year}-Q{quarter - 1}")


CASES = (
    ("list_ms", "HR list"),
    ("all_units_ms", "HR list all units"),
    ("own_ms", "Kinerja saya"),
    ("team_ms", "team view"),
    ("appeal_ms", "accepted appeal"),
)


def prepare(officers: int, responses: int, runs: int, reuse: bool = False) -> dict:
    """Load (or reuse) one size and return what is timed on it: ``cases`` maps each
    figure to (the timed function of the sample number, the number of samples), and
    ``check()`` tells whether the accepted appeals left the rollups equal to a
    recompute."""
    from django.contrib.auth import get_user_model
    from django.core.paginator import Paginator

    from feedback.appraisal import performance, team
    from feedback.models import Appeal, Officer, OfficerMonth
    from feedback.personnel import appeals, indicators
    from feedback.results import rollups

    started = time.perf_counter()
    if reuse and loaded_size() == (officers, responses):
        units, period, ids, supervisors = reset()
    else:
        clear()
        units, period, ids, supervisors = populate(officers, responses)
    loaded = time.perf_counter() - started
    hr = get_user_model().objects.get_or_create(
        username="hr-bench", defaults={"is_superuser": True}
    )[0]
    rng = random.Random(3)

    # Both sizes are measured on full units of PER_UNIT officers (the demo size's
    # second unit has 10): a unit's list costs by its officers, not by the Pemda's.
    full = units[: officers // PER_UNIT]
    in_full = ids[: len(full) * PER_UNIT]

    def hr_list(i):
        unit = full[i % len(full)]
        scores = indicators.officer_scores(user=hr, period=period, unit=unit)
        indicators.log_read(user=hr, channel="bench", period=period, scores=scores[:50], query="")

    def hr_all_units(i):
        rows = indicators.ScorePages(indicators.listed_officers(user=hr), period)
        page = Paginator(rows, 50).get_page(1)
        indicators.log_read(
            user=hr, channel="bench", period=period, scores=page.object_list, query=""
        )

    own = [
        Officer.objects.select_related("unit").get(pk=pk)
        for pk in rng.sample(in_full, min(runs, len(in_full)))
    ]

    def kinerja_saya(i):
        data = performance.own_performance(own[i % len(own)], period)
        # The page reads every list it shows.
        for key in ("comments", "notes", "dialogs"):
            list(data[key])
        indicators.log_access(
            user=hr, channel="bench", period=str(period), officers=[own[i % len(own)]]
        )

    # The first officer of each full unit (supervisors come in the units' order).
    bosses = [Officer.objects.get(pk=pk) for pk in supervisors[: len(full)]]

    def team_view(i):
        members = list(team.current_team(bosses[i % len(bosses)]).order_by("name"))
        performance.team_scores(members, period)
        indicators.log_access(user=hr, channel="bench", period=str(period), officers=members)

    scope = Officer.objects.all()
    chosen = []
    for officer_id in rng.sample(ids, min(runs, len(ids))):
        officer = Officer.objects.get(pk=officer_id)
        rating = appeals.attributed_ratings(officer).order_by("-id").first()
        if rating is not None:
            chosen.append(
                appeals.file_appeal(officer=officer, response_id=rating.pk, reason="bench")
            )

    def accept(i):
        appeals.decide(
            appeal_id=chosen[i].pk, user=hr, accept=True, reason="bench", visible_officers=scope
        )

    def check():
        """(equal, accepted): the accepted appeals' rollups against a recompute."""
        officer_ids = [a.officer_id for a in chosen]

        def snapshot():
            return sorted(
                OfficerMonth.objects.filter(officer_id__in=officer_ids).values_list(
                    "officer_id", "year", "month", "basis", "respondents", "u6", "u7", "sq_u67"
                )
            )

        before = snapshot()
        rollups.rebuild_officers(officer_ids=officer_ids)
        equal = before == snapshot()
        return equal, Appeal.objects.filter(status="accepted").count()

    return {
        "loaded_s": loaded,
        "cases": {
            "list_ms": (hr_list, runs),
            "all_units_ms": (hr_all_units, runs),
            "own_ms": (kinerja_saya, runs),
            "team_ms": (team_view, runs),
            "appeal_ms": (accept, len(chosen)),
        },
        "check": check,
    }


def alternate(sizes: dict, runs: int) -> dict:
    """Each case's median per size in ms, the sizes' samples taken in turn (which one
    goes first alternating), so a slower spell of a shared machine weighs on both."""
    times = {label: {key: [] for key, _name in CASES} for label in sizes}
    for key, _name in CASES:
        samples = min(sizes[label]["cases"][key][1] for label in sizes)
        for i in range(min(samples, runs)):
            order = list(sizes) if i % 2 == 0 else list(reversed(sizes))
            for label in order:
                use(sizes[label]["name"])
                fn = sizes[label]["cases"][key][0]
                started = time.perf_counter()
                fn(i)
                times[label][key].append(time.perf_counter() - started)
    return {
        label: {key: 1000 * statistics.median(found) for key, found in by_case.items()}
        for label, by_case in times.items()
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=1_000)
    parser.add_argument("--responses", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="keep the bench databases")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure a database kept by an earlier --keep run of the same size "
        "without loading it again",
    )
    args = parser.parse_args()
    ok = True
    names = []
    try:
        sizes = {}
        for label, (officers, responses) in (
            ("demo", DEMO),
            ("large", (args.officers, args.responses)),
        ):
            name = f"{DB_NAME}_{label}"
            names.append(name)
            kept = args.reuse and exists(name)
            if not kept:
                database("create", name)
            started = time.perf_counter()
            use(name, migrate=True)
            print(f"bench database {name} migrated in {time.perf_counter() - started:.1f} s")
            size = prepare(officers, responses, args.runs, reuse=kept)
            sizes[label] = {**size, "name": name, "officers": officers, "responses": responses}
            print(
                f"{label:5}: {officers:>6,} officers, {responses:>10,} responses "
                f"({'reused' if kept else 'loaded'} and ready in {size['loaded_s']:.1f} s)",
                flush=True,
            )
        medians = alternate(sizes, args.runs)
        for label, size in sizes.items():
            use(size["name"])
            equal, accepted = size["check"]()
            ok = ok and equal
            f = medians[label]
            print(
                f"{label:5}: {size['officers']:>6,} officers, {size['responses']:>10,} responses\n"
                f"       HR indicator list of one unit: {f['list_ms']:8.1f} ms (median)\n"
                f"       HR list, all units, page 1:    {f['all_units_ms']:8.1f} ms (median)\n"
                f"       Kinerja saya of one officer:   {f['own_ms']:8.1f} ms (median)\n"
                f"       supervisor's team view ({TEAM}):   {f['team_ms']:8.1f} ms (median)\n"
                f"       accepted appeal, rollups updated: {f['appeal_ms']:6.1f} ms (median of "
                f"{accepted}); equal to a recompute: {'yes' if equal else 'NO'}"
            )
        demo, large = medians["demo"], medians["large"]
        ratios = ", ".join(f"{name} {large[key] / demo[key]:.2f}x" for key, name in CASES)
        print(f"ratio large / demo: {ratios} (target 1.2x)")
    finally:
        from django.db import connections

        connections.close_all()
        for wrapper in WRAPPERS.values():
            wrapper.close()
        if not args.keep:
            for name in names:
                database("drop", name)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
