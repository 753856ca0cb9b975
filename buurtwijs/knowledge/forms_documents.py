"""Forms of the knowledge base: the library's filters and the members' upload."""

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.filters import FilterFormMixin
from buurtwijs.core.forms import (
    UtrechtFormMixin,
    order_municipalities,
    theme_choice_field,
)
from buurtwijs.core.models import Municipality
from buurtwijs.knowledge.models.documents import LICENCES, DocumentKind, Visibility
from buurtwijs.knowledge.selectors import (
    DOCUMENT_SORTS,
    DocumentFilterChoices,
    DocumentFilters,
)
from buurtwijs.knowledge.uploads import ACCEPT_ATTRIBUTE, ACCEPTED_LABEL

SORT_CHOICES = [
    ("newest", _("Newest first")),
    ("title", _("Title (A–Z)")),
    ("downloads", _("Most downloaded")),
    ("deadline", _("Deadline (soonest first)")),
]


class DocumentFilterForm(FilterFormMixin, UtrechtFormMixin, forms.Form):
    """Filters and order of the library, read from the query string.

    The field names are the (Dutch) query parameters of /kennisbank/; the choices
    come from the view, so the form itself never queries the database.
    """

    soort = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *DocumentKind.choices],
    )
    thema = forms.ChoiceField(label=_("Theme"), required=False)
    provincie = forms.ChoiceField(label=_("Province"), required=False)
    gemeente = forms.ChoiceField(label=_("Municipality"), required=False)
    # An unknown order is no reason to show nothing: it falls back to the newest.
    sorteer = forms.CharField(
        label=_("Sort by"),
        required=False,
        widget=forms.Select(choices=SORT_CHOICES),
    )

    filter_fields = ("soort", "thema", "provincie", "gemeente")

    def __init__(
        self, *args: Any, choices: DocumentFilterChoices, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All themes")), *choices.themes]  # type: ignore[attr-defined]
        self.fields["provincie"].choices = [  # type: ignore[attr-defined]
            ("", _("All provinces")),
            *choices.provinces,
        ]
        self.fields["gemeente"].choices = [  # type: ignore[attr-defined]
            ("", _("All municipalities")),
            *choices.municipalities,
        ]

    def clean_sorteer(self) -> str:
        value = self.cleaned_data.get("sorteer") or ""
        return value if value in DOCUMENT_SORTS else DOCUMENT_SORTS[0]

    def to_filters(self) -> DocumentFilters:
        """The cleaned values as selector filters (call after is_valid())."""
        data = self.cleaned_data
        return DocumentFilters(
            kind=data.get("soort", ""),
            theme=data.get("thema", ""),
            province=data.get("provincie", ""),
            municipality=data.get("gemeente", ""),
            sort=data.get("sorteer") or DOCUMENT_SORTS[0],
        )


class DocumentUploadForm(UtrechtFormMixin, forms.Form):
    """What a member tells about a document they share, and the file itself.

    The form checks the shape of the input; the upload service checks the file's
    content and refuses what is not safe.
    """

    title = forms.CharField(label=_("Title"), max_length=250)
    kind = forms.ChoiceField(
        label=_("Kind of document"), choices=[("", "—"), *DocumentKind.choices]
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What is in it, and for whom is it useful?"),
    )
    themes = theme_choice_field()
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        required=False,
        help_text=_("Only when the document is about one municipality."),
    )
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=list(LICENCES.items()),
        initial="CC BY 4.0",
        widget=forms.RadioSelect,
        help_text=_("What others may do with the document."),
    )
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Required for a subsidy or funding scheme: the last day to apply."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may see it"),
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("File"),
        max_length=255,
        widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )
    submission = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, max_size: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        order_municipalities(self.fields["municipality"])
        self.fields["file"].help_text = _("%(types)s; at most %(limit)s MB.") % {
            "types": ACCEPTED_LABEL,
            "limit": max_size // (1024 * 1024),
        }
        if not self.is_bound:
            self.initial.setdefault("submission", uuid.uuid4())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == DocumentKind.FUNDING and not data.get("deadline"):
            self.add_error(
                "deadline",
                _("Give the deadline: the last day to apply for this subsidy."),
            )
        return data
