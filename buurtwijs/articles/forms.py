"""The comment forms under an article and the news list's filter form."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwijs.articles.models import COMMENT_MAX_LENGTH
from buurtwijs.core.antispam import BotTrapMixin
from buurtwijs.core.filters import FilterFormMixin
from buurtwijs.core.forms import UtrechtFormMixin


class CommentForm(UtrechtFormMixin, BotTrapMixin, forms.Form):
    """A member's comment: only the text (the name comes from the profile)."""

    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Plain text, at most 5,000 characters. An empty line starts a new "
            "paragraph; web addresses become links."
        ),
        strip=True,
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        # Our own check rather than max_length, so the message says how long it was.
        if len(body) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                _(
                    "Your comment is %(length)s characters long; the limit is "
                    "%(limit)s. Please shorten it and send it again."
                ),
                code="too_long",
                params={
                    "length": f"{len(body):,}".replace(",", "."),
                    "limit": f"{COMMENT_MAX_LENGTH:,}".replace(",", "."),
                },
            )
        return body


class VisitorCommentForm(CommentForm):
    """A visitor's comment: name, e-mail address for the confirmation, text."""

    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_(
            "We send you a link to confirm your comment. Your address is never shown."
        ),
    )

    field_order = ["name", "email", "body"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class ArticleFilterForm(FilterFormMixin, UtrechtFormMixin, forms.Form):
    """Theme and tag filters of the news list (the Dutch query parameters)."""

    thema = forms.ChoiceField(label=_("Theme"), required=False)
    tag = forms.ChoiceField(label=_("Read more about"), required=False)

    filter_fields = ("thema", "tag")

    def __init__(
        self, *args: Any, choices: dict[str, list[tuple[str, str]]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All themes")), *choices["themes"]]  # type: ignore[attr-defined]
        self.fields["tag"].choices = [("", _("All subjects")), *choices["tags"]]  # type: ignore[attr-defined]
