"""search_index: the state of the public search index, and --rebuild."""

import time

from django.core.management.base import BaseCommand, CommandError

from search import indexed_pages, sync
from search.engines import SearchUnavailable, engine_name, get_engine


class Command(BaseCommand):
    help = (
        "Show the public search index of the active engine (SEARCH_ENGINE / "
        "ELASTICSEARCH_URL); --rebuild replaces it with every live, public page."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="Rebuild the index from the published pages."
        )
        parser.add_argument(
            "--engine",
            choices=["database", "elasticsearch"],
            help="Act on this engine instead of the configured one.",
        )

    def handle(self, *args, **options):
        engine = get_engine(options["engine"] or engine_name())
        self.stdout.write(f"Search engine: {engine.describe()}")
        if not engine.ping():
            raise CommandError(f"The {engine.name} search engine does not answer.")
        if not options["rebuild"]:
            try:
                indexed = sum(1 for _ in engine.indexed_documents())
            except SearchUnavailable as exc:
                raise CommandError(str(exc)) from exc
            public = indexed_pages.indexable_count()
            self.stdout.write(f"Indexed documents: {indexed}; public pages: {public}")
            if indexed != public:
                self.stdout.write(self.style.WARNING("Out of step: run with --rebuild."))
            return

        started = time.monotonic()
        self.stdout.write("Rebuilding the search index ...")

        def progress(done, total):
            self.stdout.write(f"  {done}/{total} pages indexed")

        try:
            count = sync.rebuild(progress=progress, engine=engine)
        except SearchUnavailable as exc:
            raise CommandError(f"Rebuild failed, the old index is unchanged: {exc}") from exc
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Search index rebuilt: {count} documents in {seconds:.1f} s.")
        )
