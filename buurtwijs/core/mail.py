"""Every mail Buurtwijs sends: a plain-text part, in the recipient's language.

Mails are written as templates: `<name>.txt` is the text part (always there) and
`<name>.html`, when it exists, is added as an HTML alternative. Subject and body are
rendered with the recipient's language switched on, so a Dutch and an English
version exist of every mail as long as its strings are translated.
"""

from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

LANGUAGE_CODES = {code for code, _label in settings.LANGUAGES}


def mail_language(language: str | None) -> str:
    """The language a mail is written in: the one asked for if known, else Dutch."""
    if language and language[:2] in LANGUAGE_CODES:
        return language[:2]
    return settings.LANGUAGE_CODE


def build_mail(
    *,
    to: Sequence[str],
    subject: str | Callable[[], str],
    template: str,
    context: dict[str, Any] | None = None,
    language: str | None = None,
    reply_to: Sequence[str] | None = None,
    headers: dict[str, str] | None = None,
    connection: Any = None,
) -> EmailMultiAlternatives:
    """A mail ready to send: text part from `template`.txt, HTML if `.html` exists.

    `subject` may be a lazy string or a callable; either is evaluated with the
    recipient's language active.
    """
    context = {"site_url": settings.SITE_URL, **(context or {})}
    with translation.override(mail_language(language)):
        subject_text = str(subject() if callable(subject) else subject)
        # A subject is one line: a newline in it would be refused by Django.
        subject_text = " ".join(subject_text.split())
        body = render_to_string(f"{template}.txt", context)
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:
            html = None
    message = EmailMultiAlternatives(
        subject=subject_text,
        body=body,
        to=list(to),
        reply_to=list(reply_to) if reply_to else None,
        headers=headers or {},
        connection=connection,
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message


def send_templated_mail(**kwargs: Any) -> int:
    """Build a mail with `build_mail` and send it; returns the number sent (0 or 1)."""
    return build_mail(**kwargs).send()


def open_connection() -> Any:
    """One connection for a batch of mails (newsletter, digests)."""
    return get_connection()
