"""The API against its own OpenAPI schema (/api/schema/), fuzzed by schemathesis in
process through the WSGI app: no server error, and every response conforms to the
schema (status code, content type, headers, body).

Bounded and derandomized, so CI is stable and short: a fixed number of examples
per operation, generated the same way every run. On the PostgreSQL pass of
.ci/run this also sends NUL bytes to a database that cannot store them.
HR and receipt operations are called with a token of a user allowed to use them,
so their 200s are fuzzed too, not only their 401s.
"""

from io import StringIO

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis import checks

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 20
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]


def _token(command, username, *args):
    out = StringIO()
    call_command(command, username, *args, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


# Fetched from the app as any client would; producing it needs no database.
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def tokens(demo, settings):
    settings.FEEDBACK_RATE_ATTEMPTS = "100000/m"
    settings.FEEDBACK_RATE_ACCEPTED = "100000/m"
    # Requests run in this thread, inside the test's transaction. Django closes the
    # database connection at the start and end of each request; its own test client
    # turns that off, and so must a WSGI client (on PostgreSQL the closed
    # connection would end the test's transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield {
        "/api/v1/hr/": _token("create_hr_token", "hr-fuzz"),
        "/api/v1/receipts/": _token("create_api_token", "antrean-fuzz", "--group", "Loket"),
        "/api/v1/service-users/": _token(
            "create_api_token", "antrean-jumlah-fuzz", "--group", "Loket"
        ),
    }
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_conforms_to_the_schema_and_never_fails(case, tokens):
    headers = {}
    for prefix, key in tokens.items():
        if case.path.startswith(prefix):
            headers["Authorization"] = f"Bearer {key}"
    case.call_and_validate(headers=headers, checks=CHECKS)


def test_the_schema_documents_what_the_server_enforces():
    document = schema.raw_schema
    body = document["components"]["schemas"]["FeedbackRequest"]["properties"]
    assert body["answers"]["additionalProperties"] is False
    assert sorted(body["answers"]["properties"]) == [f"U{i}" for i in range(1, 10)]
    assert body["answers"]["properties"]["U1"] == {"type": "integer", "minimum": 1, "maximum": 4}
    assert body["respondent"]["additionalProperties"] is False
    assert "officer_nip" not in body
    paths = document["paths"]
    assert set(paths["/api/v1/ikm/table/"]["get"]["responses"]["200"]["content"]) == {
        "application/json",
        "text/csv",
    }
    assert "text/csv" in paths["/api/v1/hr/indicators/"]["get"]["responses"]["200"]["content"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            for code, response in operation["responses"].items():
                if code.startswith(("4", "5")):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    shape = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
                    assert "message" in shape["required"], (method, path, code)
            assert "400" in operation["responses"], (method, path)
    assert {"409", "410", "429"} <= set(paths["/api/v1/feedback/"]["post"]["responses"])


def test_the_schema_states_the_edges_rules():
    """What bench/api_fuzz.py (schemathesis with coverage and negative examples against
    gunicorn, a .ci/run step) found the schema did not say: an empty query string is
    refused, a URL too long is a 414, a body in another charset a 415, served_on may be
    empty, NIPs have eighteen digits, receipt codes are not blank."""
    document = schema.raw_schema
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert "414" in operation["responses"], (method, path)
            if method == "post":
                assert "415" in operation["responses"], (method, path)
            for parameter in operation.get("parameters", []):
                shape = parameter["schema"]
                if parameter["in"] == "query" and shape.get("type") == "string":
                    if parameter["name"] != "q":  # an empty search is its empty state
                        assert "enum" in shape or shape.get("minLength") == 1, parameter
    hr = document["paths"]["/api/v1/hr/indicators/"]["get"]["parameters"]
    assert next(p for p in hr if p["name"] == "nip")["schema"]["pattern"] == "^[0-9]{18}$"
    served_on = document["components"]["schemas"]["FeedbackRequest"]["properties"]["served_on"]
    assert served_on["nullable"] is True
    assert {"type": "string", "format": "date"} in served_on["oneOf"]
    receipt = document["components"]["schemas"]["ReceiptRequest"]["properties"]
    assert receipt["service_point"]["minLength"] == receipt["officer_nip"]["minLength"] == 1
