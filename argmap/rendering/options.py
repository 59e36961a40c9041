"""What a picture is asked to be (options, checked) and what DOT building hands to the SVG step."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.core.errors import UsageError
from argmap.rendering.style import THEMES

if TYPE_CHECKING:
    from argmap.rendering.marks import NodeMarks

__all__ = ["ENGINES", "FORMATS", "LABEL_MODES", "RANKDIRS", "DotDocument", "RenderOptions"]

LABEL_MODES = ("text", "quote", "id")
RANKDIRS = ("RL", "LR", "BT", "TB")
# The Graphviz engines and output formats argmap offers; kept here, not beside pygraphviz, so that
# checking options and building DOT never import the layout backend.
ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi")
FORMATS = ("svg", "png", "pdf", "dot")


@dataclass(frozen=True)
class RenderOptions:
    """How to draw: labels, direction, neighbourhood, engine, theme and SVG extras."""

    labels: str = "text"
    rankdir: str = "RL"
    focus: str | None = None
    depth: int = 2
    layout: str = "dot"
    theme: str = "light"
    legend: bool = False
    links: bool = False
    embed: bool = False
    id_prefix: str | None = None
    wrap: int = 32
    # Fills and notes per node from outside the map (argmap render --color-by); see marks.py.
    marks: NodeMarks | None = field(default=None, compare=False)

    def check(self) -> None:
        """Raise UsageError for an option value that makes no sense."""
        choices = {
            "labels": (self.labels, LABEL_MODES),
            "rankdir": (self.rankdir, RANKDIRS),
            "layout": (self.layout, ENGINES),
            "theme": (self.theme, tuple(THEMES)),
        }
        for name, (value, allowed) in choices.items():
            if value not in allowed:
                raise UsageError(f"--{name} must be one of {', '.join(allowed)}; got '{value}'")
        if self.depth < 0:
            raise UsageError(f"--depth must be 0 or more; got {self.depth}")
        if self.wrap < 8:
            raise UsageError(f"label wrap width must be at least 8; got {self.wrap}")


@dataclass(frozen=True)
class DotDocument:
    """DOT source plus what the SVG step adds: a tooltip per element id, a title, a description."""

    source: str
    tooltips: Mapping[str, str]
    title: str
    description: str
    node_count: int
    warnings: tuple[str, ...] = field(default=())
