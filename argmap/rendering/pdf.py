"""Reproducible PDF: the same picture gives the same bytes, whatever the clock says.

Cairo, as bundled with pygraphviz, stamps `/CreationDate` with the wall clock and ignores
SOURCE_DATE_EPOCH. The date is rewritten in place with one of exactly the same length, so every
byte offset in the cross-reference table stays right and the file stays a valid PDF.
"""

from __future__ import annotations

import os
import re
import time

__all__ = ["pdf_date", "reproducible_pdf"]

# D:YYYYMMDDHHmmSS then a zone (Z, or +HH'mm'); only the fourteen digits are replaced.
_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})")


def pdf_date() -> bytes:
    """The fourteen digits to stamp: SOURCE_DATE_EPOCH when set (the reproducible-builds rule),
    else the epoch itself, in UTC."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(raw) if raw.isdigit() else 0
    return time.strftime("%Y%m%d%H%M%S", time.gmtime(seconds)).encode("ascii")


def reproducible_pdf(data: bytes) -> bytes:
    """The PDF with its creation and modification dates made fixed, byte offsets unchanged."""
    stamp = pdf_date()
    return _DATE.sub(lambda m: m.group(1) + stamp, data)
