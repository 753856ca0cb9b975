"""A local SMTP server for development: every mail it receives becomes an .eml file.

`make demo` starts it beside the site; the dev settings send to it. Open the files
with any mail program, or read them as text.
"""

import logging
import time
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.text import slugify


class SinkHandler:
    """Writes each message to `directory` and reports where it went."""

    def __init__(self, directory: Path, report: Any = print) -> None:
        self.directory = directory
        self.report = report

    async def handle_DATA(  # noqa: N802 - the name aiosmtpd calls
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        content = envelope.original_content or envelope.content or b""
        if isinstance(content, str):
            content = content.encode()
        message = message_from_bytes(content)
        subject = str(make_header(decode_header(message.get("Subject", ""))))
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
        slug = slugify(subject)[:60] or "zonder-onderwerp"
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{stamp}-{slug}.eml"
        path.write_bytes(content)
        for recipient in envelope.rcpt_tos:
            self.report(f"Mail voor {recipient}: {path}")
        return "250 Message accepted for delivery"


def start_sink(
    host: str, port: int, directory: Path, report: Any = print
) -> Controller:
    """Start the sink in a thread; call `.stop()` on the result to end it."""
    controller = Controller(SinkHandler(directory, report), hostname=host, port=port)
    controller.start()
    return controller


class Command(BaseCommand):
    help = "Receive mail on a local SMTP port and write each one to var/mail/ as .eml."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=1025)
        parser.add_argument(
            "--dir", default=str(settings.VAR_DIR / "mail"), help="Where the files go."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory = Path(options["dir"])
        # aiosmtpd logs every SMTP command; one line per mail is what people need.
        logging.getLogger("mail.log").setLevel(logging.WARNING)

        def report(line: str) -> None:
            self.stdout.write(line)
            self.stdout.flush()

        try:
            controller = start_sink(options["host"], options["port"], directory, report)
        except (OSError, RuntimeError) as error:
            self.stderr.write(
                f"The mail sink could not listen on {options['host']}:"
                f"{options['port']} ({error}). Is another sink running?"
            )
            raise SystemExit(1) from None
        report(
            f"Mail sink on {options['host']}:{options['port']}; mails are written to "
            f"{directory}/"
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
