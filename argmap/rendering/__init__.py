"""Drawing maps: pure DOT building (labels, selection, graph), one place that runs Graphviz, SVG finishing.

`build_dot` never imports the layout backend; `layout.run_layout` is the only caller of pygraphviz;
`svg` turns Graphviz's output into stable, embeddable SVG.
"""

from __future__ import annotations

from argmap.rendering.dot import build_dot
from argmap.rendering.labels import natural_key
from argmap.rendering.options import ENGINES, FORMATS, DotDocument, RenderOptions
from argmap.rendering.style import THEMES, Theme
from argmap.rendering.svg import Rendered, lay_out, render, render_result, render_svg

__all__ = [
    "ENGINES",
    "FORMATS",
    "THEMES",
    "DotDocument",
    "RenderOptions",
    "Rendered",
    "Theme",
    "build_dot",
    "lay_out",
    "natural_key",
    "render",
    "render_result",
    "render_svg",
]
