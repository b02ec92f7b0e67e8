"""Fact-check annotations: made by reviewers and by the automated checks, then closed.

Reviewers and editors annotate a span of the current revision; the thread is replied
to, resolved or dismissed with a reason, and reopened. An editor applies a suggested
replacement, which saves a new revision and resolves the annotation with a link to it.
"""

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import (
    Annotation,
    AnnotationReply,
    Article,
    Revision,
    SourceDocument,
)
from articles.models.review import (
    HUMAN_ORIGIN,
    AnchorState,
    AnnotationKind,
    AnnotationStatus,
    Severity,
    Verdict,
)
from articles.selectors.checks import check_context_for
from articles.services.audit import audit_record
from articles.services.locking import article_lock
from articles.services.revisions import (
    annotation_place,
    annotations_reanchor,
    article_edit,
)
from articles.text.anchoring import Anchor, anchor_for_span, find_quote
from articles.text.checks import run_checks
from articles.text.checks.base import Finding
from articles.text.links import LinkError, web_link
from articles.text.paragraphs import paragraphs_from_body


class ReviewRefused(Exception):
    """An annotation action was refused; the message says why."""


# What each automated check's findings are, as annotation kinds.
CHECK_KINDS = {
    "duplicate-paragraph": AnnotationKind.DUPLICATE,
    "quotation-marks": AnnotationKind.STYLE,
    "weekday-date": AnnotationKind.FACTUAL_ERROR,
    "title-consistency": AnnotationKind.INCONSISTENCY,
    "relation-conflict": AnnotationKind.INCONSISTENCY,
    "number-forms": AnnotationKind.STYLE,
}


def annotation_create(
    *,
    article: Article,
    by: AbstractBaseUser,
    revision_id: int,
    start: int,
    end: int,
    exact: str,
    kind: str,
    severity: str,
    comment: str = "",
    evidence: Sequence[str] = (),
    claim: str = "",
    verdict: str = "",
    suggestion: str | None = None,
    is_public: bool = False,
) -> Annotation:
    """Annotate text[start:end] of the revision the reviewer was reading.

    The quote must be in that revision (found by offsets, else by its text). A note on
    a revision that has since been replaced is moved onto the current one.
    Raises ReviewRefused when it cannot be anchored or a value is not allowed.
    """
    _require(by, "articles.add_annotation", "annotate articles")
    if kind not in AnnotationKind.values:
        raise ReviewRefused(f"Unknown kind of annotation: {kind!r}.")
    if severity not in Severity.values:
        raise ReviewRefused(f"Severity must be blocking or advisory, not {severity!r}.")
    if verdict and verdict not in Verdict.values:
        raise ReviewRefused(f"Unknown verdict: {verdict!r}.")
    if is_public and not verdict:
        raise ReviewRefused("Only a fact-check with a verdict can be published.")
    try:
        evidence = [web_link(url) for url in evidence if url.strip()]
    except LinkError as exc:
        raise ReviewRefused(str(exc)) from None
    try:
        revision = Revision.objects.get(pk=revision_id, article=article)
    except Revision.DoesNotExist:
        raise ReviewRefused("That revision is not one of this article's.") from None
    body = revision.body
    try:
        if 0 <= start < end <= len(body) and body[start:end] == exact:
            anchor = anchor_for_span(body, start, end)
        else:
            anchor = find_quote(body, exact)
    except ValueError as exc:
        raise ReviewRefused(str(exc)) from None
    if anchor is None:
        raise ReviewRefused(
            "The quoted text is not in the article: select the passage again."
        )
    with transaction.atomic():
        locked = _article_lock(article.pk)
        annotation = _new_annotation(
            locked,
            revision,
            anchor,
            suggestion,
            kind=kind,
            severity=severity,
            comment=comment.strip(),
            evidence=evidence,
            claim=claim.strip(),
            verdict=verdict,
            is_public=is_public,
            origin=HUMAN_ORIGIN,
            author=by,
        )
        _audit(annotation, by, "annotate", to_state=AnnotationStatus.OPEN)
        current = locked.current_revision
        if current is not None and current.pk != revision.pk:
            annotations_reanchor(article=locked, revision=current)
            annotation.refresh_from_db()
    return annotation


def annotation_reply(
    *, annotation: Annotation, by: AbstractBaseUser, body: str
) -> AnnotationReply:
    """Add a reply to the annotation's thread."""
    _require(by, "articles.add_annotationreply", "reply to annotations")
    if not body.strip():
        raise ReviewRefused("A reply cannot be empty.")
    reply = AnnotationReply.objects.create(
        annotation=annotation, author=by, body=body.strip()
    )
    return reply


def annotation_resolve(
    *,
    annotation: Annotation,
    by: AbstractBaseUser,
    note: str = "",
    in_revision: Revision | None = None,
) -> Annotation:
    """Close it as dealt with, optionally naming the revision that fixed it."""
    return _close(annotation, by, AnnotationStatus.RESOLVED, note, in_revision)


def annotation_dismiss(
    *, annotation: Annotation, by: AbstractBaseUser, reason: str
) -> Annotation:
    """Close it as not a problem; a dismissed automated finding is not raised again."""
    if not reason.strip():
        raise ReviewRefused("Say why the annotation is dismissed.")
    return _close(annotation, by, AnnotationStatus.DISMISSED, reason, None)


def annotation_reopen(*, annotation: Annotation, by: AbstractBaseUser) -> Annotation:
    """Open a resolved or dismissed annotation again, anchored to the current text."""
    _require(by, "articles.change_annotation", "reopen annotations")
    with transaction.atomic():
        article = _article_lock(annotation.article_id)
        locked = Annotation.objects.select_for_update().get(pk=annotation.pk)
        if locked.status == AnnotationStatus.OPEN:
            raise ReviewRefused("The annotation is already open.")
        previous = locked.status
        locked.status = AnnotationStatus.OPEN
        locked.resolved_at = None
        locked.resolved_by = None
        locked.resolution_note = ""
        locked.resolved_in_revision = None
        locked.save(
            update_fields=[
                "status",
                "resolved_at",
                "resolved_by",
                "resolution_note",
                "resolved_in_revision",
                "updated_at",
            ]
        )
        _audit(
            locked, by, "reopen", from_state=previous, to_state=AnnotationStatus.OPEN
        )
        current = article.current_revision
        if current is not None and current.pk != locked.revision_id:
            annotations_reanchor(article=article, revision=current)
            locked.refresh_from_db()
    return locked


def annotation_reattach(
    *, annotation: Annotation, by: AbstractBaseUser, start: int, end: int, exact: str
) -> Annotation:
    """Anchor an orphaned (or any open) annotation to a new span of the current text."""
    _require(by, "articles.change_annotation", "re-attach annotations")
    with transaction.atomic():
        article = _article_lock(annotation.article_id)
        locked = Annotation.objects.select_for_update().get(pk=annotation.pk)
        revision = article.current_revision
        body = revision.body
        if not (0 <= start < end <= len(body) and body[start:end] == exact):
            raise ReviewRefused("The selected text is not in the current revision.")
        annotation_place(
            annotation=locked,
            revision=revision,
            anchor=anchor_for_span(body, start, end),
            state=AnchorState.ANCHORED,
        )
        _audit(locked, by, "reattach")
    return locked


def annotation_apply_suggestion(
    *,
    annotation: Annotation,
    by: AbstractBaseUser,
    base_revision_id: int,
    correction: str = "",
) -> Revision:
    """Put the suggested text in place of the span as a new revision, then resolve.

    Raises ReviewRefused or EditRefused (EditConflict included); nothing is written.
    """
    annotation = Annotation.objects.select_related("article", "revision").get(
        pk=annotation.pk
    )
    if not annotation.has_suggestion:
        raise ReviewRefused("This annotation proposes no replacement text.")
    if annotation.status != AnnotationStatus.OPEN:
        raise ReviewRefused("This annotation is already closed.")
    if annotation.anchor_state == AnchorState.ORPHANED:
        raise ReviewRefused(
            "The annotated text is no longer in the article: re-attach the annotation "
            "or edit the text by hand."
        )
    article = annotation.article
    if annotation.revision_id != article.current_revision_id:
        raise ReviewRefused(
            "The article changed: reload the review page and try again."
        )
    body = annotation.revision.body
    new_body = body[: annotation.start] + annotation.suggestion + body[annotation.end :]
    with transaction.atomic():
        revision = article_edit(
            article=article,
            by=by,
            base_revision_id=base_revision_id,
            headline=annotation.revision.headline,
            body=new_body,
            message=f"Applied suggestion: “{annotation.exact[:40]}” → "
            f"“{annotation.suggestion[:40]}”",
            correction=correction,
        )
        annotation_resolve(
            annotation=annotation,
            by=by,
            note="Suggestion applied",
            in_revision=revision,
        )
    return revision


def article_run_checks(*, article: Article) -> list[Annotation]:
    """Run the automated checks on the article (with its sibling articles from the same
    source, for cross-story checks) and annotate what is new; return the new ones.

    A sibling's finding about this article (a conflicting statement, a repeated
    paragraph) is annotated on the sibling too, so that both articles carry it. A
    finding already recorded on an article, open or closed (a person dismissed it),
    is never raised again. The cost is that of checking one source's stories.
    """
    siblings = _sibling_articles(article)
    return _annotate_findings(siblings, only=article)


def source_document_run_checks(*, document: SourceDocument) -> list[Annotation]:
    """Run the checks across a source document's articles; return new annotations."""
    articles = list(
        document.articles.select_related("current_revision").order_by(
            "first_line", "pk"
        )
    )
    return _annotate_findings(articles, only=None)


def _sibling_articles(article: Article) -> list[Article]:
    if article.source_id is None:
        return [Article.objects.select_related("current_revision").get(pk=article.pk)]
    return list(
        Article.objects.filter(source_id=article.source_id)
        .select_related("current_revision")
        .order_by("first_line", "pk")
    )


def _annotate_findings(
    articles: list[Article], only: Article | None
) -> list[Annotation]:
    paragraphs = []
    for index, article in enumerate(articles):
        if article.current_revision is not None:
            paragraphs.extend(
                paragraphs_from_body(
                    article.current_revision.body,
                    story=index,
                    title=article.current_revision.headline,
                )
            )
    only_index = next(
        (i for i, a in enumerate(articles) if only is not None and a.pk == only.pk),
        None,
    )
    context = check_context_for(articles=articles)
    findings: list[Finding] = list(run_checks(paragraphs, context=context))
    known = set(
        Annotation.objects.filter(article__in=articles)
        .exclude(fingerprint="")
        .values_list("article_id", "fingerprint")
    )
    created = []
    for finding in findings:
        article = articles[finding.story]
        concerns_only = finding.story == only_index or any(
            story == only_index for story, _, _ in finding.related
        )
        if only is not None and not concerns_only:
            continue
        if (article.pk, finding.fingerprint) in known:
            continue
        revision = article.current_revision
        anchor = anchor_for_span(revision.body, finding.start, finding.end)
        try:
            with transaction.atomic():
                annotation = _new_annotation(
                    article,
                    revision,
                    anchor,
                    finding.suggestion,
                    kind=CHECK_KINDS.get(finding.check, AnnotationKind.OTHER),
                    severity=finding.severity,
                    comment=finding.message,
                    origin=finding.check,
                    fingerprint=finding.fingerprint,
                    related=_related_passages(finding, articles),
                )
        except IntegrityError:
            continue  # recorded by a concurrent run
        known.add((article.pk, finding.fingerprint))
        created.append(annotation)
    return created


def _related_passages(finding: Finding, articles: list[Article]) -> list[dict]:
    """The other articles' passages a finding is about, as stored on its annotation."""
    return [
        {
            "article": articles[story].pk,
            "headline": articles[story].current_revision.headline,
            "quote": articles[story].current_revision.body[start:end],
        }
        for story, start, end in finding.related
    ]


def _new_annotation(
    article: Article,
    revision: Revision,
    anchor: Anchor,
    suggestion: str | None,
    **fields,
) -> Annotation:
    """Insert an open annotation anchored at `anchor` of `revision`."""
    return Annotation.objects.create(
        article=article,
        revision=revision,
        created_on_revision=revision,
        exact=anchor.exact,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        start=anchor.start,
        end=anchor.end,
        quoted_exact=anchor.exact,
        quoted_prefix=anchor.prefix,
        quoted_suffix=anchor.suffix,
        suggestion=suggestion or "",
        has_suggestion=suggestion is not None,
        **fields,
    )


def _close(
    annotation: Annotation,
    by: AbstractBaseUser,
    status: str,
    note: str,
    in_revision: Revision | None,
) -> Annotation:
    _require(by, "articles.change_annotation", f"{status[:-1]} annotations")
    with transaction.atomic():
        _article_lock(annotation.article_id)
        locked = Annotation.objects.select_for_update().get(pk=annotation.pk)
        if locked.status != AnnotationStatus.OPEN:
            raise ReviewRefused(f"The annotation is already {locked.status}.")
        locked.status = status
        locked.resolved_by = by
        locked.resolved_at = timezone.now()
        locked.resolution_note = note.strip()
        locked.resolved_in_revision = in_revision
        locked.save(
            update_fields=[
                "status",
                "resolved_by",
                "resolved_at",
                "resolution_note",
                "resolved_in_revision",
                "updated_at",
            ]
        )
        _audit(
            locked,
            by,
            "resolve" if status == AnnotationStatus.RESOLVED else "dismiss",
            from_state=AnnotationStatus.OPEN,
            to_state=status,
            note=note,
        )
    return locked


def _article_lock(pk: int) -> Article:
    """Lock the annotation's article before any annotation row (the one lock order:
    article, then its annotations in id order, as `article_edit` takes them)."""
    try:
        return article_lock(pk=pk, related=("current_revision",))
    except Article.DoesNotExist:
        raise ReviewRefused("That article no longer exists.") from None


def _require(user: AbstractBaseUser, permission: str, verb: str) -> None:
    if not user.has_perm(permission):
        raise ReviewRefused(f"You do not have permission to {verb}.")


def _audit(
    annotation: Annotation,
    by: AbstractBaseUser,
    action: str,
    *,
    from_state: str = "",
    to_state: str = "",
    note: str = "",
) -> None:
    audit_record(
        actor=by,
        action=action,
        obj=annotation,
        from_state=from_state,
        to_state=to_state,
        note=note,
        data={"article": annotation.article_id},
    )
