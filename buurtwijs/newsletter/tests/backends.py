"""A mail backend that stops the worker the way a power cut or kill would."""

from collections.abc import Sequence

from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend


class WorkerStopped(BaseException):
    """Raised where the process would die: not an Exception, so nothing catches it."""


class StopAfterBackend(EmailBackend):
    """Delivers like the test outbox, then stops after `limit` mails in all.

    `when="after"`: the mail was handed over, the stop comes before Buurtwijs could
    record it (the window that would cause a duplicate). `when="before"`: the stop
    comes just before the mail is handed over.
    """

    limit = 0
    when = "after"

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        for message in messages:
            if self.when == "before" and len(mail.outbox) >= self.limit:
                raise WorkerStopped
            super().send_messages([message])
            if self.when == "after" and len(mail.outbox) >= self.limit:
                raise WorkerStopped
        return len(messages)
