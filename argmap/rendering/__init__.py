"""Drawing maps: pure DOT building (labels, selection, graph), one place that runs Graphviz, SVG finishing.

`build_dot` never imports the layout backend; `layout.run_layout` is the only caller of pygraphviz;
`svg` turns Graphviz's output into stable, embeddable SVG. Views for big maps: `split` (an overview
and a picture per reason), `parts` (reason clusters), `collapse` (evidence folded into claims);
`legend` is the key, `paper` puts PDFs on A4 or Letter, `heatmap` draws a stance matrix.
"""

from __future__ import annotations

from argmap.rendering.dot import build_dot
from argmap.rendering.labels import natural_key
from argmap.rendering.options import ENGINES, FORMATS, DotDocument, RenderOptions, ViewExtras
from argmap.rendering.split import SplitPicture, render_split
from argmap.rendering.style import THEMES, Theme
from argmap.rendering.svg import (
    Rendered,
    lay_out,
    render,
    render_bytes,
    render_document,
    render_result,
    render_svg,
    render_text,
)

__all__ = [
    "ENGINES",
    "FORMATS",
    "THEMES",
    "DotDocument",
    "RenderOptions",
    "Rendered",
    "SplitPicture",
    "Theme",
    "ViewExtras",
    "build_dot",
    "lay_out",
    "natural_key",
    "render",
    "render_bytes",
    "render_document",
    "render_result",
    "render_split",
    "render_svg",
    "render_text",
]
