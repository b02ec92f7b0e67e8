"""factory-boy factories for the desk's models, with traits for the usual states."""

import hashlib

import factory
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from articles.models import (
    Annotation,
    Article,
    Entity,
    EntityAlias,
    Revision,
    Section,
    SourceDocument,
)
from articles.models.stories import ArticleStatus
from articles.roles import EDITORS, REVIEWERS, sync_role_groups


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True
    password = factory.django.Password("pw-for-tests")

    class Params:
        admin = factory.Trait(is_superuser=True)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """The role group's name: UserFactory(role=EDITORS)."""
        if create and extracted:
            if not Group.objects.filter(name=extracted).exists():
                sync_role_groups(
                    django_apps
                )  # transactional tests flush the migration's rows
            self.groups.add(Group.objects.get(name=extracted))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda s: slugify(s.name))


class SourceDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceDocument

    content = factory.Sequence(
        lambda n: f"Headline {n}\n\nA first paragraph {n}.\n".encode()
    )
    sha256 = factory.LazyAttribute(lambda d: hashlib.sha256(d.content).hexdigest())
    filename = factory.Sequence(lambda n: f"copy-{n}.txt")
    size = factory.LazyAttribute(lambda d: len(d.content))


class ArticleFactory(factory.django.DjangoModelFactory):
    """An article with revision 1 as its current revision."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Story number {n}")
    slug = factory.LazyAttribute(lambda a: slugify(a.headline))
    section = factory.SubFactory(SectionFactory)
    status = ArticleStatus.DRAFT

    class Params:
        in_review = factory.Trait(status=ArticleStatus.IN_REVIEW)

    @factory.post_generation
    def body(self, create, extracted, **kwargs):
        """Revision 1's body; its author with ArticleFactory(body__author=user)."""
        if not create:
            return
        author = kwargs.get("author") or UserFactory(role=EDITORS)
        revision = Revision.objects.create(
            article=self,
            number=1,
            headline=self.headline,
            body=extracted or "A first paragraph.\n\nA second paragraph.",
            author=author,
            message="Created",
        )
        self.current_revision = revision
        self.save(update_fields=["current_revision"])


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity

    kind = "organisation"
    name = factory.Sequence(lambda n: f"Organisation {n}")


class EntityAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EntityAlias

    entity = factory.SubFactory(EntityFactory)
    text = factory.Sequence(lambda n: f"Alias {n}")


class AnnotationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Annotation

    article = factory.SubFactory(ArticleFactory)
    revision = factory.LazyAttribute(lambda a: a.article.current_revision)
    created_on_revision = factory.LazyAttribute(lambda a: a.revision)
    exact = factory.LazyAttribute(lambda a: a.revision.body[:7])
    start = 0
    end = factory.LazyAttribute(lambda a: len(a.exact))
    quoted_exact = factory.LazyAttribute(lambda a: a.exact)
    kind = "factual_error"
    severity = "blocking"
    author = factory.SubFactory(UserFactory, role=REVIEWERS)

    class Params:
        resolved = factory.Trait(
            status="resolved", resolved_at=factory.LazyFunction(timezone.now)
        )
