"""Storage settings of the rollup tables on PostgreSQL (a no-op on SQLite).

Every submission updates one service-month row, four profile rows and the
officer rows it counts for: a few thousand rows take millions of updates.

- fillfactor 70: each page keeps room for new row versions, so an update stays
  on its page and touches no index (a HOT update, possible because no indexed
  column, only the amounts, changes); the old versions are pruned as pages are
  read, between vacuums.
- autovacuum thresholds in rows, not a fraction of the table: the default (20 %
  of a table of a few thousand rows) lets dead versions pile up between runs;
  here a vacuum starts after 1,000 dead rows plus 1 %, and statistics are
  refreshed as often.

A new fillfactor applies to pages written from now on; docs/operations.md "Deploying"
says how to rewrite existing tables once. Autovacuum itself must be on.
"""

from django.db import migrations

ROLLUP_TABLES = ("feedback_servicemonth", "feedback_profilemonth", "feedback_officermonth")
SETTINGS = (
    "fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01, "
    "autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02, "
    "autovacuum_analyze_threshold = 1000"
)
NAMES = (
    "fillfactor, autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, "
    "autovacuum_analyze_scale_factor, autovacuum_analyze_threshold"
)


def set_storage(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in ROLLUP_TABLES:
        schema_editor.execute(f"ALTER TABLE {table} SET ({SETTINGS})")


def reset_storage(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in ROLLUP_TABLES:
        schema_editor.execute(f"ALTER TABLE {table} RESET ({NAMES})")


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0013_duplicate_check_partial_index"),
    ]

    operations = [migrations.RunPython(set_storage, reset_storage)]
