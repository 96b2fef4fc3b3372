"""Schema-driven test: schemathesis generates requests from the OpenAPI schema; no answer may be a
server error or contradict the schema. Bounded so the whole test takes well under a minute."""

import pytest

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 10


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """As Django's test client does: a request must not close the connection of the test's transaction."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_no_server_error_on_any_generated_request(wsgi_keeps_the_test_connection):
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis.checks import not_a_server_error, response_schema_conformance

    from verantwoording.wsgi import application

    schema = schemathesis.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            response = case.call_wsgi()
            case.validate_response(response, checks=(not_a_server_error, response_schema_conformance))

        check()
