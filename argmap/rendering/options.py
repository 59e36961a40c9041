"""What a picture is asked to be (options, checked) and what DOT building hands to the SVG step."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.core.errors import UsageError
from argmap.rendering.select import Selection
from argmap.rendering.style import THEMES

if TYPE_CHECKING:
    from argmap.rendering.marks import NodeMarks

__all__ = [
    "DEFAULT_DEPTH",
    "ENGINES",
    "FORMATS",
    "LABEL_MODES",
    "ORIENTATIONS",
    "PAGES",
    "PAPERS",
    "RANKDIRS",
    "DotDocument",
    "RenderOptions",
    "ViewExtras",
]

LABEL_MODES = ("text", "quote", "id")
# How many relations from --focus a picture reaches when --depth is not given.
DEFAULT_DEPTH = 2
RANKDIRS = ("RL", "LR", "BT", "TB")
# The Graphviz engines and output formats argmap offers; kept here, not beside pygraphviz, so that
# checking options and building DOT never import the layout backend.
ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi")
FORMATS = ("svg", "png", "pdf", "dot")
# What may begin an SVG id: an XML name start, then name characters (ASCII only, so that the prefix
# is also safe in CSS selectors and URL fragments without escaping).
_ID_PREFIX = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")

PAPERS = ("a4", "letter")
ORIENTATIONS = ("auto", "portrait", "landscape")
PAGES = ("auto", "fit", "split")
CLUSTERS = ("none", "reasons")
MERGE_LAYOUTS = ("grid", "row", "stack")


@dataclass(frozen=True)
class RenderOptions:
    """How to draw: labels, direction, neighbourhood, engine, theme and SVG extras."""

    labels: str = "text"
    rankdir: str = "RL"
    focus: str | None = None
    # None: the default neighbourhood (DEFAULT_DEPTH) of --focus; a depth without a focus does nothing,
    # so it is refused rather than silently ignored.
    depth: int | None = None
    layout: str = "dot"
    theme: str = "light"
    legend: bool = False
    links: bool = False
    embed: bool = False
    id_prefix: str | None = None
    wrap: int = 32
    # Output only (the DOT is the same): PNG resolution, and PDF paper (see rendering/paper.py).
    dpi: float | None = None
    paper: str | None = None
    orientation: str = "auto"
    pages: str = "auto"
    # Big maps: a box per direct reason of the thesis; several maps: how their clusters are placed.
    cluster: str = "none"
    collapse: bool = False
    merge_layout: str = "grid"
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
        if self.depth is not None and self.depth < 0:
            raise UsageError(f"--depth must be 0 or more; got {self.depth}")
        if self.depth is not None and self.focus is None:
            raise UsageError("--depth has no effect without --focus NODE; add --focus or drop --depth")
        if self.id_prefix and not _ID_PREFIX.fullmatch(self.id_prefix):
            raise UsageError(
                "--id-prefix must start with a letter or '_' and hold only ASCII letters, digits, "
                f"'_', '-' and '.' (it begins every SVG id); got {self.id_prefix!r}"
            )
        if self.dpi is not None and not 24 <= self.dpi <= 2400:
            raise UsageError(
                f"--dpi must be between 24 and 2400 (--scale between 0.25 and 25); got {self.dpi:g}"
            )
        if self.paper is not None and self.paper not in PAPERS:
            raise UsageError(f"--paper must be one of {', '.join(PAPERS)}; got '{self.paper}'")
        if self.orientation not in ORIENTATIONS:
            raise UsageError(
                f"--orientation must be one of {', '.join(ORIENTATIONS)}; got '{self.orientation}'"
            )
        if self.pages not in PAGES:
            raise UsageError(f"--pages must be one of {', '.join(PAGES)}; got '{self.pages}'")
        if self.cluster not in CLUSTERS:
            raise UsageError(f"--cluster must be one of {', '.join(CLUSTERS)}; got '{self.cluster}'")
        if self.merge_layout not in MERGE_LAYOUTS:
            raise UsageError(
                f"--merge-layout must be one of {', '.join(MERGE_LAYOUTS)}; got '{self.merge_layout}'"
            )
        if self.wrap < 8:
            raise UsageError(f"label wrap width must be at least 8; got {self.wrap}")


@dataclass(frozen=True)
class ViewExtras:
    """What a derived view (split parts, their overview, reason clusters) adds to a picture.

    Keys are (map id, node id). `groups` gives a node's box: (group key, HTML label).
    """

    selection: Selection | None = None
    hrefs: Mapping[tuple[str, str], str] = field(default_factory=dict)
    notes: Mapping[tuple[str, str], str] = field(default_factory=dict)
    groups: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    subtitle: str = ""


@dataclass(frozen=True)
class DotDocument:
    """DOT source plus what the SVG step adds: a tooltip per element id, a title, a description."""

    source: str
    tooltips: Mapping[str, str]
    title: str
    description: str
    node_count: int
    edge_count: int = 0
    # Past the engine's limits (rendering/cost.py): warned about, and laid out in a child process.
    expensive: bool = False
    warnings: tuple[str, ...] = field(default=())
