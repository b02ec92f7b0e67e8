"""The approval workflow: one function per transition, each atomic, locked and audited.

Every entry point (admin actions and buttons, custom views, the API, management
commands) calls these. Each one locks the article row (`select_for_update`), then
checks the caller's permission, the workflow table (`ALLOWED_TRANSITIONS`) and the
transition's gates against the row as it is now, saves only the fields that change
and writes the audit entry. A refusal is a WorkflowError whose message names the
article and says what to do; nothing is written then.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Annotation, Article, Recommendation, Revision
from articles.models.review import AnnotationStatus, Severity
from articles.models.stories import ALLOWED_TRANSITIONS, ArticleStatus, can_transition
from articles.services.audit import audit_record
from articles.services.candidates import candidates_forget_articles
from articles.services.locking import article_lock
from articles.services.publishing import public_article_refresh
from articles.services.review import article_run_checks

User = AbstractBaseUser | AnonymousUser


class WorkflowError(Exception):
    """A transition was refused; the message says why and what to do."""


@dataclass(frozen=True)
class Transition:
    """One workflow move as the desk offers it: who may make it and where it leads."""

    name: str  # the audit action and the admin's URL segment
    label: str  # the button
    done: str  # "approved": for messages
    verb: str  # "approve articles": what a refused user may not do
    permissions: tuple[str, ...]  # any one of them is enough
    target: str | None  # None: the status does not change (a recommendation)


SUBMIT = Transition(
    name="submit",
    label="Submit for review",
    done="submitted for review",
    verb="submit articles for review",
    permissions=("articles.submit_article",),
    target=ArticleStatus.IN_REVIEW,
)
RECOMMEND = Transition(
    name="recommend_approval",
    label="Recommend approval",
    done="recommended for approval",
    verb="recommend articles for approval",
    permissions=("articles.review_article",),
    target=None,
)
REQUEST_CHANGES = Transition(
    name="request_changes",
    label="Request changes",
    done="sent back for changes",
    verb="send articles back for changes",
    permissions=("articles.review_article", "articles.approve_article"),
    target=ArticleStatus.CHANGES_REQUESTED,
)
APPROVE = Transition(
    name="approve",
    label="Approve",
    done="approved",
    verb="approve articles",
    permissions=("articles.approve_article",),
    target=ArticleStatus.APPROVED,
)
PUBLISH = Transition(
    name="publish",
    label="Publish",
    done="published",
    verb="publish articles",
    permissions=("articles.publish_article",),
    target=ArticleStatus.PUBLISHED,
)
RETRACT = Transition(
    name="retract",
    label="Retract",
    done="retracted",
    verb="retract articles",
    permissions=("articles.retract_article",),
    target=ArticleStatus.RETRACTED,
)
TRANSITIONS: dict[str, Transition] = {
    t.name: t for t in (SUBMIT, RECOMMEND, REQUEST_CHANGES, APPROVE, PUBLISH, RETRACT)
}

# How each status reads in "“X” is ___" and "only an article that is ___".
_STATUS_PHRASES = {
    ArticleStatus.DRAFT: "a draft",
    ArticleStatus.IN_REVIEW: "in review",
    ArticleStatus.CHANGES_REQUESTED: "sent back for changes",
    ArticleStatus.APPROVED: "approved",
    ArticleStatus.PUBLISHED: "published",
    ArticleStatus.RETRACTED: "retracted",
}

Gate = Callable[[Article, User], None]


# ---------------------------------------------------------------------------
# The transitions
# ---------------------------------------------------------------------------


def article_submit(*, article: Article, by: User, note: str = "") -> Article:
    """Send a draft (or an article sent back for changes) to review; return it.

    The automated consistency checks run on the submitted text, in the same
    transaction, so that their findings are there before anyone reviews it.
    Raises WorkflowError.
    """
    return _transition(
        article,
        SUBMIT,
        by=by,
        note=note,
        after=lambda locked: article_run_checks(article=locked),
    )


def article_request_changes(*, article: Article, by: User, note: str = "") -> Article:
    """Send an article in review (or, for an editor, an approved one) back to its
    author; the approval pin is dropped. Raises WorkflowError.
    """
    return _transition(
        article,
        REQUEST_CHANGES,
        by=by,
        note=note,
        changes=lambda locked: {"approved_revision": None},
    )


def article_recommend_approval(
    *, article: Article, by: User, note: str = ""
) -> Article:
    """Record a reviewer's recommendation of the current revision as a row; the
    status is unchanged. A reviewer whose own blocking annotation is still open must
    say why in `note`. Raises WorkflowError (also for a second recommendation of the
    same revision by the same reviewer).
    """
    return _transition(
        article,
        RECOMMEND,
        by=by,
        note=note,
        gates=(_not_recommended_yet, _own_blocking_explained(note)),
        after=lambda locked: Recommendation.objects.create(
            article=locked,
            revision=locked.current_revision,
            reviewer=by,
            note=note.strip(),
        ),
    )


def article_approve(
    *,
    article: Article,
    by: User,
    note: str = "",
    revision_id: int | None = None,
) -> Article:
    """Approve the current revision and pin it as the one to publish; return it.

    `revision_id` is the revision the approver read: when given and no longer
    current, approval is refused rather than applied to text nobody has read.
    Gates: four-eyes (the approver wrote none of the revisions since the last
    published one, or none at all before a first publication) and no open blocking
    annotation. Raises WorkflowError.
    """
    return _transition(
        article,
        APPROVE,
        by=by,
        note=note,
        revision_id=revision_id,
        gates=(_has_text, _four_eyes, _no_open_blocking_annotations),
        changes=lambda locked: {"approved_revision": locked.current_revision},
    )


def article_publish(*, article: Article, by: User, note: str = "") -> Article:
    """Publish the pinned approved revision (it replaces any revision already live)
    and rebuild the public representation; return the article. Raises WorkflowError.
    """
    now = timezone.now()
    return _transition(
        article,
        PUBLISH,
        by=by,
        note=note,
        gates=(_has_approved_revision,),
        changes=lambda locked: {
            "published_revision": locked.approved_revision,
            "published_at": locked.published_at or now,
        },
        revision_of=lambda locked: locked.approved_revision,
        after=lambda locked: _published(locked, by),
    )


def _published(article: Article, by: User) -> None:
    from articles.services.scheduling import scheduled_publications_settle

    public_article_refresh(article=article)
    scheduled_publications_settle(article=article, by=by)


def article_retract(*, article: Article, by: User, reason: str) -> Article:
    """Withdraw a published article with a public reason (the API then answers 410
    with it); return the article. Raises WorkflowError.
    """
    _check_permission(by, RETRACT)
    reason = reason.strip()
    if not reason:
        raise WorkflowError(
            "A retraction needs a public reason: say why the article is withdrawn."
        )
    now = timezone.now()
    return _transition(
        article,
        RETRACT,
        by=by,
        note=reason,
        changes=lambda locked: {"retracted_at": now, "retraction_reason": reason},
        revision_of=lambda locked: locked.published_revision,
        after=_retracted,
    )


def _retracted(article: Article) -> None:
    """Downstream sites see the retraction; its names are no longer proposed."""
    public_article_refresh(article=article)
    candidates_forget_articles(article_ids=[article.pk])


def article_transition(
    *,
    name: str,
    article: Article,
    by: User,
    note: str = "",
    revision_id: int | None = None,
) -> Article:
    """Make the transition called `name` (a key of TRANSITIONS); for the admin's
    buttons and bulk actions. `note` is the retraction's reason. Raises WorkflowError.
    """
    if name == SUBMIT.name:
        return article_submit(article=article, by=by, note=note)
    if name == RECOMMEND.name:
        return article_recommend_approval(article=article, by=by, note=note)
    if name == REQUEST_CHANGES.name:
        return article_request_changes(article=article, by=by, note=note)
    if name == APPROVE.name:
        return article_approve(
            article=article, by=by, note=note, revision_id=revision_id
        )
    if name == PUBLISH.name:
        return article_publish(article=article, by=by, note=note)
    if name == RETRACT.name:
        return article_retract(article=article, by=by, reason=note)
    raise WorkflowError(f"There is no workflow step called {name!r}.")


def article_transitions_available(*, article: Article, user: User) -> list[Transition]:
    """The transitions `user` may offer on `article` as it is: permission, the table
    and the rules of state (no queries). The gates that need the database (four-eyes,
    blocking annotations) are checked when the transition is made, with their message.
    """
    available = []
    for transition in TRANSITIONS.values():
        try:
            _check_permission(user, transition)
            _check_state(article, transition, user)
        except WorkflowError:
            continue
        available.append(transition)
    return available


@dataclass(frozen=True)
class Offer:
    """A workflow step as the desk shows it to one user: `refusal` is empty when they
    may take it now, else it says why not (the button is shown disabled with it)."""

    transition: Transition
    refusal: str = ""
    needs_note: bool = False  # the note is required (a retraction's public reason…)
    hint: str = ""  # why the note is required


def workflow_offers(
    *,
    article: Article,
    user: User,
    open_blocking: int,
    own_open_blocking: int,
    recommended: bool,
    scheduled_publication: datetime.datetime | None = None,
) -> list[Offer]:
    """What `user` may do with `article` now, from the same rules the transitions
    check (no queries: the caller counts the article's open blocking annotations, the
    user's own, whether the user recommended the current revision, and when a
    waiting scheduled publication is due, if one is).

    A step the user's role never takes, or that the article's state does not allow,
    is left out; one that a gate would refuse is offered with its refusal.
    """
    offers = []
    for transition in article_transitions_available(article=article, user=user):
        refusal, needs_note = "", transition is RETRACT
        try:
            if transition is APPROVE:
                _has_text(article, user)
                _four_eyes(article, user)
                if open_blocking:
                    raise WorkflowError(
                        f"{open_blocking} blocking annotation"
                        f"{'s are' if open_blocking > 1 else ' is'} open: resolve or "
                        "dismiss them first."
                    )
            elif transition is PUBLISH:
                _has_approved_revision(article, user)
            elif transition is RECOMMEND:
                if recommended:
                    raise WorkflowError(
                        "You have already recommended this revision for approval."
                    )
                needs_note = own_open_blocking > 0
        except WorkflowError as exc:
            refusal = str(exc)
        hint = own_blocking_message(own_open_blocking) if needs_note else ""
        if transition is RETRACT:
            hint = "Readers see this reason where the article was."
        if transition is PUBLISH and scheduled_publication is not None:
            when = timezone.localtime(scheduled_publication)
            hint = (
                f"It is scheduled to publish {when:%a %d %b %H:%M %Z}: unschedule it "
                "first to publish it now."
            )
        offers.append(Offer(transition, refusal, needs_note, hint))
    return offers


# ---------------------------------------------------------------------------
# The one way a transition is made
# ---------------------------------------------------------------------------


def _transition(
    article: Article,
    transition: Transition,
    *,
    by: User,
    note: str = "",
    revision_id: int | None = None,
    gates: Iterable[Gate] = (),
    changes: Callable[[Article], dict[str, Any]] | None = None,
    revision_of: Callable[[Article], Revision | None] | None = None,
    after: Callable[[Article], object] | None = None,
) -> Article:
    _check_permission(by, transition)  # cheap refusal before taking any lock
    with transaction.atomic():
        try:
            locked = article_lock(
                pk=article.pk,
                related=("current_revision", "approved_revision", "published_revision"),
            )
        except Article.DoesNotExist:
            raise WorkflowError("That article no longer exists.") from None
        _check_state(locked, transition, by)
        if revision_id is not None and locked.current_revision_id != revision_id:
            raise WorkflowError(
                f"“{locked.headline}” changed while you were reading it: revision "
                f"{_number(locked.current_revision)} is now the current one. Read it, "
                f"then try again."
            )
        for gate in gates:
            gate(locked, by)
        wanted = changes(locked) if changes else {}
        if transition.target is not None:
            wanted["status"] = transition.target
        previous = locked.status
        changed = _apply(locked, wanted)
        if changed:
            locked.version = F("version") + 1
            locked.save(update_fields=[*changed, "version", "updated_at"])
            locked.refresh_from_db(fields=["version"])
        revision = revision_of(locked) if revision_of else locked.current_revision
        audit_record(
            actor=by,
            action=transition.name,
            obj=locked,
            from_state=previous,
            to_state=locked.status,
            revision_number=revision.number if revision else None,
            note=note.strip(),
        )
        if after is not None:
            after(locked)
    return locked


def _apply(article: Article, wanted: dict[str, Any]) -> list[str]:
    """Set the fields whose value differs; return their names."""
    changed = []
    for name, value in wanted.items():
        field = Article._meta.get_field(name)
        if field.is_relation:
            current = getattr(article, field.attname)
            new = value.pk if value is not None else None
        else:
            current, new = getattr(article, name), value
        if current != new:
            setattr(article, name, value)
            changed.append(name)
    return changed


def _check_permission(user: User, transition: Transition) -> None:
    if not any(user.has_perm(p) for p in transition.permissions):
        raise WorkflowError(f"You do not have permission to {transition.verb}.")


def _check_state(article: Article, transition: Transition, user: User) -> None:
    """The table and the rules of state that need no query; raises WorkflowError."""
    status, target = article.status, transition.target
    if target is not None and status == target:
        raise WorkflowError(
            f"“{article.headline}” is already {_STATUS_PHRASES[status]}: reload the "
            "page to see its current state."
        )
    if transition is RETRACT and not article.is_live:
        raise WorkflowError(
            f"“{article.headline}” has never been published: only a published "
            "article can be retracted."
        )
    if target is None:  # a recommendation: only while in review
        allowed, sources = status == ArticleStatus.IN_REVIEW, [ArticleStatus.IN_REVIEW]
    else:
        allowed = can_transition(status, target)
        sources = [s for s, after in ALLOWED_TRANSITIONS.items() if target in after]
    if not allowed:
        only = " or ".join(_STATUS_PHRASES[s] for s in sources)
        raise WorkflowError(
            f"“{article.headline}” is {_STATUS_PHRASES[status]}: only an article "
            f"that is {only} can be {transition.done}."
        )
    if (
        transition is REQUEST_CHANGES
        and status == ArticleStatus.APPROVED
        and not user.has_perm("articles.approve_article")
    ):
        raise WorkflowError(
            f"“{article.headline}” is already approved: only an editor who may "
            "approve can send it back for changes now."
        )


# ---------------------------------------------------------------------------
# Gates
# ---------------------------------------------------------------------------


def _has_text(article: Article, by: User) -> None:
    if article.current_revision is None:
        raise WorkflowError(f"“{article.headline}” has no text to approve.")


def _four_eyes(article: Article, by: User) -> None:
    """Refuse an approver who wrote any part of the change being approved.

    The change is every revision after the last one that was approved and published
    (all of them before a first publication): approving only looks at the whole.
    """
    baseline = article.published_revision
    change = Revision.objects.filter(article=article, author_id=by.pk)
    if baseline is not None:
        change = change.filter(number__gt=baseline.number)
    written = list(change.order_by("number").values_list("number", flat=True))
    if not written:
        return
    numbers = ", ".join(str(n) for n in written[:-1])
    numbers = f"{numbers} and {written[-1]}" if numbers else str(written[0])
    yours = (
        f"revision{'s' if len(written) > 1 else ''} {numbers} of “{article.headline}”"
    )
    current = article.current_revision
    if written != [current.number if current else None]:
        yours += ", part of the change " + (
            f"since revision {baseline.number} was published"
            if baseline is not None
            else "that nobody has approved yet"
        )
    raise WorkflowError(
        f"You wrote {yours}: another editor has to approve it (four-eyes rule)."
    )


def _no_open_blocking_annotations(article: Article, by: User) -> None:
    blocking = list(
        Annotation.objects.filter(
            article=article, status=AnnotationStatus.OPEN, severity=Severity.BLOCKING
        ).order_by("start", "pk")
    )
    if not blocking:
        return
    listed = "; ".join(
        f"“{_short(a.exact, 60)}” ({a.get_kind_display().lower()}"
        + (f": {_short(a.comment, 80)}" if a.comment else "")
        + ")"
        for a in blocking
    )
    many = len(blocking) > 1
    raise WorkflowError(
        f"“{article.headline}” cannot be approved while {len(blocking)} blocking "
        f"annotation{'s are' if many else ' is'} open: {listed}. Resolve or dismiss "
        f"{'them' if many else 'it'} first."
    )


def _not_recommended_yet(article: Article, by: User) -> None:
    revision = article.current_revision
    if Recommendation.objects.filter(revision=revision, reviewer_id=by.pk).exists():
        raise WorkflowError(
            f"You have already recommended revision {_number(revision)} of "
            f"“{article.headline}” for approval."
        )


def _own_blocking_explained(note: str) -> Gate:
    """A reviewer may recommend over their own open blocking annotation only with a
    note that says why."""

    def gate(article: Article, by: User) -> None:
        own = Annotation.objects.filter(
            article=article,
            author_id=by.pk,
            status=AnnotationStatus.OPEN,
            severity=Severity.BLOCKING,
        ).count()
        if own and not note.strip():
            raise WorkflowError(own_blocking_message(own))

    return gate


def own_blocking_message(count: int) -> str:
    """What a reviewer is told when their own blocking annotations are still open."""
    many = count > 1
    return (
        f"Your own blocking annotation{'s are' if many else ' is'} still open: "
        f"resolve {'them' if many else 'it'}, or say in the note why you recommend "
        "approval anyway."
    )


def _has_approved_revision(article: Article, by: User) -> None:
    if article.approved_revision_id is None:
        raise WorkflowError(
            f"“{article.headline}” has no approved revision to publish: approve it "
            "first."
        )


def _number(revision: Revision | None) -> int | str:
    return revision.number if revision is not None else "?"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
