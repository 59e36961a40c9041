"""Markdown: user text made inert in (GitHub-flavoured) Markdown, and the one table writer."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from argmap.core.escaping.xml import xml_text

__all__ = ["md", "md_table"]

# Characters with a meaning in (GitHub-flavoured) Markdown, inline or in a table. CommonMark lets any
# ASCII punctuation be backslash-escaped, so escaping a few harmless ones costs nothing.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")
# What starts a block when it opens a line: a list item or rule ('-'), a heading underline ('='),
# an ordered list ('1.'); '+', '>', '#' and '1)' are escaped everywhere already.
_MD_BLOCK_START = re.compile(r"^(?:([-=])|(\d+)\.)")
_ALIGN = {"l": "---", "r": "--:", "c": ":-:"}


def md(text: str) -> str:
    """User text made inert for Markdown: one line, every special character escaped.

    Characters XML forbids are replaced too: Markdown is read by HTML renderers.
    """
    one_line = " ".join(xml_text(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line)
    return _MD_BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\.", escaped)


def md_table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    """A pipe table as lines; header and cells must already be escaped. align: one l/r/c per column."""
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("|" + "|".join(_ALIGN[a] for a in (align or "l" * len(header))) + "|")
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines
