"""The rules for what members write: plain text, tidy whitespace, a length limit."""

import re

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

# Control characters other than tab and newline: invisible in a page, and NUL is
# refused by PostgreSQL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n{3,}")


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)


def tidy_text(value: str) -> str:
    """Plain text as it is stored: one kind of newline, no control characters."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def tidy_line(value: str) -> str:
    """One line of plain text (a title): every run of whitespace one space."""
    return " ".join(_CONTROL.sub("", value).split())


def check_length(text: str, *, limit: int, field: str) -> None:
    """Refuse empty or too long text with a message that says what to do."""
    if not text:
        raise ValidationError(
            {
                field: ValidationError(
                    _("This is empty. Write something here."), code="required"
                )
            }
        )
    if len(text) > limit:
        raise ValidationError(
            {
                field: ValidationError(
                    _(
                        "Too long: at most %(limit)s characters, and this has "
                        "%(length)s. Shorten it and send it again."
                    ),
                    code="max_length",
                    params={"limit": _number(limit), "length": _number(len(text))},
                )
            }
        )
