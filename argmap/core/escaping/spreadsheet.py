"""CSV: cells a spreadsheet shows as text, never runs as a formula, and reads back as one cell."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

__all__ = ["csv_cell", "csv_text"]

# Spreadsheets run a cell starting with these as a formula (CSV injection, OWASP's list).
_FORMULA_START = "=+-@\t\r"
# A line break followed by a formula start: some importers split cells on line breaks, so what
# follows a break is neutralised as if it began a cell.
_AFTER_BREAK = re.compile(r"(\r\n|\r|\n)(?=[=+\-@\t])")


def csv_cell(value: object) -> str:
    """A CSV cell: text a spreadsheet would read as a formula, at its start or after any line break,
    gets a leading apostrophe (the spreadsheet convention for "this is text")."""
    text = "" if value is None else str(value)
    text = _AFTER_BREAK.sub(r"\1'", text)
    return "'" + text if text.startswith(tuple(_FORMULA_START)) else text


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """Rows as RFC 4180 CSV: CRLF between records, and every field holding a quote, comma, CR or LF
    quoted, so a line break inside a cell can never start a new row.

    (Python's csv module quotes only the characters of its line terminator: with "\\n" a lone CR
    went out unquoted and a reader took it for the end of the row.)
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()
