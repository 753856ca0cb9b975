"""Forms of "who knows what": the question box and the contact form."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.antispam import BotTrapMixin
from buurtwijs.core.forms import UtrechtFormMixin
from buurtwijs.directory.forms import QuickSelect
from buurtwijs.matching.services import MIN_BODY

MAX_QUERY = 5_000


class MatchForm(UtrechtFormMixin, forms.Form):
    """The question box, read from the query string (?q=…&gemeente=…)."""

    q = forms.CharField(
        label=_("What do you want to know?"),
        required=False,
        max_length=MAX_QUERY,
        help_text=_(
            "Describe your question in a few words, for example: how do we start "
            "a food bank in our neighbourhood?"
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    gemeente = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        help_text=_("Suggestions nearby come first."),
        widget=QuickSelect,
    )

    def __init__(
        self, *args: Any, municipalities: list[tuple[str, str]], **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        field = self.fields["gemeente"]
        cast(forms.ChoiceField, field).choices = [
            ("", _("Anywhere in the Netherlands")),
            *municipalities,
        ]

    def clean_q(self) -> str:
        # Longer text is cut, not refused: a pasted page still gets suggestions.
        return (self.cleaned_data.get("q") or "")[:MAX_QUERY]


class ContactForm(UtrechtFormMixin, BotTrapMixin, forms.Form):
    """A message to a suggested person; name and address only for visitors."""

    sender_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    sender_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "The person answers you here if they choose to; it is not shown on "
            "the site."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(
        label=_("Your message"),
        min_length=MIN_BODY,
        max_length=3000,
        help_text=_(
            "Say who you are and what you would like to know. No links needed."
        ),
        widget=forms.Textarea(attrs={"rows": 7}),
    )

    def __init__(self, *args: Any, member: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if member:
            # A member writes as themselves: name and address come from the account.
            del self.fields["sender_name"]
            del self.fields["sender_email"]
