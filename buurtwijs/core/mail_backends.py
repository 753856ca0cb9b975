"""Mail backends for development."""

import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.filebased import EmailBackend as FileBackend
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend

logger = logging.getLogger(__name__)


class SinkOrFileBackend(SMTPBackend):
    """SMTP to the local mail sink; to files in EMAIL_FILE_PATH when it is not running.

    A developer who runs `manage.py runserver` without `manage.py mail_sink` still
    gets working pages (sign-up, subscribing) and finds the mails as files, instead
    of a "connection refused" error page.
    """

    _fallback: FileBackend | None = None

    def open(self) -> bool | None:
        if self._fallback is not None:
            return False
        try:
            return super().open()
        except OSError as error:
            logger.warning(
                "No mail server on %s:%s (%s); writing mail to %s instead. "
                "Start `manage.py mail_sink` to receive mail as .eml files.",
                self.host,
                self.port,
                error,
                getattr(settings, "EMAIL_FILE_PATH", ""),
            )
            self._fallback = FileBackend(
                file_path=str(getattr(settings, "EMAIL_FILE_PATH", "var/mail"))
            )
            return False

    def close(self) -> None:
        if self._fallback is not None:
            self._fallback.close()
            self._fallback = None
        super().close()

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if self._fallback is None:
            # open() switches to the fallback when the sink is not there, and then
            # the SMTP backend sends nothing.
            sent = super().send_messages(email_messages)
            if self._fallback is None:
                return int(sent)
        assert self._fallback is not None  # noqa: S101 - set by open()
        return int(self._fallback.send_messages(email_messages))
