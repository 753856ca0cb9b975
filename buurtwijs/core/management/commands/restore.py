"""manage.py restore: load an archive made by manage.py backup."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from buurtwijs.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into a new, migrated database "
        "(same Buurtwijs version) and its files into MEDIA_ROOT and DOCUMENTS_ROOT, "
        "then rebuild the search indexes. Refuses a site that already holds "
        "accounts or files unless --force is given."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("archive", type=Path, help="The .tar.gz backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Delete every row in the database (and overwrite files of the "
            "same name) even though the site is not empty.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            backup_restore(
                path=options["archive"], force=options["force"], log=self.stdout.write
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Restore complete."))
