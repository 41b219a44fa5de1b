"""Properties of the parsing edge: whatever JSON a client sends, parse_submission
returns a Submission or raises SubmissionInvalid with field messages, and the
feedback API answers 201 or 400 (never 500), storing nothing on 400."""

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from feedback.intake.parsing import Submission, SubmissionInvalid, parse_submission
from feedback.models import Response
from tests.factories import ServiceFactory, ServicePointFactory

pytestmark = pytest.mark.django_db

ALL_FOUR = {f"U{i}": 4 for i in range(1, 10)}
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["KTP-EL", "DUK-L1", "2026-01-05", "L", "sma", "U1", "", "9999-99-99"]),
)
json_value = st.recursive(
    scalar,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
answers = st.one_of(
    json_value,
    st.dictionaries(st.sampled_from([f"U{i}" for i in range(0, 11)]), json_value, max_size=10),
    st.fixed_dictionaries({f"U{i}": st.integers(0, 5) for i in range(1, 10)}),
)
respondent = st.one_of(
    json_value,
    st.fixed_dictionaries(
        {},
        optional={
            "age": json_value,
            "sex": st.sampled_from(["L", "P", "X"]) | json_value,
            "education": json_value,
            "occupation": json_value,
        },
    ),
)
body = st.fixed_dictionaries(
    {},
    optional={
        "service": st.sampled_from(["KTP-EL", "ktp-el"]) | json_value,
        "answers": answers,
        "comment": json_value,
        "respondent": respondent,
        "service_point": st.sampled_from(["DUK-L1"]) | json_value,
        "receipt": json_value,
        "served_on": json_value,
        "officer_nip": json_value,
    },
)
GOOD = {"service": "KTP-EL", "answers": ALL_FOUR, "service_point": "DUK-L1"}


@pytest.fixture
def service(settings):
    settings.FEEDBACK_RATE_ATTEMPTS = "100000/m"
    settings.FEEDBACK_RATE_ACCEPTED = "100000/m"
    settings.FEEDBACK_DUPLICATE_MINUTES = 0
    service = ServiceFactory(code="KTP-EL")
    ServicePointFactory(code="DUK-L1", unit=service.unit).services.add(service)
    return service


def assert_messages(errors):
    """Every error is a list of non-empty strings, nested one level at most."""
    assert errors
    for value in errors.values():
        if isinstance(value, dict):
            assert_messages(value)
        else:
            assert value and all(isinstance(m, str) and m for m in value)


@PROPERTY
@given(data=body | json_value)
@example(data=GOOD)
def test_parse_submission_returns_a_submission_or_field_errors(service, data):
    try:
        result = parse_submission(data)
    except SubmissionInvalid as exc:
        assert_messages(exc.errors)
    else:
        assert isinstance(result, Submission)
        assert set(result.answers) == set(ALL_FOUR) and set(result.answers.values()) <= {1, 2, 3, 4}


@PROPERTY
@given(data=body | json_value)
@example(data=GOOD)
def test_the_feedback_api_answers_201_or_400_and_stores_nothing_on_400(client, service, data):
    before = Response.objects.count()
    res = client.post("/api/v1/feedback/", json.dumps(data), content_type="application/json")
    assert res.status_code in (201, 400), res.content[:300]
    assert res.json()["message" if res.status_code == 400 else "id"]
    assert Response.objects.count() == before + (res.status_code == 201)
