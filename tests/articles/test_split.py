"""Splitting a source document into draft articles: the service and the split view."""

import pytest
from django.urls import reverse

from articles.models import Article, AuditEntry, Revision
from articles.models.stories import ArticleStatus
from articles.services.imports import source_document_import
from articles.services.splitting import SplitError, StoryPlan, source_document_split
from articles.text.splitting import StoryChoice
from tests.factories import AnnotationFactory, SectionFactory

pytestmark = pytest.mark.django_db

COPY = (
    "Harbour reopens after storm\n"  # 1
    "\n"
    "The harbour reopened on Monday after a week of repairs.\n"  # 3
    "\n"
    "The harbour reopened on Monday after a week of repairs.\n"  # 5 duplicate
    "Fishing boats returned at dawn, the harbour master said.\n"  # 6
    "\n"
    "Council approves the school budget\n"  # 8
    "The city council approved next year's school budget on Tuesday.\n"  # 9
    "Teachers welcomed the decision.\n"  # 10
)


@pytest.fixture
def document(editor):
    return source_document_import(
        data=COPY.encode(), filename="wire.txt", by=editor
    ).document


def _plans(section=None, second_start=8, first_last=6, drop=(5,)):
    return [
        StoryPlan(
            StoryChoice(
                first_line=1,
                last_line=first_last,
                headline="Harbour reopens after storm",
                headline_line=1,
                drop_lines=drop,
            ),
            section,
        ),
        StoryPlan(
            StoryChoice(
                first_line=second_start,
                last_line=10,
                headline="Council approves the school budget",
                headline_line=second_start,
            ),
            section,
        ),
    ]


def test_split_creates_draft_articles_with_revision_one_and_provenance(
    document, editor
):
    section = SectionFactory()
    articles = source_document_split(
        document=document, stories=_plans(section), by=editor
    )
    first, second = articles
    assert (first.first_line, first.last_line, first.dropped_lines) == (1, 6, [5])
    assert (second.first_line, second.last_line, second.dropped_lines) == (8, 10, [])
    assert first.status == ArticleStatus.DRAFT
    assert first.section == section
    revision = first.current_revision
    assert (revision.number, revision.author) == (1, editor)
    assert revision.headline == "Harbour reopens after storm"
    assert revision.body == (
        "The harbour reopened on Monday after a week of repairs.\n\n"
        "Fishing boats returned at dawn, the harbour master said."
    )
    entry = AuditEntry.objects.get(action="split")
    assert entry.actor == editor
    assert [a["dropped_lines"] for a in entry.data["articles"]] == [[5], []]


def test_an_invalid_split_is_refused_and_changes_nothing(document, editor):
    bad = _plans()
    bad[1] = StoryPlan(
        StoryChoice(first_line=5, last_line=10, headline="Overlap", headline_line=None),
        None,
    )
    with pytest.raises(SplitError):
        source_document_split(document=document, stories=bad, by=editor)
    assert not Article.objects.exists()
    assert not AuditEntry.objects.filter(action="split").exists()


def test_splitting_again_replaces_unedited_drafts(document, editor):
    source_document_split(document=document, stories=_plans(), by=editor)
    again = source_document_split(
        document=document, stories=_plans(second_start=9, first_last=8), by=editor
    )
    assert Article.objects.count() == 2
    assert [a.pk for a in Article.objects.order_by("first_line")] == [
        a.pk for a in again
    ]
    assert Revision.objects.count() == 2
    assert AuditEntry.objects.filter(action="split").count() == 2
    assert len(AuditEntry.objects.filter(action="split").first().data["replaced"]) == 2


def test_splitting_again_is_refused_once_an_article_left_draft(document, editor):
    first, _ = source_document_split(document=document, stories=_plans(), by=editor)
    Article.objects.filter(pk=first.pk).update(status=ArticleStatus.IN_REVIEW)
    with pytest.raises(SplitError, match="only while all its articles are drafts"):
        source_document_split(document=document, stories=_plans(), by=editor)
    assert Article.objects.filter(pk=first.pk).exists()


def test_splitting_again_is_refused_when_it_would_lose_annotations(document, editor):
    first, _ = source_document_split(document=document, stories=_plans(), by=editor)
    AnnotationFactory(article=first)
    with pytest.raises(SplitError, match="has annotations"):
        source_document_split(document=document, stories=_plans(), by=editor)


def test_split_view_shows_the_proposals_with_reasons(document, editor_client):
    response = editor_client.get(
        reverse("admin:articles_sourcedocument_split", args=[document.pk])
    )
    assert response.status_code == 200
    stories = response.context["stories"]
    assert [(s.draft.first_line, s.draft.last_line) for s in stories] == [
        (1, 6),
        (8, 10),
    ]
    assert all(s.draft.reasons for s in stories)
    html = response.content.decode()
    assert "duplicate of an earlier paragraph" in html
    assert 'value="Harbour reopens after storm"' in html


def test_split_view_creates_the_articles(document, editor_client):
    section = SectionFactory()
    url = reverse("admin:articles_sourcedocument_split", args=[document.pk])
    response = editor_client.post(
        url,
        {
            "start": ["1", "8"],
            "drop": ["5"],
            "headline-1": "Harbour reopens after storm",
            "use_line-1": "on",
            "section-1": str(section.pk),
            "headline-8": "Council approves the school budget",
            "use_line-8": "on",
            "section-8": str(section.pk),
            "create": "Create",
        },
    )
    assert response.status_code == 302
    assert Article.objects.filter(section=section).count() == 2


def test_split_view_explains_a_refusal_and_writes_nothing(document, editor_client):
    url = reverse("admin:articles_sourcedocument_split", args=[document.pk])
    response = editor_client.post(
        url,
        {"start": ["1", "8"], "headline-1": "", "headline-8": "", "create": "Create"},
    )
    assert response.status_code == 200
    assert list(response.context["messages"])
    assert not Article.objects.exists()


def test_reviewer_cannot_split(document, reviewer_client):
    url = reverse("admin:articles_sourcedocument_split", args=[document.pk])
    assert reviewer_client.get(url).status_code == 403
    assert reviewer_client.post(url, {"create": "1"}).status_code == 403
    assert not Article.objects.exists()


def test_user_text_in_the_split_view_is_escaped(editor, editor_client):
    document = source_document_import(
        data=b"<img src=x onerror=alert(1)> headline\n\nBody <b>bold</b> text.\n",
        filename="x.txt",
        by=editor,
    ).document
    html = editor_client.get(
        reverse("admin:articles_sourcedocument_split", args=[document.pk])
    ).content.decode()
    assert "<img src=x" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


WEB_COPY = (
    "WORLD\n"  # 1
    "Harbour Reopens After A Week Of Storm Repairs\n"  # 2
    "By Ana Costa\n"  # 3
    "Share\n"  # 4
    "The harbour at Peniche reopened on Monday after a week of repairs to its "
    "sea wall, the port authority said.\n"  # 5
    "Advertisement\n"  # 6
    "Fishing boats returned at dawn, the harbour master said.\n"  # 7
)


def test_split_view_proposes_page_debris_for_dropping_and_the_editor_can_keep_it(
    editor, editor_client
):
    document = source_document_import(
        data=WEB_COPY.encode(), filename="page.txt", by=editor
    ).document
    url = reverse("admin:articles_sourcedocument_split", args=[document.pk])
    html = editor_client.get(url).content.decode()
    assert 'value="3" checked> page or wire debris (byline): drop it' in html
    assert 'value="6" checked> page or wire debris (advertisement)' in html

    response = editor_client.post(
        url,
        {
            "start": ["1"],
            "drop": ["1", "4", "6"],  # the byline is kept
            "headline-1": "Harbour reopens after a week of storm repairs",
            "create": "Create",
        },
    )
    assert response.status_code == 302
    body = Article.objects.get().current_revision.body
    assert "By Ana Costa" in body
    assert "Advertisement" not in body and "Share" not in body
    assert "Fishing boats returned at dawn" in body


def test_the_split_view_runs_the_splitter_once_per_document(
    document, editor_client, monkeypatch
):
    """The suggestion is cached by content hash: GETs and clicks only read it."""
    from django.core.cache import cache

    from articles.selectors import splitting as split_selector

    cache.clear()
    calls = []
    real = split_selector.suggest_split

    def counted(text):
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(split_selector, "suggest_split", counted)
    url = reverse("admin:articles_sourcedocument_split", args=[document.pk])
    first = editor_client.get(url).context["stories"]
    again = editor_client.get(url).context["stories"]
    editor_client.post(url, {"start": ["1", "8"], "move": "8:1"})

    assert len(calls) == 1
    assert [s.draft.first_line for s in first] == [s.draft.first_line for s in again]


SUBHEADED_COPY = (
    "Storm Closes Harbour For A Week\n"  # 1
    "\n"
    "Fishing boats stayed in port on Monday as a storm closed the harbour for the "
    "week, the port authority said.\n"  # 3
    "\n"
    "Repairs begin on the wall\n"  # 5: sentence case, so a sub-heading at first
    "\n"
    "Engineers began repairing the damaged sea wall, which the storm breached in "
    "two places overnight.\n"  # 7
)


def test_starting_a_story_on_a_headline_shaped_line_makes_it_the_headline(
    editor, editor_client
):
    document = source_document_import(
        data=SUBHEADED_COPY.encode(), filename="storm.txt", by=editor
    ).document
    url = reverse("admin:articles_sourcedocument_split", args=[document.pk])
    proposed = editor_client.get(url).context["stories"]
    assert len(proposed) == 1  # line 5 was taken for a sub-heading

    response = editor_client.post(
        url, {"start": ["1", "5"], "subheading": ["5"], "preview": "Update"}
    )

    second = response.context["stories"][1]
    assert second.headline == "Repairs begin on the wall"
    assert second.use_headline_line
    headline_line = second.lines[0]
    assert headline_line["is_headline"] and not headline_line["subheading"]

    data = {
        "start": ["1", "5"],
        "subheading": ["5"],
        "headline-1": "Storm Closes Harbour For A Week",
        "use_line-1": "on",
        "headline-5": "Repairs begin on the wall",
        "use_line-5": "on",
        "create": "Create",
    }
    assert editor_client.post(url, data).status_code == 302
    article = Article.objects.get(first_line=5)
    assert article.headline == "Repairs begin on the wall"
    assert article.current_revision.body.startswith("Engineers began")


def test_split_view_shows_the_checks_findings_on_the_lines_they_concern(
    document, editor_client
):
    response = editor_client.get(
        reverse("admin:articles_sourcedocument_split", args=[document.pk])
    )

    by_line = {
        line["number"]: line["findings"]
        for story in response.context["stories"]
        for line in story.lines
    }
    assert [f.check for f in by_line[5]] == ["duplicate-paragraph"]
    assert not by_line[3] and not by_line[9]
    html = response.content.decode()
    line_5 = html[html.index('id="line-5"') : html.index('id="line-6"')]
    assert "repeats line 3" in line_5


def test_creating_one_article_says_article_in_the_singular(editor, editor_client):
    document = source_document_import(
        data=b"One story only\n\nThe only paragraph of the only story.\n",
        filename="one.txt",
        by=editor,
    ).document
    url = reverse("admin:articles_sourcedocument_split", args=[document.pk])
    response = editor_client.post(
        url,
        {
            "start": ["1"],
            "headline-1": "One story only",
            "use_line-1": "on",
            "create": "Create",
        },
        follow=True,
    )
    assert "Created 1 draft article from “one.txt”." in [
        str(m) for m in response.context["messages"]
    ]


def test_splitting_again_is_allowed_over_the_checks_own_open_findings(document, editor):
    first, _ = source_document_split(
        document=document, stories=_plans(drop=()), by=editor
    )
    assert first.annotations.filter(origin="duplicate-paragraph").exists()

    again = source_document_split(document=document, stories=_plans(), by=editor)

    assert len(again) == 2
    assert not Article.objects.filter(pk=first.pk).exists()
