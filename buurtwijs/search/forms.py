"""The search form: words, and optionally a type, theme and province (Dutch names
in the address, like the directory's filters)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.forms import UtrechtFormMixin
from buurtwijs.core.models import Province, Theme
from buurtwijs.search.models import Kind

QUERY_MAX = 5_000


class SearchForm(UtrechtFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Search for"), required=False, max_length=QUERY_MAX, strip=True
    )
    soort = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *Kind.choices]
    )
    thema = forms.ChoiceField(label=_("Theme"), required=False)
    provincie = forms.ChoiceField(label=_("Province"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["thema"].choices = [  # type: ignore[attr-defined]
            ("", _("All themes")),
            *Theme.objects.order_by("position", "name").values_list("slug", "name"),
        ]
        self.fields["provincie"].choices = [  # type: ignore[attr-defined]
            ("", _("All provinces")),
            *Province.objects.order_by("name").values_list("code", "name"),
        ]
