"""manage.py backup: the database and the uploaded files in one archive."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from buurtwijs.core.backup import backup_create, default_backup_path


class Command(BaseCommand):
    help = (
        "Write the database (as JSON, any engine) and the files under MEDIA_ROOT "
        "and DOCUMENTS_ROOT to one .tar.gz archive with a manifest of row counts "
        "and checksums. Restore it with `manage.py restore ARCHIVE`."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="The archive to write, or a folder to write "
            "buurtwijs-YYYYMMDD-HHMMSS.tar.gz in (default: VAR_DIR/backups/).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = default_backup_path()
        if options["output"] and options["output"].is_dir():
            path = options["output"] / path.name
        elif options["output"]:
            path = options["output"]
        backup_create(path=path, log=self.stdout.write)
