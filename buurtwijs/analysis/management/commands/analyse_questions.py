"""Analyse learning questions from a CSV file: themes, clusters and ranking."""

import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from buurtwijs.analysis.engine import analyse, result_json
from buurtwijs.analysis.questions_csv import QuestionsFileError, read_questions

# Warnings about skipped rows are listed up to this many, then counted.
MAX_WARNINGS = 20


class Command(BaseCommand):
    help = (
        "Analyse learning questions from a UTF-8 CSV file with columns id,text "
        "(optionally municipality, role, votes, urgency) and write themes, clusters "
        "and theme counts as JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", help="CSV file with a header row.")
        parser.add_argument(
            "--output", required=True, help="JSON file to write ('-' for stdout)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        try:
            found = read_questions(options["input"])
        except QuestionsFileError as error:
            raise CommandError(str(error)) from error
        for warning in found.warnings[:MAX_WARNINGS]:
            self.stderr.write(f"warning: {warning}")
        if len(found.warnings) > MAX_WARNINGS:
            self.stderr.write(
                f"warning: {len(found.warnings) - MAX_WARNINGS} more rows skipped"
            )
        total = len(found.questions)
        self.stdout.write(f"Analysing {total} questions from {options['input']}")

        def progress(stage: str, done: int, of: int) -> None:
            if total >= 1000 or stage == "ranked":
                seconds = time.perf_counter() - started
                self.stdout.write(f"  {stage}: {done}/{of} ({seconds:.1f} s)")

        result = analyse(found.questions, progress=progress)
        text = json.dumps(result_json(result), ensure_ascii=False, indent=1)
        if options["output"] == "-":
            self.stdout.write(text)
        else:
            try:
                Path(options["output"]).write_text(text + "\n", encoding="utf-8")
            except OSError as error:
                raise CommandError(
                    f"{options['output']} cannot be written: {error.strerror}."
                ) from error
        self.stdout.write(
            f"{len(result.items)} questions, {len(result.clusters)} clusters, "
            f"{found.empty} empty skipped, in {time.perf_counter() - started:.1f} s"
        )
