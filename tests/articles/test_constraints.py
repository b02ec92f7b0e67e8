"""The database itself refuses states the desk must never hold."""

import pytest
from django.db import IntegrityError, transaction

from articles.models import Annotation, AuditEntry, EntityAlias, Mention, Revision
from articles.models.stories import Article
from tests.factories import (
    AnnotationFactory,
    ArticleFactory,
    EntityAliasFactory,
    EntityFactory,
    SourceDocumentFactory,
)

pytestmark = pytest.mark.django_db


def _refused(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_one_revision_number_per_article():
    article = ArticleFactory()
    _refused(
        lambda: Revision.objects.create(
            article=article, number=1, headline="x", body="y"
        )
    )
    Revision.objects.create(article=article, number=2, headline="x", body="y")


def test_revision_numbers_start_at_one():
    article = ArticleFactory()
    _refused(
        lambda: Revision.objects.create(
            article=article, number=0, headline="x", body="y"
        )
    )


def test_article_status_must_be_a_workflow_state():
    article = ArticleFactory()
    _refused(lambda: Article.objects.filter(pk=article.pk).update(status="lost"))


def test_article_line_range_needs_a_source_and_an_order():
    source = SourceDocumentFactory()
    article = ArticleFactory()
    _refused(
        lambda: Article.objects.filter(pk=article.pk).update(first_line=3, last_line=5)
    )
    _refused(
        lambda: Article.objects.filter(pk=article.pk).update(
            source=source, first_line=5, last_line=3
        )
    )
    _refused(
        lambda: Article.objects.filter(pk=article.pk).update(
            source=source, first_line=0, last_line=3
        )
    )
    Article.objects.filter(pk=article.pk).update(
        source=source, first_line=3, last_line=3
    )


def test_published_article_must_have_a_published_revision():
    article = ArticleFactory()
    _refused(lambda: Article.objects.filter(pk=article.pk).update(status="published"))


def test_retraction_needs_a_reason():
    article = ArticleFactory()
    _refused(lambda: Article.objects.filter(pk=article.pk).update(status="retracted"))


def test_source_documents_are_unique_by_content_hash():
    document = SourceDocumentFactory()
    _refused(lambda: SourceDocumentFactory(content=document.content))


def test_aliases_are_unique_per_entity_ignoring_case():
    alias = EntityAliasFactory(text="ISIS-K")
    _refused(lambda: EntityAlias.objects.create(entity=alias.entity, text="isis-k"))
    EntityAlias.objects.create(entity=EntityFactory(), text="ISIS-K")


def test_mention_span_must_be_non_empty():
    article = ArticleFactory()
    entity = EntityFactory()
    _refused(
        lambda: Mention.objects.create(
            revision=article.current_revision, entity=entity, start=5, end=5, text="x"
        )
    )
    _refused(
        lambda: Mention.objects.create(
            revision=article.current_revision, entity=entity, start=6, end=5, text="x"
        )
    )


def test_annotation_span_status_and_severity_are_checked():
    annotation = AnnotationFactory()
    rows = Annotation.objects.filter(pk=annotation.pk)
    _refused(lambda: rows.update(start=4, end=4))
    _refused(lambda: rows.update(status="forgotten"))
    _refused(lambda: rows.update(severity="urgent"))
    _refused(lambda: rows.update(verdict="maybe"))


def test_a_closed_annotation_records_when():
    annotation = AnnotationFactory()
    _refused(
        lambda: Annotation.objects.filter(pk=annotation.pk).update(status="resolved")
    )


def test_audit_entries_cannot_be_changed_or_deleted():
    from articles.services.audit import audit_record

    entry = audit_record(actor=None, action="import", obj=SourceDocumentFactory())
    entry.note = "rewritten"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()
    assert AuditEntry.objects.get(pk=entry.pk).note == ""
