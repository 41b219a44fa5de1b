"""The rollup tables' storage settings (migration 0015): room for HOT updates and
autovacuum thresholds that keep dead row versions few under constant updates."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_hot_rollup_tables_carry_their_storage_settings():
    if connection.vendor != "postgresql":
        pytest.skip("storage parameters are PostgreSQL's; the migration is a no-op on SQLite")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname IN "
            "('feedback_servicemonth', 'feedback_profilemonth', 'feedback_officermonth')"
        )
        options = {name: set(opts or []) for name, opts in cursor.fetchall()}
    assert len(options) == 3
    for table, opts in options.items():
        assert {
            "fillfactor=70",
            "autovacuum_vacuum_scale_factor=0.01",
            "autovacuum_vacuum_threshold=1000",
        } <= opts, table
