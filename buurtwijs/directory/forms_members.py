"""Forms members use to register, edit, claim and contact initiatives."""

from typing import Any

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.antispam import BotTrapMixin
from buurtwijs.core.forms import (
    UtrechtFormMixin,
    order_municipalities,
    theme_choice_field,
)
from buurtwijs.directory.models import Initiative, Partner


class InitiativeForm(UtrechtFormMixin, forms.ModelForm):
    """What a member tells about their initiative."""

    themes = theme_choice_field()

    class Meta:
        model = Initiative
        fields = [
            "name",
            "kind",
            "municipality",
            "neighbourhood",
            "founded_year",
            "summary",
            "description",
            "themes",
            "website",
            "contact_email",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "contact_email": _(
                "Messages sent through the contact form go here. The address is "
                "never shown on the site."
            ),
            "summary": _("One or two sentences for the list of initiatives."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        order_municipalities(self.fields["municipality"])
        self.fields["contact_email"].required = True

    def clean_founded_year(self) -> int | None:
        year = self.cleaned_data.get("founded_year")
        if year is not None and not 1800 <= year <= 2100:
            raise forms.ValidationError(_("Give a year between 1800 and 2100."))
        return year


class PartnerForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name", "role", "contribution"]
        widgets = {"contribution": forms.TextInput()}


PartnerFormSet = inlineformset_factory(
    Initiative,
    Partner,
    form=PartnerForm,
    extra=3,
    max_num=20,
    can_delete=True,
)


class ClaimForm(UtrechtFormMixin, forms.Form):
    message = forms.CharField(
        label=_("How are you involved in this initiative?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("An editor reads this before making you the owner."),
    )


class ContactForm(UtrechtFormMixin, BotTrapMixin, forms.Form):
    sender_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    sender_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The initiative answers you here; it is not shown on the site."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
