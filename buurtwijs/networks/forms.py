"""The forms of learning networks: a thread, a reply, the mail settings."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.forms import UtrechtFormMixin
from buurtwijs.networks.models import BODY_LIMIT, TITLE_LIMIT, Membership
from buurtwijs.networks.text import check_length, tidy_line, tidy_text


def _checked(value: str, *, limit: int, tidy: Any, name: str) -> str:
    text = tidy(value or "")
    try:
        check_length(text, limit=limit, field=name)
    except ValidationError as error:
        raise ValidationError(error.message_dict[name]) from None
    return text


class ThreadForm(UtrechtFormMixin, forms.Form):
    """A new thread: a title and the text."""

    # The browser's own maxlength would cut text off silently; the length is
    # checked on sending, with a message that says by how much.
    title = forms.CharField(
        label=_("Title"),
        required=False,
        help_text=_("What the thread is about, in one line."),
    )
    body = forms.CharField(
        label=_("Your message"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Plain text; web addresses become links. At most 10,000 characters."
        ),
    )

    def clean_title(self) -> str:
        return _checked(
            self.cleaned_data["title"], limit=TITLE_LIMIT, tidy=tidy_line, name="title"
        )

    def clean_body(self) -> str:
        return _checked(
            self.cleaned_data["body"], limit=BODY_LIMIT, tidy=tidy_text, name="body"
        )


class ReplyForm(UtrechtFormMixin, forms.Form):
    """A reply in a thread."""

    body = forms.CharField(
        label=_("Your reply"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Plain text; web addresses become links. At most 10,000 characters."
        ),
    )

    def clean_body(self) -> str:
        return _checked(
            self.cleaned_data["body"], limit=BODY_LIMIT, tidy=tidy_text, name="body"
        )


class NotifyForm(UtrechtFormMixin, forms.Form):
    """How a member hears of new posts in one network."""

    notify = forms.ChoiceField(
        label=_("E-mail about new threads and replies"),
        choices=Membership.Notify.choices,
        widget=forms.RadioSelect,
    )


class MailSettingsForm(UtrechtFormMixin, forms.Form):
    """The weekly digest, on or off."""

    weekly_digest = forms.BooleanField(
        label=_(
            "Send me a weekly e-mail with new questions, cases and documents in "
            "my themes"
        ),
        required=False,
    )


class SettingsForm(MailSettingsForm):
    """All of a person's mail settings on one page: one choice per network."""

    def __init__(
        self, *args: Any, memberships: list[Membership], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.memberships = memberships
        for membership in memberships:
            self.fields[f"notify_{membership.network_id}"] = forms.ChoiceField(
                label=membership.network.name,
                choices=Membership.Notify.choices,
                widget=forms.RadioSelect,
                initial=membership.notify,
            )

    def network_fields(self) -> list[forms.BoundField]:
        return [self[f"notify_{m.network_id}"] for m in self.memberships]
