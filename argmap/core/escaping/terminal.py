"""The terminal: text that cannot drive it (colour, title, cursor codes) or reorder what it shows."""

from __future__ import annotations

import re

__all__ = ["terminal_line", "terminal_text"]

# C0 and C1 controls (ESC starts colour, cursor and title sequences; CSI is U+009B on its own) and
# the Unicode bidirectional controls, which make a terminal show text in another order than it is
# (U+202E turns "txt.exe" into "exe.txt" on screen).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
# In multi-line text, newlines, tabs and CRLF pairs keep their meaning; a lone CR would overwrite the line.
_UNSAFE_TEXT = re.compile(f"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_line(text: str) -> str:
    """One line for a terminal: every control and bidi character shown as a visible escape (\\x1b)."""
    return _UNSAFE_LINE.sub(_escape, text)


def terminal_text(text: str) -> str:
    """Several lines for a terminal: like terminal_line, but newlines, tabs and CRLF pairs are kept."""
    return _UNSAFE_TEXT.sub(_escape, text)
