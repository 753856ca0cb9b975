"""Downloads opened in a spreadsheet: text others typed must stay text.

A cell starting with = + - or @ (or a tab or carriage return before one) is a
formula to Excel and LibreOffice (OWASP "CSV injection"); such text gets a leading
apostrophe in every CSV and XLSX download.
"""

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_safe(value: Any) -> Any:
    """The value, with an apostrophe before text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value
