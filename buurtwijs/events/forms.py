"""The registration form a visitor without an account fills in."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.antispam import BotTrapMixin, form_started_token
from buurtwijs.core.forms import UtrechtFormMixin

CONSENT_TEXT = _(
    "I agree that Buurtwijs stores my name and e-mail address to handle my "
    "registration for this event and to mail me about it (confirmation, reminder, "
    "changes). The organisers see them on the attendee list."
)


class RegistrationForm(UtrechtFormMixin, BotTrapMixin, forms.Form):
    """Name, e-mail address and consent, behind the honeypot and time trap."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send the confirmation here. Nobody else sees it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=True)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please fill in your name."))
        return name

    def renew_time_trap(self) -> None:
        """Give an expired form a new start time, so sending it again can work."""
        if self.is_bound and self.has_error(NON_FIELD_ERRORS, code="expired"):
            data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict
            data["started"] = form_started_token()
            self.data = data
