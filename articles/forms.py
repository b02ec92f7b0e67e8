"""Forms of the desk's custom admin pages."""

from django import forms
from django.conf import settings

from articles.text.rawcopy import RawCopyError, check_size, decode_raw_copy


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
