"""The filter form of the case list, read from the query string."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.filters import FilterFormMixin
from buurtwijs.core.forms import UtrechtFormMixin
from buurtwijs.directory.models import PartnerRole
from buurtwijs.knowledge.selectors_cases import (
    CASE_SORTS,
    CaseFilterChoices,
    CaseFilters,
)

CASE_SORT_CHOICES = [
    ("newest", _("Newest first")),
    ("title", _("Title (A–Z)")),
]


class CaseFilterForm(FilterFormMixin, UtrechtFormMixin, forms.Form):
    """Filters and order of the case list.

    The field names are the (Dutch) query parameters of /praktijkvoorbeelden/, the
    same as on the initiative list. The choices come from the page, so the form
    itself never queries the database.
    """

    thema = forms.ChoiceField(label=_("Theme"), required=False)
    provincie = forms.ChoiceField(label=_("Province"), required=False)
    gemeente = forms.ChoiceField(label=_("Municipality"), required=False)
    partner = forms.ChoiceField(
        label=_("With a partner from"),
        required=False,
        choices=[("", _("Any partner")), *PartnerRole.choices],
    )
    # An unknown order is no reason to show nothing: it falls back to the newest.
    sorteer = forms.CharField(
        label=_("Sort by"),
        required=False,
        widget=forms.Select(choices=CASE_SORT_CHOICES),
    )

    filter_fields = ("thema", "provincie", "gemeente", "partner")

    def __init__(self, *args: Any, choices: CaseFilterChoices, **kwargs: Any) -> None:
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
        return value if value in CASE_SORTS else CASE_SORTS[0]

    def to_filters(self) -> CaseFilters:
        """The cleaned values as selector filters (call after is_valid())."""
        data = self.cleaned_data
        return CaseFilters(
            theme=data.get("thema", ""),
            province=data.get("provincie", ""),
            municipality=data.get("gemeente", ""),
            partner_role=data.get("partner", ""),
            sort=data.get("sorteer") or CASE_SORTS[0],
        )
