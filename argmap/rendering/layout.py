"""The one place Graphviz runs: lay out DOT in-process with pygraphviz's bundled Graphviz."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from argmap.core.errors import RenderError
from argmap.rendering.options import ENGINES, FORMATS

__all__ = ["ENGINES", "FORMATS", "Layout", "run_layout"]


# Messages the bundled libraries print that say nothing about the picture: fontconfig complains
# about newer system configuration files it does not understand.
_NOISE = ("Fontconfig warning", "Fontconfig error")


@dataclass(frozen=True)
class Layout:
    """A laid-out picture and what Graphviz said while making it."""

    data: bytes
    messages: tuple[str, ...]


@contextmanager
def _captured_stderr() -> Iterator[list[str]]:
    """Collect what C libraries write to file descriptor 2 (Python's sys.stderr cannot see it)."""
    lines: list[str] = []
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile(mode="w+b") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield lines
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            text = sink.read().decode("utf-8", errors="replace")
            lines.extend(line for line in text.splitlines() if line.strip())


def run_layout(
    dot_source: str, *, engine: str = "dot", fmt: str = "svg", attributes: Mapping[str, str] | None = None
) -> Layout:
    """Lay out DOT text with a Graphviz engine and return the picture in the given format.

    `attributes` are graph attributes set for this drawing only (the PNG's dpi, for example).
    """
    if engine not in ENGINES:
        raise RenderError(f"unknown layout engine '{engine}' (choose from {', '.join(ENGINES)})")
    if fmt not in FORMATS:
        raise RenderError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    import pygraphviz

    with _captured_stderr() as messages:
        try:
            graph = pygraphviz.AGraph(string=dot_source)
            graph.graph_attr.update(attributes or {})
            # draw(prog=...) lays out and renders in one pass; layout() first would also render
            # an intermediate DOT copy, about a quarter of the time for nothing.
            data = graph.draw(format=fmt, prog=engine)
        except (pygraphviz.DotError, OSError, ValueError) as exc:
            error = str(exc).strip() or type(exc).__name__
            failure: RenderError | None = RenderError(f"Graphviz failed: {error}")
        else:
            failure = None
    useful = tuple(m for m in messages if not m.startswith(_NOISE))
    if failure is not None:
        detail = next((m for m in useful if m.startswith("Error")), None)
        raise RenderError(f"Graphviz failed: {detail}") if detail else failure
    if data is None:
        raise RenderError("Graphviz produced no output")
    return Layout(bytes(data), useful)
