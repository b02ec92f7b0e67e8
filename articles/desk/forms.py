"""Forms of the desk's own pages."""

from django import forms

from articles.models import Section
from articles.models.distribution import ScheduledKind
from articles.selectors.desk import FILTERS, reviewers


class DeskFilterForm(forms.Form):
    """The desk home's filters, read from the query string."""

    show = forms.ChoiceField(choices=FILTERS.items(), required=False, label="Show")
    section = forms.ModelChoiceField(
        queryset=Section.objects.order_by("name"),
        required=False,
        empty_label="All sections",
    )


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(queryset=None, label="Reviewer")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers()


class StepForm(forms.Form):
    """One workflow step from the review page: the revision read and a note."""

    revision = forms.IntegerField(required=False)
    note = forms.CharField(required=False, max_length=2000, strip=True)


class ScheduleForm(forms.Form):
    """When to publish an approved article or retract a live one (the desk's time
    zone), and a note (a retraction's public reason)."""

    action = forms.ChoiceField(
        choices=ScheduledKind.choices, required=False, initial=ScheduledKind.PUBLISH
    )
    run_at = forms.DateTimeField(
        label="Publish at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        error_messages={"required": "Choose the date and time."},
    )
    note = forms.CharField(required=False, max_length=2000, strip=True)

    def clean_action(self) -> str:
        return self.cleaned_data["action"] or ScheduledKind.PUBLISH
