"""Reading learning questions from a UTF-8 CSV file with a header.

Columns ``id`` and ``text`` are required; ``municipality``, ``role``, ``votes`` and
``urgency`` (1–5) are optional. Header names are matched case-insensitively;
comma, semicolon and tab separators are all recognised (Dutch spreadsheets save
with semicolons).
"""

import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

from buurtwijs.analysis.engine import QuestionIn

REQUIRED = ("id", "text")
# A single question may be long, but not longer than this.
csv.field_size_limit(min(sys.maxsize, 50_000_000))


class QuestionsFileError(ValueError):
    """The file cannot be read as learning questions; the message is one line."""


@dataclass
class QuestionsFile:
    """The questions read and the warnings about rows that were left out."""

    questions: list[QuestionIn]
    warnings: list[str] = field(default_factory=list)
    empty: int = 0


def _number(value: str | None, *, low: int, high: int) -> int | None:
    try:
        number = int((value or "").strip())
    except ValueError:
        return None
    return number if low <= number <= high else None


def read_questions(path: str | Path) -> QuestionsFile:
    """The questions of a CSV file; empty texts are left out with a warning."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            content = handle.read()
    except UnicodeDecodeError as error:
        raise QuestionsFileError(
            f"{path} is not UTF-8 text (byte {error.start}); save it as UTF-8 CSV."
        ) from error
    except OSError as error:
        raise QuestionsFileError(f"{path} cannot be read: {error.strerror}.") from error
    first_line = content.split("\n", 1)[0]
    if not first_line.strip():
        raise QuestionsFileError(f"{path} is empty; expected a header with id,text.")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            first_line, delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(content.splitlines(keepends=True), dialect)
    try:
        header = [name.strip().lower() for name in next(reader)]
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            raise QuestionsFileError(
                f"{path} has no column {' or '.join(missing)}; the header must "
                f"name id and text (found: {', '.join(header) or 'nothing'})."
            )
        column = {name: header.index(name) for name in header if name}
        found = QuestionsFile(questions=[])
        for line, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue

            def cell(name: str, row: list[str] = row) -> str:
                index = column.get(name)
                return row[index] if index is not None and index < len(row) else ""

            identifier = cell("id").strip() or f"line-{line}"
            text = cell("text")
            if not text.strip():
                found.empty += 1
                found.warnings.append(
                    f"line {line}: id {identifier} has no text, skipped"
                )
                continue
            found.questions.append(
                QuestionIn(
                    id=identifier,
                    text=text,
                    municipality=cell("municipality").strip(),
                    role=cell("role").strip(),
                    votes=_number(cell("votes"), low=0, high=10**9) or 0,
                    urgency=_number(cell("urgency"), low=1, high=5),
                )
            )
    except csv.Error as error:
        raise QuestionsFileError(
            f"{path} is not a readable CSV file (line {reader.line_num}): {error}."
        ) from error
    return found
