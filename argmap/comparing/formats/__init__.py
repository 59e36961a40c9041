"""Output formats of a Comparison: text, Markdown, JSON, CSV, GraphML and SVG."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from argmap.comparing.comparison import Comparison
from argmap.comparing.gcpause import gc_paused
from argmap.core.errors import UsageError

__all__ = ["FORMATS", "SUFFIXES", "format_comparison"]

FORMATS = ("text", "markdown", "json", "csv", "graphml", "svg")
_WRITERS = {
    "text": ("argmap.comparing.formats.text", "format_text"),
    "markdown": ("argmap.comparing.formats.markdown", "format_markdown"),
    "json": ("argmap.comparing.formats.data", "format_json"),
    "csv": ("argmap.comparing.formats.data", "format_csv"),
    "graphml": ("argmap.comparing.formats.graphml", "format_graphml"),
    "svg": ("argmap.comparing.formats.svg", "format_svg"),
}
# The format an output file's suffix implies when --format is not given.
SUFFIXES = {
    ".txt": "text",
    ".md": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".graphml": "graphml",
    ".svg": "svg",
}


def format_comparison(c: Comparison, fmt: str) -> str:
    """The comparison in one of FORMATS, as text (SVG too); the same comparison gives the same text."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown comparison format '{fmt}' (choose from {', '.join(FORMATS)})")
    # Each format's module is imported only when used: the SVG one loads Graphviz.
    module, function = _WRITERS[fmt]
    writer: Callable[[Comparison], str] = getattr(importlib.import_module(module), function)
    with gc_paused():
        return writer(c)
