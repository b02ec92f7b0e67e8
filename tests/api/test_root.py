"""GET /api/v1/ lists the endpoints, so a client can start from one URL."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_api_root_lists_every_endpoint_with_a_working_url(api):
    response = api.get("/api/v1/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    endpoints = {e["name"]: e for e in response.json()["endpoints"]}
    assert set(endpoints) >= {"articles", "sections", "entities", "corrections"}
    assert endpoints["articles"]["url"] == "http://testserver/api/v1/articles/"
    for endpoint in endpoints.values():
        assert endpoint["description"]
        path = endpoint["url"].removeprefix("http://testserver")
        assert api.get(path).status_code == 200, path
