"""Forms of the public directory: the filters of the initiative list."""

from html import escape
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.filters import FilterFormMixin
from buurtwijs.core.forms import UtrechtFormMixin
from buurtwijs.directory.models import InitiativeKind, PartnerRole
from buurtwijs.directory.selectors import (
    INITIATIVE_SORTS,
    InitiativeFilterChoices,
    InitiativeFilters,
)

SORT_CHOICES = [
    ("name", _("Name (A–Z)")),
    ("newest", _("Newest first")),
    ("municipality", _("Municipality")),
]


class QuickSelect(forms.Select):
    """A select list rendered by joining strings instead of a template per option.

    Same HTML as Django's Select for flat choices. The list of 342 municipalities
    took about 40 ms per request through Django's per-option widget templates.
    The standard library's escape is Django's without its lazy-text wrapper.
    """

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(choice)}"'
            f"{' selected' if choice in selected else ''}>{escape(label)}</option>"
            for choice, label in ((str(v), str(lbl)) for v, lbl in self.choices)
        )
        return mark_safe(f"<select{flatatt(final_attrs)}>{options}</select>")  # noqa: S308 # nosec B308 B703 # every value and label escaped above


class InitiativeFilterForm(FilterFormMixin, UtrechtFormMixin, forms.Form):
    """Search, filters and order of the initiative list, read from the query string.

    The field names are the (Dutch) query parameters of /initiatieven/. The choices
    come from the view, so the form itself never queries the database.
    """

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Words in the name or description."),
    )
    thema = forms.ChoiceField(label=_("Theme"), required=False, widget=QuickSelect)
    provincie = forms.ChoiceField(
        label=_("Province"), required=False, widget=QuickSelect
    )
    gemeente = forms.ChoiceField(
        label=_("Municipality"), required=False, widget=QuickSelect
    )
    soort = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *InitiativeKind.choices],
        widget=QuickSelect,
    )
    partner = forms.ChoiceField(
        label=_("With a partner from"),
        required=False,
        choices=[("", _("Any partner")), *PartnerRole.choices],
        widget=QuickSelect,
    )
    # An unknown order is no reason to show nothing: it falls back to the name.
    sorteer = forms.CharField(
        label=_("Sort by"),
        required=False,
        widget=QuickSelect(choices=SORT_CHOICES),
    )

    filter_fields = ("q", "thema", "provincie", "gemeente", "soort", "partner")

    def __init__(
        self, *args: Any, choices: InitiativeFilterChoices, **kwargs: Any
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
        return value if value in INITIATIVE_SORTS else INITIATIVE_SORTS[0]

    def to_filters(self) -> InitiativeFilters:
        """The cleaned values as selector filters (call after is_valid())."""
        data = self.cleaned_data
        return InitiativeFilters(
            q=data.get("q", ""),
            theme=data.get("thema", ""),
            province=data.get("provincie", ""),
            municipality=data.get("gemeente", ""),
            kind=data.get("soort", ""),
            partner_role=data.get("partner", ""),
            sort=data.get("sorteer") or INITIATIVE_SORTS[0],
        )


class PeopleFilterForm(FilterFormMixin, UtrechtFormMixin, forms.Form):
    """Search and filters of the people directory (/mensen/)."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Words in the name, organisation or expertise."),
    )
    thema = forms.ChoiceField(label=_("Theme"), required=False, widget=QuickSelect)
    provincie = forms.ChoiceField(
        label=_("Province"), required=False, widget=QuickSelect
    )
    soort = forms.ChoiceField(label=_("Role"), required=False, widget=QuickSelect)

    filter_fields = ("q", "thema", "provincie", "soort")

    def __init__(
        self,
        *args: Any,
        themes: list[tuple[str, str]],
        provinces: list[tuple[str, str]],
        kinds: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All themes")), *themes]  # type: ignore[attr-defined]
        self.fields["provincie"].choices = [("", _("All provinces")), *provinces]  # type: ignore[attr-defined]
        self.fields["soort"].choices = [("", _("All roles")), *kinds]  # type: ignore[attr-defined]
