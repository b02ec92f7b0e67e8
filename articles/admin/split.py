"""The split view: the editor turns a document's proposed stories into articles."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import ngettext

from articles.models import Section, SourceDocument
from articles.selectors.splitting import split_suggestion
from articles.services.splitting import SplitError, StoryPlan, source_document_split
from articles.text.boundaries import DraftStory, draft_stories, move_start
from articles.text.checks import run_checks
from articles.text.checks.base import Finding
from articles.text.paragraphs import paragraphs_from_lines
from articles.text.splitting import StoryChoice


@dataclass
class StoryForm:
    """One story as shown in the form: the draft plus what the editor typed."""

    draft: DraftStory
    headline: str
    use_headline_line: bool
    section_id: str
    lines: list[dict] = field(default_factory=list)

    @property
    def key(self) -> int:
        return self.draft.first_line


def split_view(admin: ModelAdmin, request: HttpRequest, object_id: int) -> HttpResponse:
    if not request.user.has_perm("articles.split_sourcedocument"):
        raise PermissionDenied
    document = get_object_or_404(SourceDocument, pk=object_id)
    lines = document.lines
    proposals = split_suggestion(document)
    posted = request.method == "POST"
    if posted:
        starts = _ints(request.POST.getlist("start"))
        if "move" in request.POST:
            line, _, step = request.POST["move"].partition(":")
            if _int(line) is not None and step in {"-1", "1"}:
                starts = move_start(lines, starts, int(line), int(step))
        drops = set(_ints(request.POST.getlist("drop")))
        subheadings = set(_ints(request.POST.getlist("subheading")))
    else:
        starts = [p.first_line for p in proposals]
        drops = {
            n for p in proposals for n in (*p.duplicate_lines, *p.boilerplate_lines)
        }
        subheadings = {n for p in proposals for n in p.subheading_lines}
    stories = [
        _story_form(draft, request.POST if posted else None)
        for draft in draft_stories(lines, starts, proposals)
    ]
    if posted and "create" in request.POST:
        plans = _plans(stories, drops, subheadings)
        try:
            articles = source_document_split(
                document=document, stories=plans, by=request.user
            )
        except SplitError as exc:
            messages.error(request, str(exc))
        else:
            created = ngettext(
                "Created %(count)d draft article from “%(file)s”.",
                "Created %(count)d draft articles from “%(file)s”.",
                len(articles),
            ) % {"count": len(articles), "file": document.filename}
            messages.success(request, created)
            url = reverse("admin:articles_article_changelist")
            return redirect(f"{url}?source__id__exact={document.pk}")
    _attach_lines(stories, lines, drops, subheadings, _findings_by_line(lines, stories))
    context = {
        **admin.admin_site.each_context(request),
        "title": f"Split “{document.filename}”",
        "opts": admin.opts,
        "original": document,
        "document": document,
        "stories": stories,
        "sections": Section.objects.select_related("parent", "parent__parent"),
        "has_articles": document.articles.exists(),
    }
    return TemplateResponse(
        request, "admin/articles/sourcedocument/split.html", context
    )


MAX_NUMBER = 2**31 - 1  # past any line number or id the form can mean


def _int(value: str) -> int | None:
    """A plain decimal number the form sent, or None (for "²", "-1", 10**40...)."""
    if value.isascii() and value.isdigit() and len(value) <= 10:
        number = int(value)
        return number if number <= MAX_NUMBER else None
    return None


def _ints(values: list[str]) -> list[int]:
    return [n for n in map(_int, values) if n is not None]


def _story_form(draft: DraftStory, data) -> StoryForm:
    key = draft.first_line
    if data is not None and f"headline-{key}" in data:
        return StoryForm(
            draft=draft,
            headline=data.get(f"headline-{key}", ""),
            use_headline_line=f"use_line-{key}" in data,
            section_id=data.get(f"section-{key}", ""),
        )
    return StoryForm(
        draft=draft,
        headline=draft.headline,
        use_headline_line=draft.headline_line is not None,
        section_id="",
    )


def _plans(
    stories: list[StoryForm], drops: set[int], subheadings: set[int]
) -> list[StoryPlan]:
    sections = Section.objects.in_bulk(
        [n for n in (_int(s.section_id) for s in stories) if n is not None]
    )
    plans = []
    for story in stories:
        inside = range(story.draft.first_line, story.draft.last_line + 1)
        headline_line = story.draft.first_line if story.use_headline_line else None
        choice = StoryChoice(
            first_line=story.draft.first_line,
            last_line=story.draft.last_line,
            headline=story.headline.strip(),
            headline_line=headline_line,
            subheading_lines=tuple(
                n for n in inside if n in subheadings and n != headline_line
            ),
            drop_lines=tuple(n for n in inside if n in drops),
        )
        section = sections.get(_int(story.section_id))
        plans.append(StoryPlan(choice=choice, section=section))
    return plans


def _findings_by_line(
    lines: list[str], stories: list[StoryForm]
) -> dict[int, list[Finding]]:
    """The consistency checks' findings on the stories as drawn, by source line."""
    ranges = [(story.draft.first_line, story.draft.last_line) for story in stories]
    found: dict[int, list[Finding]] = defaultdict(list)
    for finding in run_checks(paragraphs_from_lines(lines, ranges)):
        found[finding.line].append(finding)
    return found


def _attach_lines(
    stories: list[StoryForm],
    lines: list[str],
    drops: set[int],
    subheadings: set[int],
    findings: dict[int, list[Finding]],
) -> None:
    for index, story in enumerate(stories):
        draft = story.draft
        for number in range(draft.first_line, draft.last_line + 1):
            text = lines[number - 1]
            is_headline = story.use_headline_line and number == draft.first_line
            story.lines.append(
                {
                    "number": number,
                    "text": text,
                    "blank": not text.strip(),
                    "is_start": number == draft.first_line,
                    "can_unsplit": number == draft.first_line and index > 0,
                    "is_headline": is_headline,
                    "duplicate": number in draft.duplicate_lines,
                    "boilerplate": draft.boilerplate_lines.get(number, ""),
                    "dropped": number in drops,
                    "subheading": number in subheadings and not is_headline,
                    "proposed_subheading": number in draft.subheading_lines
                    and not is_headline,
                    "findings": findings.get(number, ()),
                }
            )
