"""The OpenAPI schema is valid, the docs need no CDN, and the API keeps to its schema
(schemathesis, in process on the WSGI app, a bounded number of examples)."""

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from articles.services.publishing import public_article_refresh
from articles.services.workflow import article_retract
from tests.api.helpers import published
from tests.factories import (
    EntityAliasFactory,
    EntityFactory,
    SectionFactory,
    UserFactory,
)

EXAMPLES = 100
PATHS = {
    "/api/v1/articles/",
    "/api/v1/articles/{id}/",
    "/api/v1/sections/",
    "/api/v1/entities/",
    "/api/v1/corrections/",
    "/api/v1/changes/",
}


@pytest.mark.django_db
def test_the_schema_is_valid_openapi_and_lists_the_public_endpoints(api):
    response = api.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)  # raises on an invalid OpenAPI 3 document
    assert set(schema["paths"]) == PATHS
    assert all(set(item) == {"get"} for item in schema["paths"].values())
    assert schema["components"]["securitySchemes"]["ApiKey"]["in"] == "header"


@pytest.mark.django_db
def test_the_schema_generates_without_warnings(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", tmp_path / "s.yml"
    )


@pytest.mark.django_db
def test_the_docs_are_served_from_our_static_files_without_a_cdn(api):
    html = api.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "https://" not in html and "http://" not in html
    for name in ["swagger-ui-bundle.js", "swagger-ui.css"]:
        assert finders.find(f"drf_spectacular_sidecar/swagger-ui-dist/{name}")


@pytest.fixture
def api_schema(db):
    """The live schema of the WSGI app, over a small published desk."""
    world = SectionFactory(name="World", slug="world")
    asia = SectionFactory(name="Asia", slug="asia", parent=world)
    entity = EntityFactory(name="harbour authority")
    EntityAliasFactory(entity=entity, text="the authority")
    for section in (world, asia, None):
        article = published(section=section, mentions=[(entity, 4, 21)])
        article.corrections.create(
            revision=article.published_revision,
            text="Fixed.",
            corrected_on="2024-01-01",
        )
        public_article_refresh(article=article)
    retracted = published()
    article_retract(
        article=retracted, by=UserFactory(admin=True), reason="Withdrawn for a test."
    )
    # Like Django's test client: keep the test's connection (and transaction) open.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(
            "/api/schema/?format=json", get_wsgi_application()
        )
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def unthrottled(settings):
    """No throttling while schemathesis sends its examples."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/min", "partner": "100000/min"},
    }


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_keeps_to_its_schema(api_schema, unthrottled, mode):
    """No 5xx, documented status codes and types, bodies that match the schema, and
    invalid input refused; EXAMPLES cases per operation, reproducible."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations} == PATHS

    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case) -> None:
            # The schema declares empty parameters (`x=`, "not given"), so every
            # request that breaks it must be refused, empty parameters included.
            case.call_and_validate(checks=[*CHECKS, negative_data_rejection])

        check()
