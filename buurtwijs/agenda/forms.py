"""Forms of the editors' agenda screens: they check the shape of input only."""

import re
from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwijs.agenda.models import AgendaItem, LearningAgenda


class AgendaSettingsForm(forms.ModelForm):
    class Meta:
        model = LearningAgenda
        fields = ["title", "commentary"]
        widgets = {"commentary": forms.Textarea(attrs={"rows": 8})}


class RenameForm(forms.Form):
    label = forms.CharField(label=_("New name"), max_length=300)


class MergeForm(forms.Form):
    into = forms.CharField(label=_("Merge into"), max_length=64)


class SplitForm(forms.Form):
    label = forms.CharField(label=_("Name of the new cluster"), max_length=300)
    questions = forms.TypedMultipleChoiceField(
        label=_("Questions to move"), coerce=int, choices=()
    )

    def __init__(self, *args: Any, members: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["questions"]).choices = [
            (pk, pk) for pk in members
        ]


class MoveForm(forms.Form):
    question = forms.IntegerField(label=_("Learning question"), min_value=1)
    into = forms.CharField(label=_("Move to cluster"), max_length=64)


DOCUMENT_REFERENCE = re.compile(r"(?:/kennisbank/)?(\d+)/?")


class DocumentReferencesField(forms.CharField):
    """Document numbers or addresses (…/kennisbank/123/), separated by spaces."""

    def to_python(self, value: Any) -> list[int]:  # type: ignore[override]
        text = super().to_python(value)
        found = []
        for part in re.split(r"[\s,;]+", text or ""):
            if not part:
                continue
            match = DOCUMENT_REFERENCE.search(part)
            if match is None:
                raise forms.ValidationError(
                    _("“%(part)s” is not a document number or address."),
                    params={"part": part[:80]},
                )
            found.append(int(match.group(1)))
        return found


class AgendaItemForm(forms.Form):
    owner = forms.CharField(label=_("Owner"), max_length=200, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=AgendaItem.Status.choices)
    description = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    cases = forms.TypedMultipleChoiceField(
        label=_("Cases that answer it"), coerce=int, required=False, choices=()
    )
    events = forms.TypedMultipleChoiceField(
        label=_("Events that answer it"), coerce=int, required=False, choices=()
    )
    articles = forms.TypedMultipleChoiceField(
        label=_("Articles that answer it"), coerce=int, required=False, choices=()
    )
    suggested_documents = forms.TypedMultipleChoiceField(
        label=_("Suggested documents"),
        coerce=int,
        required=False,
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Documents from the knowledge base that match this item, best first. "
            "Tick the ones that answer it."
        ),
    )
    documents = DocumentReferencesField(
        label=_("Other documents that answer it"),
        required=False,
        help_text=_(
            "Document numbers or addresses from the knowledge base, separated by "
            "spaces."
        ),
    )

    def __init__(
        self,
        *args: Any,
        cases: list[tuple[int, str]],
        events: list[tuple[int, str]],
        articles: Sequence[tuple[int, str]] = (),
        suggested: Sequence[tuple[int, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["cases"]).choices = cases
        cast(forms.ChoiceField, self.fields["events"]).choices = events
        cast(forms.ChoiceField, self.fields["articles"]).choices = list(articles)
        if suggested:
            cast(forms.ChoiceField, self.fields["suggested_documents"]).choices = list(
                suggested
            )
        else:
            del self.fields["suggested_documents"]
        self.fields["articles"].widget.attrs["size"] = 6
        self.fields["cases"].widget.attrs["size"] = 8
        self.fields["events"].widget.attrs["size"] = 6
