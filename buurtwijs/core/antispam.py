"""Bot protection for public forms without third-party CAPTCHAs."""

import hashlib
import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

_SALT = "buurtwijs.form-started"


def client_key(address: str) -> str:
    """A key for a network address that does not keep the address itself.

    Rate limits count per key; the secret key salts the hash, so the stored key
    cannot be turned back into an address by trying every address.
    """
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def form_started_token(at: float | None = None) -> str:
    """A signed moment at which a form was shown."""
    return signing.dumps(at if at is not None else time.time(), salt=_SALT)


class BotTrapMixin(forms.Form):
    """Adds a hidden honeypot field and a signed start time to a form.

    People never see the honeypot, so a value there means a bot; a form sent back
    faster than a person can fill it in, or with a start time that was tampered
    with, is refused too. The message tells a person what to do.
    """

    website_url = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = form_started_token()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("website_url"):
            raise forms.ValidationError(
                _("Your message looks automated and was not sent."), code="bot"
            )
        try:
            started = float(
                signing.loads(cleaned.get("started") or "", salt=_SALT, max_age=86_400)
            )
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(
                _("This form has expired. Please send it again."), code="expired"
            ) from None
        minimum = getattr(settings, "FORM_MIN_SECONDS", 3)
        if time.time() - started < minimum:
            raise forms.ValidationError(
                _("That was very fast. Please check your message and send it again."),
                code="too_fast",
            )
        return cleaned
