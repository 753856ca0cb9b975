"""Import initiatives or people from a CSV or XLSX file."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from buurtwijs.directory.importing.rows import KINDS
from buurtwijs.directory.importing.services import directory_import


class Command(BaseCommand):
    help = (
        "Import initiatives or people from a CSV or XLSX file. Re-importing updates. "
        "Exits with status 1 when the file is refused or a row is rejected."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("file")
        parser.add_argument(
            "--atomic",
            action="store_true",
            help="All or nothing: store nothing when any row is rejected.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check every row and report, but store nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = directory_import(
                kind=options["kind"],
                file=options["file"],
                atomic=options["atomic"],
                dry_run=options["dry_run"],
            )
        except OSError as error:
            raise CommandError(
                _("The file cannot be opened: %(error)s") % {"error": error}
            ) from error
        if report.error:
            raise CommandError(report.summary[0])
        for rejected in report.rejected:
            self.stdout.write(
                _("line %(line)s: %(reason)s")
                % {"line": rejected.line, "reason": rejected.reason}
            )
        for line in report.summary:
            self.stdout.write(line)
        self.stdout.write(
            _("Took %(seconds).1f seconds.") % {"seconds": report.seconds}
        )
        if report.rejected:
            raise CommandError(
                _("%(count)s rows rejected.") % {"count": len(report.rejected)}
            )
