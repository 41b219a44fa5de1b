"""Reviews of a service standard: recorded in the admin, refused when wrong, flagged
on the editors' dashboard when overdue, and listed on the public service page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.test.utils.form_data import querydict_from_html

from content import review_cycle
from content.models import ServicePage, StandardReview
from tests.factories import ServiceFactory, service_page

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 3)


# --- When a standard is due ----------------------------------------------------------


def test_due_twelve_months_after_the_last_review_month_ends_clamped():
    assert review_cycle.add_months(datetime.date(2025, 12, 3), 12) == datetime.date(2026, 12, 3)
    assert review_cycle.add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert review_cycle.add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)


def test_overdue_not_overdue_and_never_reviewed():
    published = datetime.date(2023, 5, 1)
    overdue = datetime.date(2025, 12, 2)  # 12 months and a day before TODAY
    on_time = datetime.date(2025, 12, 3)  # due today: not yet overdue
    assert review_cycle.is_overdue(overdue, published, today=TODAY, months=12)
    assert not review_cycle.is_overdue(on_time, published, today=TODAY, months=12)
    # Never reviewed: counted from the day the standard was first published.
    assert review_cycle.is_overdue(None, published, today=TODAY, months=12)
    assert not review_cycle.is_overdue(None, datetime.date(2026, 6, 1), today=TODAY, months=12)
    assert not review_cycle.is_overdue(None, None, today=TODAY, months=12)


def published_long_ago(page, day=datetime.date(2023, 1, 2)):
    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    ServicePage.objects.filter(pk=page.pk).update(first_published_at=when)
    page.refresh_from_db()
    return page


def review(page, day, **fields):
    return StandardReview.objects.create(page=page, reviewed_on=day, **fields)


def test_only_standards_past_the_setting_are_flagged(settings):
    overdue = published_long_ago(service_page(ServiceFactory(name="Akta Kelahiran")))
    review(overdue, datetime.date(2025, 6, 1))
    recent = published_long_ago(service_page(ServiceFactory(name="Kartu Keluarga")))
    review(recent, datetime.date(2025, 6, 1))
    review(recent, datetime.date(2026, 9, 1))
    never = published_long_ago(service_page(ServiceFactory(name="KTP Elektronik")))
    new = service_page(ServiceFactory(name="Surat Pindah"))  # published today

    flagged = ServicePage.overdue_reviews(today=TODAY)

    assert [(row["page"].pk, row["last_reviewed"]) for row in flagged] == [
        (never.pk, None),  # due since January 2024: most overdue first
        (overdue.pk, datetime.date(2025, 6, 1)),
    ]
    assert new.pk not in [row["page"].pk for row in flagged]
    settings.STANDARD_REVIEW_MONTHS = 24
    assert [row["page"].pk for row in ServicePage.overdue_reviews(today=TODAY)] == [never.pk]


def test_the_dashboard_lists_overdue_standards_with_a_link(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    page = published_long_ago(service_page(ServiceFactory(name="Akta Kelahiran")))
    review(page, datetime.date(2024, 3, 4))
    service_page(ServiceFactory(name="Kartu Keluarga"))

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    panel = BeautifulSoup(html[html.index('id="editor-tasks') :], "html.parser")
    text = " ".join(panel.get_text().split())

    assert "Standar pelayanan perlu ditinjau: 1" in text
    assert "Akta Kelahiran: terakhir ditinjau 4 Maret 2024" in text
    assert "Kartu Keluarga" not in text
    link = panel.find("a", string="Akta Kelahiran")
    assert link["href"] == reverse("wagtailadmin_pages:edit", args=(page.pk,))


# --- Recording a review in the admin -------------------------------------------------


def minutes():
    return Document.objects.create(
        title="Berita acara konsultasi publik", file=ContentFile(b"%PDF-1.4\n", name="ba.pdf")
    )


def edit_form(client, page):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    return url, data


def with_review(data, **fields):
    """The edit form's data with one new review typed in."""
    values = {
        "reviewed_on": "2026-11-20",
        "citizens_took_part": "",
        "participation": "",
        "participants": "",
        "minutes": "",
        "changes_decided": "",
        "page_changed": "",
        "revision": "",
        **fields,
    }
    data["reviews-TOTAL_FORMS"] = "1"
    data["reviews-INITIAL_FORMS"] = "0"
    data["reviews-0-id"] = ""
    data["reviews-0-ORDER"] = "1"
    data["reviews-0-DELETE"] = ""
    for name, value in values.items():
        key = f"reviews-0-{name}"
        if name in ("citizens_took_part", "page_changed") and not value:
            data.pop(key, None)  # an unticked box is not posted
        else:
            data[key] = value
    data["action-publish"] = "x"
    return data


def errors_of(response, field):
    page = BeautifulSoup(response.content, "html.parser")
    return [
        " ".join(e.get_text().split())
        for e in page.select(f'[data-contentpath="{field}"] .error-message')
    ]


@pytest.fixture
def page():
    return service_page(ServiceFactory(name="Akta Kelahiran"))


@pytest.mark.parametrize(
    "fields, field, message",
    [
        (
            {"reviewed_on": "2099-01-05"},
            "reviewed_on",
            "Tanggal peninjauan tidak boleh di masa depan",
        ),
        (
            {"citizens_took_part": "on", "participation": "survei", "participants": "-3"},
            "participants",
            "Jumlah peserta tidak boleh negatif.",
        ),
        (
            {"citizens_took_part": "on", "participants": "40"},
            "participation",
            "Pilih cara warga ikut serta",
        ),
        (
            {"citizens_took_part": "on", "participation": "forum"},
            "participants",
            "Isi jumlah peserta warga (paling sedikit 1).",
        ),
        (
            {"participation": "forum", "participants": "12"},
            "citizens_took_part",
            'Centang "warga ikut serta", atau kosongkan cara dan jumlah peserta.',
        ),
    ],
)
def test_a_wrong_review_is_refused_and_nothing_stored(admin_client, page, fields, field, message):
    revisions = page.revisions.count()
    url, data = edit_form(admin_client, page)

    response = admin_client.post(url, with_review(data, **fields))

    assert response.status_code == 200
    assert any(message in error for error in errors_of(response, field)), errors_of(response, field)
    assert StandardReview.objects.count() == 0
    assert page.revisions.count() == revisions


def test_a_review_is_recorded_with_the_revision_that_carried_its_change(admin_client, page):
    other = service_page(ServiceFactory(name="Kartu Keluarga"))
    changed = page.save_revision()
    changed.publish()
    url, data = edit_form(admin_client, page)

    # Only this page's revisions are offered, newest first, marked when live.
    form_class = ServicePage.get_edit_handler().get_form_class()
    field = (
        form_class(instance=page, for_user=None).formsets["reviews"].empty_form.fields["revision"]
    )
    offered = [field.label_from_instance(r) for r in field.queryset]
    assert list(field.queryset) == list(page.revisions.order_by("-created_at"))
    assert offered[0].endswith("(tayang)") and len(offered) == 2
    assert not set(field.queryset) & set(other.revisions.all())

    document = minutes()
    response = admin_client.post(
        url,
        with_review(
            data,
            citizens_took_part="on",
            participation="konsultasi",
            participants="45",
            minutes=str(document.pk),
            changes_decided="Jangka waktu dipersingkat menjadi 1 hari kerja.",
            page_changed="on",
            revision=str(changed.pk),
        ),
    )

    assert response.status_code == 302
    stored = StandardReview.objects.get()
    assert (stored.page_id, stored.participants, stored.participation) == (
        page.pk,
        45,
        "konsultasi",
    )
    assert stored.revision_id == changed.pk and stored.page_changed
    assert stored.minutes_id == document.pk


def backdate(revision, day):
    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    type(revision).objects.filter(pk=revision.pk).update(created_at=when)


@pytest.fixture
def changed_after_review(page):
    """Revisions of ``page``: one published before the review of 2026-11-20 (``before``),
    the change published after it (``after``), then a draft nobody published."""
    before = page.live_revision
    backdate(before, datetime.date(2026, 1, 5))
    after = page.save_revision()
    after.publish()
    backdate(after, datetime.date(2026, 11, 25))
    draft = page.save_revision()
    backdate(draft, datetime.date(2026, 11, 26))
    return {"before": before, "after": after, "draft": draft}


def test_a_changed_page_is_linked_to_the_first_revision_published_after_the_review(
    admin_client, page, changed_after_review
):
    url, data = edit_form(admin_client, page)

    response = admin_client.post(url, with_review(data, page_changed="on"))

    assert response.status_code == 302
    assert StandardReview.objects.get().revision_id == changed_after_review["after"].pk


def test_the_default_revision_can_be_changed(admin_client, page, changed_after_review):
    url, data = edit_form(admin_client, page)
    chosen = changed_after_review["before"]

    response = admin_client.post(url, with_review(data, page_changed="on", revision=str(chosen.pk)))

    assert response.status_code == 302
    assert StandardReview.objects.get().revision_id == chosen.pk


def test_the_editor_sees_the_default_revision_preselected(admin_client, page, changed_after_review):
    review(page, datetime.date(2026, 11, 20), page_changed=True)
    page.save_revision()  # the edit form shows the latest revision, holding the review

    html = BeautifulSoup(
        admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content,
        "html.parser",
    )
    selected = html.select_one('select[name="reviews-0-revision"] option[selected]')
    assert selected is not None and selected["value"] == str(changed_after_review["after"].pk)


def test_a_changed_page_without_a_revision_published_since_is_refused(admin_client, page):
    backdate(page.live_revision, datetime.date(2026, 1, 5))
    revisions = page.revisions.count()
    url, data = edit_form(admin_client, page)

    response = admin_client.post(url, with_review(data, page_changed="on"))

    assert response.status_code == 200
    assert any(
        "Pilih revisi halaman yang memuat perubahan" in error
        for error in errors_of(response, "revision")
    )
    assert StandardReview.objects.count() == 0 and page.revisions.count() == revisions


# --- The public page -------------------------------------------------------------------


def test_the_public_page_shows_the_last_review_and_a_short_history(client, page):
    review(
        page,
        datetime.date(2026, 3, 3),
        citizens_took_part=True,
        participation="konsultasi",
        participants=45,
        minutes=minutes(),
        changes_decided="Loket tambahan untuk pegawai Budi Santoso.",
    )
    review(page, datetime.date(2025, 2, 10))

    def section(url):
        html = BeautifulSoup(client.get(url).content, "html.parser")
        return " ".join(html.select_one("section.reviews").get_text().split())

    text = section(page.url)
    assert "Ditinjau terakhir: 3 Maret 2026" in text
    assert "3 Maret 2026: Konsultasi publik, 45 peserta" in text
    assert "10 Februari 2025: Tanpa keikutsertaan warga" in text
    # The minutes and the decisions stay in the admin: they may name officers.
    page_html = client.get(page.url).content.decode()
    assert "Budi Santoso" not in page_html and "ba.pdf" not in page_html

    english = section("/en" + page.url)
    assert "Last reviewed: 3 March 2026" in english
    assert "3 March 2026: Public consultation, 45 participants" in english
    assert "10 February 2025: No citizen participation" in english


def test_a_standard_never_reviewed_says_so(client, page):
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    text = " ".join(html.select_one("section.reviews").get_text().split())
    assert "Belum ada peninjauan yang tercatat untuk standar ini." in text
