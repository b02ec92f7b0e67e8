"""An id in a desk or custom admin address that is not a number, or is past any id,
is a 404: never a 500, never a redirect to a page that cannot exist."""

import pytest
from django.test import Client

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HUGE = "9" * 30


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/sourcedocument/abc/split/",
        "/admin/articles/sourcedocument/²/split/",
        "/admin/articles/sourcedocument/1.0/split/",
        f"/admin/articles/sourcedocument/{HUGE}/split/",
        "/admin/articles/article/abc/workflow/approve/",
        f"/admin/articles/article/{HUGE}/workflow/approve/",
        "/admin/articles/article/1/workflow/no-such-step/",
        "/desk/articles/abc/review/",
        f"/desk/articles/{HUGE}/review/",
        f"/desk/articles/{HUGE}/edit/",
        f"/desk/articles/{HUGE}/changes/",
        f"/desk/articles/{HUGE}/annotations.jsonld",
        "/desk/annotations/x/resolve/",
        f"/desk/annotations/{HUGE}/resolve/",
        f"/desk/sources/{HUGE}/check/",
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_bad_id_is_a_404(editor, url, method):
    ArticleFactory()
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    response = getattr(client, method)(url)
    # 405: a page that only takes POST (or only GET) says so before looking.
    assert response.status_code in (404, 405), (url, response.status_code)


def test_a_huge_id_is_a_404_not_a_database_overflow(editor):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    assert client.get(f"/desk/articles/{HUGE}/review/").status_code == 404
    assert client.post(f"/desk/annotations/{HUGE}/resolve/").status_code == 404
