"""Forms for signing up and for a person's own profile."""

from typing import Any, cast

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import Profile, User
from buurtwijs.accounts.services import account_register
from buurtwijs.core.forms import (
    UtrechtFormMixin,
    order_municipalities,
    theme_choice_field,
)

CONSENT_TEXT = _(
    "I have read the privacy statement and agree that Buurtwijs stores my e-mail "
    "address and the profile I fill in. My profile stays private until I make it "
    "public."
)


class SignupForm(forms.Form):
    """Extra sign-up fields for allauth: a name and consent to the privacy statement."""

    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        help_text=_("Your name as others in the network will see it."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=True)

    field_order = ["name", "email", "password1", "password2", "consent"]

    def signup(self, request: HttpRequest, user: User) -> None:
        account_register(
            user=user,
            name=self.cleaned_data["name"],
            consent_text=str(CONSENT_TEXT),
        )


class ProfileForm(UtrechtFormMixin, forms.ModelForm):
    """What a person tells about themselves, and which parts of it are public."""

    themes = theme_choice_field()

    class Meta:
        model = Profile
        fields = [
            "name",
            "organisation",
            "municipality",
            "kind",
            "expertise",
            "themes",
            "is_public",
            "show_organisation",
            "show_municipality",
            "show_kind",
            "show_expertise",
            "show_themes",
            "allow_suggestions",
        ]
        widgets = {"expertise": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        order_municipalities(self.fields["municipality"])
        cast(forms.ModelChoiceField, self.fields["municipality"]).empty_label = _(
            "(not given)"
        )


class DeleteAccountForm(UtrechtFormMixin, forms.Form):
    """Confirm deleting the account by typing the password."""

    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not correct."))
        return password
