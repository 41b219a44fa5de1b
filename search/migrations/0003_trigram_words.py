"""pg_trgm for typo tolerance on PostgreSQL, and the indexed words filled from the
pages already indexed.

The extension needs a role allowed to create it (a superuser, or the database
owner on PostgreSQL 13+ where pg_trgm is trusted). When the role may not, the
migration says so and goes on: the engine then corrects misspellings with
difflib, as on SQLite. ``CREATE EXTENSION pg_trgm`` by a superuser later turns
trigram matching on (after a restart of the app processes).
"""

import re
import sys

from django.db import DatabaseError, migrations, transaction

WORD_RE = re.compile(r"\w+", re.UNICODE)
INDEX = "search_indexedword_trgm"


def create_trigram(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as exc:
        sys.stderr.write(
            f"\n  pg_trgm could not be created ({str(exc).strip()}); search corrects "
            "misspellings without it. A superuser can run CREATE EXTENSION pg_trgm.\n"
        )
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_indexedword USING gin (word gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


def fill_words(apps, schema_editor):
    IndexedPage = apps.get_model("search", "IndexedPage")
    IndexedWord = apps.get_model("search", "IndexedWord")
    words = set()
    for values in IndexedPage.objects.values_list("title", "keywords", "summary", "body"):
        for value in values:
            words.update(
                w
                for w in WORD_RE.findall((value or "").lower())
                if 3 <= len(w) <= 60 and not w.isdigit()
            )
    IndexedWord.objects.bulk_create(
        [IndexedWord(word=w) for w in sorted(words)], batch_size=1000, ignore_conflicts=True
    )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("search", "0002_synonyms_keywords_no_result_log")]

    operations = [
        migrations.RunPython(create_trigram, drop_trigram_index),
        migrations.RunPython(fill_words, migrations.RunPython.noop),
    ]
