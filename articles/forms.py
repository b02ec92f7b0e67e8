"""Forms of the desk's custom admin pages."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from articles.models.review import AnnotationKind, Severity, Verdict
from articles.text.links import LinkError, web_link
from articles.text.rawcopy import RawCopyError, check_size, decode_raw_copy

MAX_ID = 2**63 - 1  # the largest id either database holds; past it, a form error


class ImportCopyForm(forms.Form):
    """Upload a .txt file or paste the copy; exactly one of the two."""

    file = forms.FileField(
        required=False,
        allow_empty_file=True,  # so that the message is the desk's own, like the CLI's
        label="Text file",
        help_text="A plain-text (.txt) file in UTF-8.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,text/plain"}),
    )
    text = forms.CharField(
        required=False,
        strip=False,
        label="Or paste the copy",
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
    )
    filename = forms.CharField(
        required=False,
        max_length=255,
        label="Name for pasted copy",
        help_text="Optional; used when pasting.",
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        upload = cleaned.get("file")
        text = cleaned.get("text") or ""
        if upload and text.strip():
            raise forms.ValidationError("Upload a file or paste text, not both.")
        limit = settings.NEWSROOM_MAX_IMPORT_BYTES
        try:
            if upload:
                check_size(
                    upload.size, max_bytes=limit
                )  # before reading it into memory
                data = upload.read()
                name = upload.name
            elif text:
                data = text.encode("utf-8")
                name = cleaned.get("filename") or "pasted copy.txt"
            else:
                raise forms.ValidationError(
                    "Choose a file to upload or paste the copy."
                )
            decode_raw_copy(data, max_bytes=limit)
        except RawCopyError as exc:
            raise forms.ValidationError(str(exc)) from None
        cleaned["data"] = data
        cleaned["name"] = name
        return cleaned


class AnnotationForm(forms.Form):
    """A reviewer's note on a selected span of the current revision."""

    revision_id = forms.IntegerField(
        min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )
    start = forms.IntegerField(
        min_value=0, max_value=MAX_ID, required=False, widget=forms.HiddenInput
    )
    end = forms.IntegerField(
        min_value=0, max_value=MAX_ID, required=False, widget=forms.HiddenInput
    )
    exact = forms.CharField(
        strip=False,
        label="Quoted text",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    kind = forms.ChoiceField(choices=AnnotationKind.choices)
    severity = forms.ChoiceField(choices=Severity.choices, initial=Severity.ADVISORY)
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.CharField(
        required=False,
        label="Evidence links",
        help_text="One URL per line.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    claim = forms.CharField(required=False, label="Claim checked")
    verdict = forms.ChoiceField(choices=[("", "—"), *Verdict.choices], required=False)
    is_public = forms.BooleanField(
        required=False, label="Publish this fact-check with the article"
    )
    propose_replacement = forms.BooleanField(
        required=False, label="Propose replacement"
    )
    suggestion = forms.CharField(
        required=False,
        strip=False,
        label="Replacement text",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_evidence(self) -> list[str]:
        urls = [line.strip() for line in self.cleaned_data["evidence"].splitlines()]
        try:
            return [web_link(url) for url in urls if url]
        except LinkError as exc:
            raise ValidationError(str(exc)) from None

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("propose_replacement"):
            cleaned["suggestion"] = None
        return cleaned


class ReplyForm(forms.Form):
    body = forms.CharField(label="Reply", widget=forms.Textarea(attrs={"rows": 2}))


class CloseAnnotationForm(forms.Form):
    note = forms.CharField(required=False, label="Reason", max_length=2000)


class EditArticleForm(forms.Form):
    """The body editor; carries the revision it started from, to detect conflicts."""

    base_revision_id = forms.IntegerField(
        min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )
    headline = forms.CharField(
        max_length=300, widget=forms.TextInput(attrs={"size": 90})
    )
    body = forms.CharField(
        strip=False,
        widget=forms.Textarea(attrs={"rows": 24, "cols": 100}),
        help_text="Paragraphs are separated by a blank line; a sub-heading starts "
        "with “## ”.",
    )
    message = forms.CharField(
        required=False, max_length=300, label="What changed", help_text="Optional."
    )
    correction = forms.CharField(
        required=False,
        label="Public correction note",
        help_text="Required when the article is published: it is shown to readers.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    correction_date = forms.DateField(
        required=False,
        label="Date of the correction",
        help_text="Shown with the note; today if left empty.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_body(self) -> str:
        # Browsers send a textarea's line breaks as CRLF; bodies use "\n" throughout,
        # or every edit would look like a change to every paragraph break.
        return self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n")
