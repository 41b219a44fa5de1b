"""search_index: status and --rebuild, on each engine."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from search.engines import get_engine

from .conftest import free_port

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("search_index", *args, stdout=out)
    return out.getvalue()


def test_rebuild_replaces_the_index_with_the_public_pages(fresh_corpus):
    engine = fresh_corpus.engine
    # Out of step: a page removed behind the signals' back.
    engine.remove(fresh_corpus.akta.pk)
    assert "Out of step" in run()

    output = run("--rebuild")

    assert "Rebuilding the search index" in output
    assert "9/9 pages indexed" in output
    assert "Search index rebuilt: 9 documents" in output
    assert len(list(engine.indexed_documents())) == 9
    assert engine.search("kelahiran").hits[0].title == "Penerbitan Akta Kelahiran"
    assert "Indexed documents: 9; public pages: 9" in run()


def test_rebuilding_twice_keeps_one_index(fresh_corpus):
    run("--rebuild")
    run("--rebuild")
    engine = get_engine()
    assert len(list(engine.indexed_documents())) == 9
    if engine.name == "elasticsearch":
        indices = engine.client.indices.get(index=f"{engine.alias}-*")
        assert len(indices) == 1


def test_an_unreachable_engine_is_an_error(db, settings):
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(CommandError, match="does not answer"):
        run("--rebuild")
