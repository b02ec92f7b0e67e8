"""Property tests for the desk's forms: whatever is posted to the annotation form,
the split form or the import page, the answer is a page or a redirect, never a 5xx,
and a refused request writes nothing at all."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Annotation, Article, AuditEntry, Revision, SourceDocument
from articles.services.imports import source_document_import
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

BODY = "The minister met officials on Friday.\n\nRussia recognises the group."
NUMBERS = st.one_of(
    st.integers(-5, 80).map(str),
    st.sampled_from(["", "0", "²", "\u0661", "1e3", "-0", str(2**63), "9" * 30, " 3"]),
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["minister", "Friday", "Russia", "\x00", "😀", "<script>"]),
)
LINKS = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(
            [
                "https://example.org/a",
                "https://example.org/50%off",
                "javascript:alert(1)",
                "data:,x",
                "http://",
            ]
        ),
    ),
    max_size=3,
).map("\n".join)
EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _counts() -> dict:
    models = (Annotation, Article, Revision, AuditEntry, SourceDocument)
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def client(editor) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    return client


def test_the_annotation_form_never_fails_and_never_half_writes(client, editor2):
    article = ArticleFactory(body=BODY, body__author=editor2)
    url = reverse("articles:annotate", args=[article.pk])
    real_revision = str(article.current_revision_id)

    @given(
        form=st.fixed_dictionaries(
            {},
            optional={
                "revision_id": st.one_of(st.just(real_revision), NUMBERS),
                "start": NUMBERS,
                "end": NUMBERS,
                "exact": TEXT,
                "kind": st.sampled_from(["factual_error", "style", "nonsense", ""]),
                "severity": st.sampled_from(["blocking", "advisory", "x", ""]),
                "comment": TEXT,
                "evidence": LINKS,
                "claim": TEXT,
                "verdict": st.sampled_from(["", "false", "true", "bogus"]),
                "is_public": st.sampled_from(["on", ""]),
                "propose_replacement": st.sampled_from(["on", ""]),
                "suggestion": TEXT,
            },
        )
    )
    @EXAMPLES
    def check(form):
        before = _counts()
        response = client.post(url, form)
        after = _counts()
        assert response.status_code in (302, 400), (form, response.status_code)
        if response.status_code == 302:
            assert after["Annotation"] == before["Annotation"] + 1
        else:
            assert after == before, form

    check()


COPY = (
    "Harbour reopens after storm\n"
    "\n"
    "The harbour reopened on Monday after a week of repairs.\n"
    "\n"
    "Council approves the school budget\n"
    "The city council approved next year's school budget on Tuesday.\n"
)


def test_the_split_form_never_fails_and_never_half_writes(client, editor):
    document = source_document_import(
        data=COPY.encode(), filename="wire.txt", by=editor
    ).document
    url = reverse("admin:articles_sourcedocument_split", args=[document.pk])
    keys = st.sampled_from(["1", "3", "5", "6", "0", "99", "²"])

    @given(
        form=st.fixed_dictionaries(
            {
                "start": st.lists(NUMBERS, max_size=4),
                "drop": st.lists(NUMBERS, max_size=2),
                "subheading": st.lists(NUMBERS, max_size=2),
            },
            optional={
                "move": st.tuples(NUMBERS, st.sampled_from(["-1", "1", "2", ""])).map(
                    ":".join
                ),
                "create": st.just("Create"),
            },
        ),
        stories=st.dictionaries(
            st.tuples(st.sampled_from(["headline", "use_line", "section"]), keys).map(
                "-".join
            ),
            st.one_of(TEXT, NUMBERS),
            max_size=4,
        ),
    )
    @EXAMPLES
    def check(form, stories):
        before = _counts()
        response = client.post(url, {**form, **stories})
        after = _counts()
        assert response.status_code in (200, 302), (form, stories)
        if response.status_code == 302:  # split: the document's articles replaced
            articles = Article.objects.filter(source=document)
            assert after["AuditEntry"] == before["AuditEntry"] + 1
            assert Revision.objects.filter(article__source=document).count() == (
                articles.count()
            )
        else:
            assert after == before, (form, stories)

    check()


def test_the_import_page_never_fails_and_never_half_writes(client):
    url = reverse("admin:articles_sourcedocument_import")

    @given(
        text=st.one_of(st.text(max_size=200), st.just("")),
        filename=st.text(max_size=300),
        upload=st.one_of(st.none(), st.binary(max_size=200)),
        upload_name=st.text(min_size=1, max_size=40).filter(
            lambda n: "\x00" not in n and "/" not in n
        ),
    )
    @EXAMPLES
    def check(text, filename, upload, upload_name):
        before = _counts()
        form = {"text": text, "filename": filename}
        if upload is not None:
            form["file"] = SimpleUploadedFile(upload_name, upload)
        response = client.post(url, form)
        after = _counts()
        assert response.status_code in (200, 302), (form, response.status_code)
        if response.status_code == 200:
            assert after == before, form
        else:
            added = after["SourceDocument"] - before["SourceDocument"]
            assert added in (0, 1)  # 0: the same bytes were imported before

    check()
