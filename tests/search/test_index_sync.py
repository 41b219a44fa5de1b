"""The index follows the pages: publish, unpublish, delete, move, slug change, a section
becoming private, a renamed service. Each test has a corpus of its own (it changes it),
on each engine in turn."""

import pytest

from content.models import StandardPage
from tests.factories import home_page, publish_child

from .test_contract import titles

pytestmark = pytest.mark.django_db


def test_index_follows_publish_and_unpublish(fresh_corpus, on_commit):
    with on_commit():
        page = publish_child(
            home_page(), StandardPage(title="Jadwal Pelayanan Keliling", slug="keliling")
        )
    assert titles(fresh_corpus.engine.search("keliling")) == ["Jadwal Pelayanan Keliling"]

    with on_commit():
        page.unpublish()
    assert fresh_corpus.engine.search("keliling").count == 0


def test_index_follows_delete(fresh_corpus, on_commit):
    with on_commit():
        fresh_corpus.bidan.delete()
    assert fresh_corpus.engine.search("SIPB").count == 0
    assert fresh_corpus.bidan.pk not in {
        doc["id"] for doc in fresh_corpus.engine.indexed_documents()
    }


def test_index_follows_move_and_slug_change(fresh_corpus, on_commit):
    with on_commit():
        fresh_corpus.bidan.move(fresh_corpus.dukcapil_page, pos="last-child")
    hit = fresh_corpus.engine.search("SIPB").hits[0]
    assert hit.url == "/unit/disdukcapil/sipb/"

    with on_commit():
        unit = fresh_corpus.dukcapil_page
        unit.refresh_from_db()
        unit.slug = "kependudukan"
        unit.save_revision().publish()
    assert fresh_corpus.engine.search("SIPB").hits[0].url == "/unit/kependudukan/sipb/"


def test_index_follows_a_section_becoming_private(fresh_corpus, on_commit):
    from wagtail.models import PageViewRestriction

    with on_commit():
        restriction = PageViewRestriction.objects.create(
            page=fresh_corpus.dinkes_page, restriction_type=PageViewRestriction.LOGIN
        )
    assert fresh_corpus.engine.search("imunisasi").count == 0
    assert fresh_corpus.engine.search("SIPB").count == 0
    indexed = {doc["id"] for doc in fresh_corpus.engine.indexed_documents()}
    assert fresh_corpus.dinkes_page.pk not in indexed

    with on_commit():
        restriction.delete()
    assert fresh_corpus.engine.search("imunisasi").count == 1


def test_index_follows_a_renamed_service(fresh_corpus, on_commit):
    with on_commit():
        service = fresh_corpus.imunisasi.service
        service.name = "Vaksinasi Bayi dan Balita"
        service.save()
    assert titles(fresh_corpus.engine.search("balita")) == ["Imunisasi Anak"]
