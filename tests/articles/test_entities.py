"""The entity registry's services: linking, relinking, merge, split-off, candidates."""

import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.demo import load_demo_registry
from articles.models import (
    Article,
    AuditEntry,
    BackgroundJob,
    Entity,
    EntityAlias,
    IgnoredName,
    Mention,
    PublicArticle,
)
from articles.models.stories import ArticleStatus
from articles.selectors.entities import entity_candidates, entity_matcher
from articles.services import entities as entity_services
from articles.services.entities import (
    RegistryError,
    alias_split_off,
    candidate_confirm_alias,
    candidate_confirm_new,
    candidate_ignore,
    entity_add_alias,
    entity_create,
    entity_delete,
    entity_merge,
    entity_update,
    registry_relink,
    revision_link_entities,
)
from articles.services.imports import source_document_import
from articles.services.revisions import article_edit
from articles.services.splitting import StoryPlan, source_document_split
from articles.services.workflow import article_publish, article_retract
from articles.text.splitting import proposals_to_choices, suggest_split
from tests.articles.concurrency import race
from tests.articles.workflow_helpers import article_in
from tests.factories import ArticleFactory, EntityAliasFactory, EntityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the relinks scheduled for commit when the block ends (tests never commit)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _mentions(article: Article, *, revision=None) -> list[tuple[str, str]]:
    revision = revision or Article.objects.get(pk=article.pk).current_revision
    return [
        (m.text, m.entity.name)
        for m in Mention.objects.filter(revision=revision).select_related("entity")
    ]


def _live(body: str, editor2) -> Article:
    """A published article whose stored public payload is up to date."""
    article = article_in(ArticleStatus.APPROVED, body=body)
    revision_link_entities(revision=article.current_revision)
    return article_publish(article=article, by=editor2)


def _payload_entities(article: Article) -> list[str]:
    payload = PublicArticle.objects.get(article=article).payload
    return sorted(entity["name"] for entity in payload["entities"])


# --- linking ------------------------------------------------------------------


def test_linking_stores_each_alias_with_its_offsets_and_the_longest_match_wins():
    group = EntityFactory(name="Islamic State Khorasan", kind="organisation")
    EntityAliasFactory(entity=group, text="ISIS-K")
    EntityAliasFactory(entity=group, text="Khorasan Province")
    isis = EntityFactory(name="ISIS", kind="organisation")
    article = ArticleFactory(body="ISIS-K, also Khorasan Province; not ISIS alone.")

    mentions = revision_link_entities(revision=article.current_revision)

    assert [(m.start, m.end, m.text, m.entity_id) for m in mentions] == [
        (0, 6, "ISIS-K", group.pk),
        (13, 30, "Khorasan Province", group.pk),
        (36, 40, "ISIS", isis.pk),
    ]
    assert Mention.objects.count() == 3


LINK_QUERIES = 7  # registry version (2), savepoint, delete, insert,
# delete the stored candidates (none to insert here), release


@pytest.mark.parametrize("n", [5, 10])
def test_linking_n_or_2n_mentions_costs_the_same_queries(n, django_assert_num_queries):
    EntityFactory(name="Kabul", kind="place")
    EntityFactory(name="Taliban", kind="organisation")
    article = ArticleFactory(body=" ".join(["Kabul and the Taliban."] * n))
    entity_matcher()  # built once per registry version, not per revision

    with django_assert_num_queries(LINK_QUERIES):
        mentions = revision_link_entities(revision=article.current_revision)

    assert len(mentions) == 2 * n


def test_linking_again_replaces_the_revisions_mentions():
    entity = EntityFactory(name="Kabul", kind="place")
    article = ArticleFactory(body="Kabul.")
    revision_link_entities(revision=article.current_revision)
    revision_link_entities(revision=article.current_revision)
    assert list(Mention.objects.values_list("entity_id", "start")) == [(entity.pk, 0)]


def test_a_new_revision_gets_its_own_mentions(editor):
    EntityFactory(name="Kabul", kind="place")
    doha = EntityFactory(name="Doha", kind="place")
    article = ArticleFactory(body="Talks in Kabul.", body__author=editor)
    first = article.current_revision
    revision_link_entities(revision=first)

    revision = article_edit(
        article=article,
        by=editor,
        base_revision_id=first.pk,
        headline=article.headline,
        body="Talks moved from Kabul to Doha.",
    )

    assert _mentions(article, revision=revision) == [
        ("Kabul", "Kabul"),
        ("Doha", "Doha"),
    ]
    assert _mentions(article, revision=first) == [("Kabul", "Kabul")]
    assert Mention.objects.get(revision=revision, entity=doha).start == 26


# --- relinking after a registry change ----------------------------------------


def test_a_new_alias_is_linked_in_existing_articles_when_the_write_commits(
    editor, on_commit
):
    group = EntityFactory(name="Islamic State Khorasan")
    article = ArticleFactory(body="ISIS-K claimed the attack.")
    revision_link_entities(revision=article.current_revision)
    assert _mentions(article) == []

    with on_commit():
        entity_add_alias(entity=group, text="ISIS-K", by=editor)
        assert _mentions(article) == []  # not yet: the relink waits for the commit

    assert _mentions(article) == [("ISIS-K", "Islamic State Khorasan")]


def test_several_registry_writes_in_one_transaction_relink_once(editor, on_commit):
    ArticleFactory(body="The Taleban said so.")
    with on_commit(), transaction.atomic():
        entity = entity_create(name="Taliban", kind="organisation", by=editor)
        entity_add_alias(entity=entity, text="Taleban", by=editor)
        entity_update(entity=entity, by=editor, kind="other")
    job = BackgroundJob.objects.get()
    assert (job.kind, job.state, job.done, job.total) == ("relink", "done", 1, 1)
    assert Mention.objects.get().entity == entity


def test_relink_covers_the_current_and_the_published_revision(editor, editor2):
    article = _live("Talks in Kabul.", editor2)
    published = article.published_revision
    current = article_edit(
        article=article,
        by=editor,
        base_revision_id=published.pk,
        headline=article.headline,
        body="Talks in Kabul and Doha.",
        correction="Doha added.",
    )
    EntityFactory(name="Kabul", kind="place")
    EntityFactory(name="Doha", kind="place")

    result = registry_relink()

    assert result.changed == 2
    assert _mentions(article, revision=published) == [("Kabul", "Kabul")]
    assert _mentions(article, revision=current) == [
        ("Kabul", "Kabul"),
        ("Doha", "Doha"),
    ]
    # The live (published) text changed its mentions: the public payload follows.
    assert result.refreshed == (article.pk,)
    assert _payload_entities(article) == ["Kabul"]


def test_relink_rewrites_only_revisions_whose_mentions_changed():
    EntityFactory(name="Kabul", kind="place")
    for body in ["Kabul.", "Kabul again.", "Nothing here."]:
        ArticleFactory(body=body)
    first = registry_relink()
    EntityFactory(name="Doha", kind="place")
    ArticleFactory(body="Doha.")

    second = registry_relink()

    assert (first.revisions, first.changed, first.mentions) == (3, 2, 2)
    assert (second.revisions, second.changed, second.mentions) == (4, 1, 1)


def test_relink_of_the_given_articles_leaves_the_others_alone():
    EntityFactory(name="Kabul", kind="place")
    one, other = ArticleFactory(body="Kabul."), ArticleFactory(body="Kabul.")
    registry_relink(article_ids=[one.pk])
    assert _mentions(one) == [("Kabul", "Kabul")]
    assert _mentions(other) == []


RELINK_QUERIES = 11


def _articles_mentioning_kabul(count: int) -> None:
    for i in range(count):
        ArticleFactory(body=f"Kabul, story {i}. Kabul again, and Kabul.")


@pytest.mark.parametrize("n", [3, 6])
def test_relink_costs_the_same_queries_for_n_or_2n_articles(n):
    EntityFactory(name="Kabul", kind="place")
    _articles_mentioning_kabul(n)
    entity_matcher()
    with CaptureQueriesContext(connection) as queries:
        result = registry_relink()
    assert result.mentions == 3 * n
    # The registry version (2); one batch: articles, savepoint, revisions (locked),
    # stored mentions, delete, insert, delete the changed revisions' candidates,
    # release; the empty next page of articles.
    assert len(queries) == RELINK_QUERIES


def test_relink_batches_cost_a_constant_number_of_queries_each(monkeypatch):
    monkeypatch.setattr(entity_services, "RELINK_BATCH", 2)
    EntityFactory(name="Kabul", kind="place")
    counts = []
    for n in (4, 8):
        _articles_mentioning_kabul(n - Article.objects.count())
        Mention.objects.all().delete()
        entity_matcher()
        with CaptureQueriesContext(connection) as queries:
            registry_relink()
        counts.append(len(queries))
    batches = (2, 4)
    per_batch = (counts[1] - counts[0]) / (batches[1] - batches[0])
    # Articles, savepoint, revisions, stored mentions, delete, insert, the stored
    # candidates of the changed current revisions (none to insert here), release.
    assert per_batch == 8
    assert counts[0] == 2 + 1 + batches[0] * per_batch  # version, last page, batches


@pytest.mark.django_db(transaction=True)
def test_two_relinks_at_once_do_not_collide(monkeypatch):
    """Each relink locks the revisions it rewrites; the second then sees the first's
    mentions and has nothing to do (without the lock both would insert them).
    """
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks; run with DATABASE_URL=postgres://...")
    EntityFactory(name="Kabul", kind="place")
    _articles_mentioning_kabul(2)
    keys = entity_services._mention_keys

    def slow_keys(*args):
        time.sleep(0.3)
        return keys(*args)

    monkeypatch.setattr(entity_services, "_mention_keys", slow_keys)
    results = race(registry_relink, registry_relink)

    assert sorted(r.changed for r in results) == [0, 2], results
    assert Mention.objects.count() == 6


def test_renaming_an_entity_refreshes_live_articles_that_mention_it(
    editor, editor2, on_commit
):
    entity = EntityFactory(name="Kabul", kind="place")
    article = _live("Talks in Kabul.", editor2)
    EntityAliasFactory(entity=entity, text="Kabul")  # keeps matching after rename
    with on_commit():
        entity_update(entity=entity, by=editor, name="Kabul city")
    assert _payload_entities(article) == ["Kabul city"]
    entry = AuditEntry.objects.get(action="entity_update")
    assert entry.data == {"name": ["Kabul", "Kabul city"]}


def test_deleting_an_entity_drops_its_mentions_and_its_public_listing(
    editor, editor2, on_commit
):
    entity = EntityFactory(name="Kabul", kind="place")
    article = _live("Talks in Kabul.", editor2)
    assert _payload_entities(article) == ["Kabul"]
    with on_commit():
        entity_delete(entity=entity, by=editor)
    assert not Mention.objects.exists()
    assert _payload_entities(article) == []
    assert AuditEntry.objects.filter(action="entity_delete").count() == 1


def test_deleting_an_entity_takes_it_out_of_the_registry_at_once_and_the_job_the_rest(
    editor, editor2, on_commit
):
    entity = EntityFactory(name="Kabul", kind="place", external_id="Q5838")
    EntityAliasFactory(entity=entity, text="Kabol")
    article = _live("Talks in Kabul and Kabol.", editor2)

    with on_commit():
        entity_delete(entity=entity, by=editor)
        # Out of the registry before any worker ran: not listed, not matched, its
        # external id free; the mentions are still there for the job to find.
        assert not Entity.objects.exists() and not EntityAlias.objects.exists()
        assert not entity_matcher().find("Kabul")
        EntityFactory(name="Kabul province", kind="place", external_id="Q5838")
        assert Mention.objects.filter(entity_id=entity.pk).count() == 2
        assert _payload_entities(article) == ["Kabul"]

    # When the request commits: the job, which takes the mentions off and then the row.
    job = BackgroundJob.objects.get()
    assert job.params["deleted"] == [entity.pk]
    assert not Entity._base_manager.filter(pk=entity.pk).exists()
    assert not Mention.objects.filter(entity_id=entity.pk).exists()
    assert _payload_entities(article) == []
    assert job.outcome["refreshed"] == 1


# Tables with rows per article or per mention: a request reads none of them.
ARCHIVE_TABLES = (
    '"articles_mention"',
    '"articles_article"',
    '"articles_publicarticle',
    '"articles_candidatename"',
)
REGISTRY_WRITES = ["delete", "merge", "split_off", "confirm_new", "confirm_alias"]


@pytest.mark.parametrize("write", REGISTRY_WRITES)
def test_a_registry_write_reads_no_mentions_and_no_articles(write, editor, editor2):
    entity = EntityFactory(name="Kabul", kind="place")
    alias = EntityAliasFactory(entity=entity, text="Kabol")
    other = EntityFactory(name="Kabul city", kind="place")
    for _ in range(3):
        _live("Talks in Kabul city and Kabol with the Zorblax Agency.", editor2)
    assert "Zorblax Agency" in _texts()
    writes = {
        "delete": lambda: entity_delete(entity=entity, by=editor),
        "merge": lambda: entity_merge(survivor=entity, other=other, by=editor),
        "split_off": lambda: alias_split_off(alias=alias, by=editor),
        "confirm_new": lambda: candidate_confirm_new(
            text="Zorblax Agency", kind="organisation", by=editor
        ),
        "confirm_alias": lambda: candidate_confirm_alias(
            text="Zorblax Agency", entity=entity, by=editor
        ),
    }

    with CaptureQueriesContext(connection) as queries:
        writes[write]()

    read = [q["sql"] for q in queries if any(t in q["sql"] for t in ARCHIVE_TABLES)]
    assert read == []


def test_the_matcher_is_rebuilt_only_after_a_registry_change(editor):
    entity = EntityFactory(name="Kabul", kind="place")
    other = EntityFactory(name="Doha", kind="place")
    alias = EntityAliasFactory(entity=entity, text="Kabol")
    matcher = entity_matcher()
    assert entity_matcher() is matcher
    # Moving an alias changes no count: its updated_at must move the version.
    entity_services.alias_update(alias=alias, entity=other, by=editor)
    assert entity_matcher() is not matcher
    assert entity_matcher().find("Kabol")[0].entity_id == other.pk


# --- creating and validating --------------------------------------------------


def test_create_skips_duplicate_aliases_and_is_audited(editor):
    entity = entity_create(
        name="Taliban",
        kind="organisation",
        aliases=["Taleban", "taleban", "TALIBAN", " Islamic Emirate "],
        by=editor,
    )
    assert sorted(entity.aliases.values_list("text", flat=True)) == [
        "Islamic Emirate",
        "Taleban",
    ]
    entry = AuditEntry.objects.get(action="entity_create")
    assert entry.actor == editor
    assert entry.data["aliases"] == ["Taleban", "Islamic Emirate"]


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"name": "  ", "kind": "place"}, "cannot be blank"),
        ({"name": "Kabul", "kind": "city"}, "not a kind of entity"),
        ({"name": "Kabul", "kind": "place", "external_id": "Q5838"}, "already belongs"),
    ],
)
def test_create_refuses_bad_input_with_a_clear_message(editor, fields, message):
    EntityFactory(name="Kabul city", kind="place", external_id="Q5838")
    with pytest.raises(RegistryError, match=message):
        entity_create(**fields, by=editor)
    assert Entity.objects.count() == 1


def test_an_entity_cannot_get_the_same_alias_twice(editor):
    entity = EntityFactory(name="Taliban")
    entity_add_alias(entity=entity, text="Taleban", by=editor)
    with pytest.raises(RegistryError, match="already has the name"):
        entity_add_alias(entity=entity, text="TALEBAN", by=editor)
    with pytest.raises(RegistryError, match="already has the name"):
        entity_add_alias(entity=entity, text="taliban", by=editor)


def test_a_reviewer_cannot_write_to_the_registry(reviewer):
    entity, other = EntityFactory(), EntityFactory()
    for write in [
        lambda: entity_create(name="X", kind="place", by=reviewer),
        lambda: entity_add_alias(entity=entity, text="Y", by=reviewer),
        lambda: entity_merge(survivor=entity, other=other, by=reviewer),
        lambda: candidate_ignore(text="Z", by=reviewer),
    ]:
        with pytest.raises(RegistryError, match="permission"):
            write()
    assert Entity.objects.count() == 2
    assert not IgnoredName.objects.exists()


# --- merge --------------------------------------------------------------------


def test_merge_moves_aliases_and_mentions_and_deletes_the_other(editor, on_commit):
    survivor = EntityFactory(name="Islamic State Khorasan", kind="organisation")
    EntityAliasFactory(entity=survivor, text="ISKP")
    other = EntityFactory(name="ISIS-K", kind="organisation", description="Affiliate")
    EntityAliasFactory(entity=other, text="Khorasan Province")
    EntityAliasFactory(entity=other, text="iskp")  # the survivor has it already
    article = ArticleFactory(body="ISIS-K, or Khorasan Province, or ISKP.")
    revision_link_entities(revision=article.current_revision)

    with on_commit():
        result = entity_merge(survivor=survivor, other=other, by=editor)

    assert result == survivor
    assert not Entity.objects.filter(pk=other.pk).exists()
    assert sorted(survivor.aliases.values_list("text", flat=True)) == [
        "ISIS-K",
        "ISKP",
        "Khorasan Province",
    ]
    assert set(Mention.objects.values_list("entity_id", flat=True)) == {survivor.pk}
    assert Mention.objects.count() == 3
    survivor.refresh_from_db()
    assert survivor.description == "Affiliate"  # it had none
    entry = AuditEntry.objects.get(action="entity_merge")
    assert entry.actor == editor
    assert entry.data["other"]["name"] == "ISIS-K"
    assert entry.data["name_added_as_alias"] is True
    assert entry.data["aliases_moved"] == ["Khorasan Province"]
    assert entry.data["aliases_skipped"] == ["iskp"]
    assert not Entity._base_manager.filter(pk=other.pk).exists()  # purged


def test_merge_skips_mentions_the_survivor_has_on_the_same_span(editor, on_commit):
    survivor = EntityFactory(name="Kabul", kind="place")
    other = EntityFactory(name="Kabul", kind="place")  # a duplicate entry
    article = ArticleFactory(body="Kabul.")
    revision_link_entities(revision=article.current_revision)
    assert Mention.objects.count() == 2  # ambiguous: both recorded

    with on_commit():
        entity_merge(survivor=survivor, other=other, by=editor)

    assert list(Mention.objects.values_list("entity_id", flat=True)) == [survivor.pk]
    entry = AuditEntry.objects.get(action="entity_merge")
    assert entry.data["name_added_as_alias"] is False


def test_merging_an_entity_into_itself_is_refused(editor):
    entity = EntityFactory()
    with pytest.raises(RegistryError, match="two different"):
        entity_merge(survivor=entity, other=entity, by=editor)


def test_merge_updates_the_public_payload_of_live_articles(editor, editor2, on_commit):
    survivor = EntityFactory(name="Islamic State Khorasan", kind="organisation")
    other = EntityFactory(name="ISIS-K", kind="organisation")
    article = _live("ISIS-K claimed it.", editor2)
    assert _payload_entities(article) == ["ISIS-K"]
    with on_commit():
        entity_merge(survivor=survivor, other=other, by=editor)
    assert _payload_entities(article) == ["Islamic State Khorasan"]


# --- split-off ----------------------------------------------------------------


def test_split_off_makes_an_alias_its_own_entity_with_its_mentions(editor, on_commit):
    isis = EntityFactory(name="Islamic State", kind="organisation")
    EntityAliasFactory(entity=isis, text="ISIS")
    alias = EntityAliasFactory(entity=isis, text="ISIS-K")
    article = ArticleFactory(body="ISIS and ISIS-K and the Islamic State.")
    revision_link_entities(revision=article.current_revision)

    with on_commit():
        new = alias_split_off(alias=alias, by=editor)

    assert (new.name, new.kind) == ("ISIS-K", "organisation")
    assert not EntityAlias.objects.filter(pk=alias.pk).exists()
    assert _mentions(article) == [
        ("ISIS", "Islamic State"),
        ("ISIS-K", "ISIS-K"),
        ("Islamic State", "Islamic State"),
    ]
    entry = AuditEntry.objects.get(action="alias_split_off")
    assert entry.data["from"]["name"] == "Islamic State"


def test_split_off_with_another_name_keeps_the_alias_on_the_new_entity(editor):
    source = EntityFactory(name="Russia", kind="place")
    alias = EntityAliasFactory(entity=source, text="Russian Federation")

    new = alias_split_off(
        alias=alias, by=editor, kind="organisation", name="Russian government"
    )

    assert (new.name, new.kind) == ("Russian government", "organisation")
    assert list(new.aliases.values_list("text", flat=True)) == ["Russian Federation"]
    assert not source.aliases.exists()


# --- candidates ---------------------------------------------------------------


def _texts() -> list[str]:
    return [row.text for row in entity_candidates()]


def test_candidates_sum_counts_over_articles_with_context(editor):
    ArticleFactory(
        linked=True, body="Zorblax Agency said so. Then Zorblax Agency left."
    )
    ArticleFactory(linked=True, body="Reporters met the Zorblax Agency in Kabul.")

    row = next(r for r in entity_candidates() if r.text == "Zorblax Agency")

    assert (row.count, row.article_count, row.kind_hint) == (3, 2, "organisation")
    assert len(row.contexts) == 3
    assert "Zorblax Agency said so" in row.contexts[0].snippet


def test_confirming_a_candidate_as_new_links_it_and_stops_proposing_it(
    editor, on_commit
):
    article = ArticleFactory(
        linked=True, body="Envoy Tom West resigned. West will stay on."
    )
    assert "Tom West" in _texts()

    with on_commit():
        entity = candidate_confirm_new(text="Tom West", kind="person", by=editor)

    assert "Tom West" not in _texts()
    assert _mentions(article) == [("Tom West", "Tom West")]
    assert AuditEntry.objects.get(action="candidate_confirm_new").actor == editor
    with pytest.raises(RegistryError, match="already in the registry"):
        candidate_confirm_new(text="tom west", kind="person", by=editor)
    assert Entity.objects.get() == entity


def test_confirming_a_candidate_as_an_alias_links_it_to_that_entity(editor, on_commit):
    group = EntityFactory(name="ISIS-K", kind="organisation")
    article = ArticleFactory(
        linked=True, body="Police arrested members of Khorasan Province."
    )
    assert "Khorasan Province" in _texts()

    with on_commit():
        alias = candidate_confirm_alias(
            text="Khorasan Province", entity=group, by=editor
        )

    assert alias.entity == group
    assert "Khorasan Province" not in _texts()
    assert _mentions(article) == [("Khorasan Province", "ISIS-K")]


def test_an_ignored_candidate_is_not_proposed_again(editor):
    ArticleFactory(
        linked=True, body="Despite Zorblax Agency, the Agency of Zorblax spoke."
    )
    assert "Zorblax Agency" in _texts()

    ignored = candidate_ignore(text="Zorblax  Agency", by=editor)
    again = candidate_ignore(text="ZORBLAX AGENCY", by=editor)

    assert ignored == again
    assert ignored.normalized == "zorblax agency"
    assert ignored.ignored_by == editor
    assert "Zorblax Agency" not in _texts()
    assert AuditEntry.objects.filter(action="candidate_ignore").count() == 1


def test_retracted_articles_are_not_searched_for_candidates(editor, editor2, on_commit):
    article = _live("The Zorblax Agency denied it in Kabul.", editor2)
    ArticleFactory(linked=True, body="The Quux Council met.")
    assert "Zorblax Agency" in _texts()  # linked and live: proposed
    article = article_retract(article=article, by=editor, reason="Withdrawn.")
    assert _texts() == ["Quux Council"]

    # A registry change relinks the retracted article's revision (its mentions
    # change), and a rebuild reads the archive again: neither proposes its names.
    with on_commit():
        entity_create(name="Kabul", kind="place", by=editor)
    assert _mentions(article) == [("Kabul", "Kabul")]
    assert _texts() == ["Quux Council"]
    assert entity_services.candidates_rebuild() == 1
    assert _texts() == ["Quux Council"]


# --- the demo registry --------------------------------------------------------


def test_demo_registry_loads_once(on_commit):
    with on_commit():
        created = load_demo_registry()
    counts = (Entity.objects.count(), EntityAlias.objects.count())

    assert created == counts[0] > 20
    assert set(Entity.objects.values_list("kind", flat=True)) == {
        "person",
        "organisation",
        "place",
        "event",
    }
    isis_k = EntityAlias.objects.get(text="ISIS-K").entity
    assert isis_k.aliases.filter(text="Khorasan Province").exists()

    with on_commit():
        assert load_demo_registry() == 0
    assert (Entity.objects.count(), EntityAlias.objects.count()) == counts


# --- done when: the seed, split and confirmed, carries linked mentions ---------


def test_the_seed_split_and_confirmed_links_people_organisations_places_events(
    editor, on_commit
):
    documents = [
        source_document_import(data=path.read_bytes(), filename=path.name, by=editor)
        for path in sorted(Path(settings.BASE_DIR, "seeds").glob("*.txt"))
    ]
    assert documents
    articles = []
    for result in documents:
        text = result.document.text
        choices = proposals_to_choices(suggest_split(text))
        articles += source_document_split(
            document=result.document,
            stories=[StoryPlan(choice, None) for choice in choices],
            by=editor,
        )
    assert len(articles) >= 5
    proposed = {row.text: row for row in entity_candidates()}
    for name in ["ISIS-K", "Khorasan Province", "Amir Khan Muttaqi", "Afghanistan"]:
        assert name in proposed

    with on_commit():
        group = candidate_confirm_new(text="ISIS-K", kind="organisation", by=editor)
        candidate_confirm_alias(text="Khorasan Province", entity=group, by=editor)
        candidate_confirm_new(
            text="Amir Khan Muttaqi",
            kind=proposed["Amir Khan Muttaqi"].kind_hint,
            by=editor,
        )
        candidate_confirm_new(text="Afghanistan", kind="place", by=editor)
        candidate_confirm_new(text="Taliban", kind="organisation", by=editor)
        candidate_confirm_new(
            text="Moscow Consultative Format", kind="event", by=editor
        )
        candidate_ignore(text="Afghans", by=editor)

    current = [a.current_revision_id for a in Article.objects.all()]
    mentions = Mention.objects.filter(revision_id__in=current).select_related("entity")
    kinds = {m.entity.kind for m in mentions}
    assert kinds == {"person", "organisation", "place", "event"}
    group_texts = {m.text for m in mentions if m.entity_id == group.pk}
    assert group_texts == {"ISIS-K", "Khorasan Province"}
    assert "Afghans" not in _texts()
    assert "ISIS-K" not in _texts()
