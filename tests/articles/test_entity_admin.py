"""The registry in the admin: entity pages, merge and split-off, the candidates page."""

import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import AuditEntry, Entity, EntityAlias, IgnoredName, Mention
from articles.services.entities import revision_link_entities
from tests.factories import ArticleFactory, EntityAliasFactory, EntityFactory

pytestmark = pytest.mark.django_db

CANDIDATES = reverse("admin:articles_entity_candidates")
CHANGELIST = reverse("admin:articles_entity_changelist")


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _change_url(entity: Entity) -> str:
    return reverse("admin:articles_entity_change", args=[entity.pk])


def _linked_articles(count: int, body: str) -> list:
    articles = [ArticleFactory(body=body) for _ in range(count)]
    for article in articles:
        revision_link_entities(revision=article.current_revision)
    return articles


# --- the entity page ----------------------------------------------------------


def test_the_entity_page_lists_the_articles_that_mention_it(editor_client):
    kabul = EntityFactory(name="Kabul", kind="place")
    mentioning = _linked_articles(2, "Kabul and Kabul.")
    ArticleFactory(headline="Elsewhere entirely", body="Doha.")

    page = editor_client.get(_change_url(kabul)).content.decode()

    for article in mentioning:
        assert reverse("admin:articles_article_change", args=[article.pk]) in page
        assert article.headline in page
    assert "Elsewhere entirely" not in page


def _entity_page_queries(client: Client, entity: Entity) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(_change_url(entity)).status_code == 200
    return len(queries)


def test_the_entity_page_costs_the_same_queries_for_n_or_2n_articles(editor_client):
    kabul = EntityFactory(name="Kabul", kind="place")
    EntityAliasFactory(entity=kabul, text="Kabol")
    _linked_articles(3, "Kabul.")
    n = _entity_page_queries(editor_client, kabul)
    _linked_articles(3, "Kabul and Kabol.")
    assert _entity_page_queries(editor_client, kabul) == n


# --- saving through the services ----------------------------------------------


def _entity_form(name: str, kind: str, aliases=(), initial=()) -> dict:
    data = {
        "name": name,
        "kind": kind,
        "description": "",
        "external_id": "",
        "aliases-TOTAL_FORMS": str(len(initial) + len(aliases)),
        "aliases-INITIAL_FORMS": str(len(initial)),
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    for i, (alias, text, delete) in enumerate(initial):
        data[f"aliases-{i}-id"] = str(alias.pk)
        data[f"aliases-{i}-entity"] = str(alias.entity_id)
        data[f"aliases-{i}-text"] = text
        if delete:
            data[f"aliases-{i}-DELETE"] = "on"
    for i, text in enumerate(aliases, start=len(initial)):
        data[f"aliases-{i}-text"] = text
    return data


def test_adding_an_entity_with_aliases_goes_through_the_services_and_relinks(
    editor_client, on_commit
):
    article = ArticleFactory(body="Khorasan Province claimed it.")
    with on_commit():
        response = editor_client.post(
            reverse("admin:articles_entity_add"),
            _entity_form("ISIS-K", "organisation", aliases=["Khorasan Province"]),
        )
    assert response.status_code == 302
    entity = Entity.objects.get(name="ISIS-K")
    assert list(entity.aliases.values_list("text", flat=True)) == ["Khorasan Province"]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"entity_create", "entity_alias_add"} <= actions
    assert Mention.objects.get(revision=article.current_revision).entity == entity


def test_changing_and_deleting_aliases_in_the_inline_is_audited_and_relinked(
    editor_client, on_commit
):
    entity = EntityFactory(name="ISIS-K", kind="organisation")
    keep = EntityAliasFactory(entity=entity, text="Khorasan Provinse")
    drop = EntityAliasFactory(entity=entity, text="ISKP")
    article = ArticleFactory(body="Khorasan Province and ISKP.")
    form = _entity_form(
        "ISIS-K",
        "organisation",
        initial=[(keep, "Khorasan Province", False), (drop, "ISKP", True)],
    )
    with on_commit():
        response = editor_client.post(_change_url(entity), form)
    assert response.status_code == 302
    assert list(entity.aliases.values_list("text", flat=True)) == ["Khorasan Province"]
    assert AuditEntry.objects.filter(action="entity_alias_update").count() == 1
    assert AuditEntry.objects.filter(action="entity_alias_delete").count() == 1
    assert list(
        Mention.objects.filter(revision=article.current_revision).values_list(
            "text", flat=True
        )
    ) == ["Khorasan Province"]


def test_the_inline_refuses_an_alias_twice(editor_client):
    response = editor_client.post(
        reverse("admin:articles_entity_add"),
        _entity_form("Taliban", "organisation", aliases=["Taleban", "TALEBAN"]),
    )
    assert response.status_code == 200
    assert "This entity already has this name." in response.content.decode()
    assert not Entity.objects.exists()


def test_deleting_an_entity_in_the_admin_goes_through_the_service(editor_client):
    entity = EntityFactory()
    response = editor_client.post(
        reverse("admin:articles_entity_delete", args=[entity.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Entity.objects.exists()
    assert AuditEntry.objects.filter(action="entity_delete").count() == 1


ARCHIVE_TABLES = ('"articles_mention"', '"articles_article"', '"articles_publicarticle')


def _reads_the_archive(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries if any(t in q["sql"] for t in ARCHIVE_TABLES)]


def test_deleting_an_entity_in_the_admin_never_reads_its_mentions(
    editor_client, on_commit
):
    kabul = EntityFactory(name="Kabul", kind="place")
    EntityAliasFactory(entity=kabul, text="Kabol")
    _linked_articles(3, "Kabul and Kabol.")
    url = reverse("admin:articles_entity_delete", args=[kabul.pk])

    with CaptureQueriesContext(connection) as queries:
        page = editor_client.get(url)
    assert _reads_the_archive(queries) == []
    listed = page.content.decode()
    assert "Entity alias: Kabol" in listed and "background relink job" in listed

    with on_commit():
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.post(url, {"post": "yes"})
        assert _reads_the_archive(queries) == []
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("background relink job" in m for m in messages)
    assert not Mention.objects.exists()  # the job took them off


# --- merge and split-off --------------------------------------------------------


def _merge(client: Client, entities, **extra):
    return client.post(
        CHANGELIST,
        {
            "action": "merge_entities",
            ACTION_CHECKBOX_NAME: [str(e.pk) for e in entities],
            **extra,
        },
    )


def test_merge_asks_which_entity_to_keep_then_merges(editor_client, on_commit):
    oldest = EntityFactory(name="ISIS-K")
    newer = EntityFactory(name="Khorasan Province")

    page = _merge(editor_client, [newer, oldest])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Choose the entity to keep" in html
    assert f'value="{oldest.pk}" checked' in html  # the oldest is proposed

    with on_commit():
        response = _merge(
            editor_client, [oldest, newer], post="yes", survivor=str(newer.pk)
        )
    assert response.status_code == 302
    assert list(Entity.objects.all()) == [newer]
    assert list(newer.aliases.values_list("text", flat=True)) == ["ISIS-K"]


def test_a_reviewer_cannot_merge(reviewer_client):
    entities = [EntityFactory(), EntityFactory()]
    response = _merge(
        reviewer_client, entities, post="yes", survivor=str(entities[0].pk)
    )
    assert response.status_code == 200  # the action is not offered: nothing done
    assert Entity.objects.count() == 2
    assert not AuditEntry.objects.filter(action="entity_merge").exists()
    changelist = reviewer_client.get(CHANGELIST).content.decode()
    assert "merge_entities" not in changelist


def test_split_off_action_makes_each_alias_an_entity(editor_client, on_commit):
    isis = EntityFactory(name="Islamic State", kind="organisation")
    alias = EntityAliasFactory(entity=isis, text="ISIS-K")
    article = ArticleFactory(body="ISIS-K.")
    revision_link_entities(revision=article.current_revision)
    with on_commit():
        response = editor_client.post(
            reverse("admin:articles_entityalias_changelist"),
            {"action": "split_off", ACTION_CHECKBOX_NAME: [str(alias.pk)]},
        )
    assert response.status_code == 302
    new = Entity.objects.get(name="ISIS-K")
    assert new.kind == "organisation"
    assert Mention.objects.get().entity == new
    assert not EntityAlias.objects.exists()


# --- the candidates page --------------------------------------------------------


def test_the_entity_list_links_to_the_candidates_page(editor_client):
    assert CANDIDATES in editor_client.get(CHANGELIST).content.decode()


def test_candidates_show_count_context_and_kind_hint_escaped(editor_client):
    ArticleFactory(
        linked=True,
        body="The Zorblax Agency said <script>alert(1)</script> it would. "
        "The Zorblax Agency left.",
    )
    response = editor_client.get(CANDIDATES)
    html = response.content.decode()
    row = next(r for r, _ in response.context["rows"] if r.text == "Zorblax Agency")
    assert (row.count, row.kind_hint) == (2, "organisation")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The kind hint is preselected for a one-click confirmation.
    assert '<option value="organisation" selected>' in html


def _candidates_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(CANDIDATES).status_code == 200
    return len(queries)


def test_the_candidates_page_costs_the_same_queries_for_n_or_2n_articles(
    editor_client,
):
    for i in range(3):
        ArticleFactory(linked=True, body=f"Zorblax Agency {i} met Quux Council.")
    n = _candidates_queries(editor_client)
    for i in range(3):
        ArticleFactory(linked=True, body=f"Zorblax Agency {i} met Quux Council.")
    assert _candidates_queries(editor_client) == n


CANDIDATES_PAGE_QUERIES = 7  # session, user, permissions (2), totals, names, headlines


@pytest.mark.parametrize("n", [5, 10])
def test_the_candidates_page_costs_the_same_queries_for_n_or_2n_names(
    n, editor_client, django_assert_num_queries
):
    names = ["Zorblax", "Quux", "Blorp", "Vexil", "Trundle", "Mopsy", "Gravel"]
    names += ["Pilcher", "Wendle", "Ostrig"]
    for name in names[:n]:
        ArticleFactory(linked=True, body=f"The {name} Agency met Envoy {name} West.")

    with django_assert_num_queries(CANDIDATES_PAGE_QUERIES):
        response = editor_client.get(CANDIDATES)

    assert len(response.context["rows"]) == 2 * n


def test_each_candidate_row_preselects_its_own_kind(editor_client):
    ArticleFactory(linked=True, body="The Zorblax Agency met Envoy Tom West.")
    html = editor_client.get(CANDIDATES).content.decode()
    rows = {
        re.search(r"<strong>(.*?)</strong>", row).group(1): row
        for row in html.split('<tr class="candidate">')[1:]
    }
    assert '<option value="organisation" selected>' in rows["Zorblax Agency"]
    assert '<option value="person" selected>' in rows["Tom West"]
    assert '<option value="person" selected>' not in rows["Zorblax Agency"]
    for row in rows.values():  # every row can pick the entity a name belongs to
        assert 'class="admin-autocomplete"' in row


def _candidate_texts(client: Client) -> list[str]:
    return [row.text for row, _ in client.get(CANDIDATES).context["rows"]]


def test_confirming_a_candidate_as_a_new_entity(editor_client, on_commit):
    article = ArticleFactory(linked=True, body="The Zorblax Agency said so.")
    with on_commit():
        response = editor_client.post(
            CANDIDATES,
            {"text": "Zorblax Agency", "decision": "new", "kind": "organisation"},
        )
    assert response.status_code == 302
    entity = Entity.objects.get(name="Zorblax Agency")
    assert entity.kind == "organisation"
    assert Mention.objects.get(revision=article.current_revision).entity == entity
    assert "Zorblax Agency" not in _candidate_texts(editor_client)


def test_the_alias_choice_autocompletes_entities_by_name_or_alias(reviewer_client):
    group = EntityFactory(name="Islamic State Khorasan")
    EntityAliasFactory(entity=group, text="ISIS-K")
    EntityFactory(name="Taliban")
    response = reviewer_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "entityalias",
            "field_name": "entity",
            "term": "ISIS",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Islamic State Khorasan"]


def test_confirming_a_candidate_as_an_alias(editor_client, on_commit):
    group = EntityFactory(name="ISIS-K", kind="organisation")
    ArticleFactory(linked=True, body="Police arrested members of Khorasan Province.")
    with on_commit():
        editor_client.post(
            CANDIDATES,
            {"text": "Khorasan Province", "decision": "alias", "entity": group.pk},
        )
    assert list(group.aliases.values_list("text", flat=True)) == ["Khorasan Province"]
    assert Mention.objects.get().entity == group


def test_ignoring_a_candidate_hides_it_for_good(editor_client, editor):
    ArticleFactory(linked=True, body="The Zorblax Agency said so.")
    editor_client.post(CANDIDATES, {"text": "Zorblax Agency", "decision": "ignore"})
    assert IgnoredName.objects.get().ignored_by == editor
    assert "Zorblax Agency" not in _candidate_texts(editor_client)


def test_a_decision_without_its_choice_is_refused_with_a_message(editor_client):
    response = editor_client.post(
        CANDIDATES, {"text": "Zorblax Agency", "decision": "alias"}, follow=True
    )
    assert "Choose the entity this name is an alias of." in response.content.decode()
    assert not EntityAlias.objects.exists()


def test_a_reviewer_sees_candidates_but_cannot_decide(reviewer_client):
    ArticleFactory(linked=True, body="The Zorblax Agency said so.")
    page = reviewer_client.get(CANDIDATES)
    assert page.status_code == 200
    assert "Zorblax Agency" in page.content.decode()
    assert 'value="ignore"' not in page.content.decode()
    for decision in ("new", "alias", "ignore"):
        response = reviewer_client.post(
            CANDIDATES,
            {"text": "Zorblax Agency", "decision": decision, "kind": "organisation"},
        )
        assert response.status_code == 403
    assert not Entity.objects.exists() and not IgnoredName.objects.exists()


def test_deciding_on_a_candidate_needs_the_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(CANDIDATES, {"text": "Zorblax", "decision": "ignore"})
    assert response.status_code == 403
    assert not IgnoredName.objects.exists()
