"""Forms of the newsletter: subscribing on the site, writing an issue in the admin."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from buurtwijs.core.antispam import BotTrapMixin
from buurtwijs.core.forms import UtrechtFormMixin, theme_choice_field
from buurtwijs.core.models import Theme
from buurtwijs.newsletter.models import Issue
from buurtwijs.newsletter.selectors import page_kind, recent_pages
from buurtwijs.newsletter.services import CONSENT_TEXT


class SubscribeForm(UtrechtFormMixin, BotTrapMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send a link to this address to confirm your subscription."),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _(
                "This is not a valid e-mail address. Write it like naam@voorbeeld.nl."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    themes = theme_choice_field()
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={
            "required": _("Tick the box to agree; without it we cannot send you mail.")
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].label = _("Themes that interest you")
        self.fields["themes"].help_text = _("Choose none to receive every newsletter.")


class PageChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        page: Page = obj
        published = page.first_published_at
        date = f", {published:%d-%m-%Y}" if published else ""
        return f"{page.title} ({page_kind(page)}{date})"


class IssueForm(forms.ModelForm):
    pages = PageChoiceField(
        queryset=Page.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Content in this issue"),
        help_text=_("Recently published pages, newest first."),
    )

    class Meta:
        model = Issue
        fields = ["subject", "intro", "subject_en", "intro_en", "themes"]
        widgets = {
            "intro": forms.Textarea(attrs={"rows": 5}),
            "intro_en": forms.Textarea(attrs={"rows": 5}),
            "themes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chosen: list[int] = []
        if self.instance.pk:
            chosen = list(self.instance.items.values_list("page_id", flat=True))
            self.initial["pages"] = chosen
        pages = cast(forms.ModelMultipleChoiceField, self.fields["pages"])
        pages.queryset = recent_pages(include=chosen)
        themes = cast(forms.ModelMultipleChoiceField, self.fields["themes"])
        themes.queryset = Theme.objects.all()
