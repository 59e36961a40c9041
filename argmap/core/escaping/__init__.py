"""Making user text inert, one module per output language: XML/DOT, Markdown, CSV and the terminal.

Every writer of user text goes through these functions, so that one rule says what a character
means in each language. Names resolve on first use: the CLI's messages need only the terminal rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.core.lazy import lazy_exports

__all__ = [
    "XML_INVALID",
    "csv_cell",
    "csv_text",
    "md",
    "md_table",
    "terminal_line",
    "terminal_text",
    "xml_label",
    "xml_text",
]
_EXPORTS = {
    **dict.fromkeys(["md", "md_table"], "argmap.core.escaping.markdown"),
    **dict.fromkeys(["csv_cell", "csv_text"], "argmap.core.escaping.spreadsheet"),
    **dict.fromkeys(["terminal_line", "terminal_text"], "argmap.core.escaping.terminal"),
    **dict.fromkeys(["XML_INVALID", "xml_label", "xml_text"], "argmap.core.escaping.xml"),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

if TYPE_CHECKING:
    from argmap.core.escaping.markdown import md, md_table
    from argmap.core.escaping.spreadsheet import csv_cell, csv_text
    from argmap.core.escaping.terminal import terminal_line, terminal_text
    from argmap.core.escaping.xml import XML_INVALID, xml_label, xml_text
