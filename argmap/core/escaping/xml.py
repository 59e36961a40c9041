"""XML and DOT: text that can stand in an SVG, GraphML or HTML document, or a Graphviz HTML label."""

from __future__ import annotations

import html
import re

__all__ = ["XML_INVALID", "xml_label", "xml_text"]

# Characters XML 1.0 forbids even when escaped: most C0 controls, lone surrogates, U+FFFE/U+FFFF.
# Graphviz copies label text into its SVG, so the same set is unsafe in DOT labels.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text with the characters XML cannot carry replaced by U+FFFD (markup is escaped elsewhere)."""
    return XML_INVALID.sub("\ufffd", text)


def xml_label(text: str) -> str:
    """Text as XML character data or an attribute value: invalid characters replaced, markup escaped.

    This is also what a Graphviz HTML-like label (`<...>`) needs.
    """
    return html.escape(xml_text(text), quote=True)
