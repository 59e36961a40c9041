"""Render maps to SVG, PNG, PDF or DOT; SVG gets stable ids, classes, tooltips and an embed mode."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, overload

from argmap.core.errors import RenderError
from argmap.core.ids import group_id, role_id
from argmap.core.load import LoadedMap
from argmap.rendering.dot import DotDocument, RenderOptions, build_dot
from argmap.rendering.layout import with_graph_attributes
from argmap.rendering.layoutcache import cached_layout
from argmap.rendering.options import FORMATS, ViewExtras
from argmap.rendering.pdf import reproducible_pdf

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "TEXT_FORMATS",
    "RenderOptions",
    "Rendered",
    "lay_out",
    "render",
    "render_bytes",
    "render_document",
    "render_result",
    "render_svg",
    "render_text",
]

TEXT_FORMATS = ("svg", "dot")
BINARY_FORMATS = ("png", "pdf")


@dataclass(frozen=True)
class Rendered:
    """A rendered picture and the messages worth showing (warnings; Graphviz chatter)."""

    data: str | bytes
    warnings: tuple[str, ...]
    graphviz_messages: tuple[str, ...]


def _prefix_for(maps: Sequence[LoadedMap], options: RenderOptions) -> str:
    if options.id_prefix is not None:
        return options.id_prefix
    return role_id(group_id(m.id for m in maps), "svg") + "." if options.embed else ""


_PROLOG = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.S)
_GROUP_TITLE = re.compile(r'(<g id="([^"]*)"[^>]*>\s*<title>)([^<]*)(</title>)')
_SVG_TAG = re.compile(r"<svg\b([^>]*)>")
_SIZE = re.compile(r'\s(?:width|height)="[^"]*"')


def _text(value: str) -> str:
    return html.escape(value, quote=False)


def _finish_svg(raw: bytes, doc: DotDocument, options: RenderOptions, prefix: str) -> str:
    """Put tooltips in <title>, prefix ids, make the SVG embeddable; deterministic output.

    Graphviz's SVG is regular, so a few anchored substitutions do what parsing and re-serialising
    would, at a tenth of the cost on big maps; the tests parse every variant as XML.
    """
    # Graphviz writes "-" as "&#45;" everywhere; a plain hyphen is valid XML and keeps ids greppable.
    svg = _PROLOG.sub("", raw.decode("utf-8")).replace("&#45;", "-")

    def title(match: re.Match[str]) -> str:
        gid = match.group(2)
        text = doc.title if gid == "graph" else doc.tooltips.get(gid)
        return match.group(0) if text is None else match.group(1) + _text(text) + match.group(4)

    svg = _GROUP_TITLE.sub(title, svg)
    if prefix:
        svg = svg.replace(' id="', f' id="{prefix}').replace("url(#", f"url(#{prefix}")
        if not options.links:
            svg = svg.replace('href="#', f'href="#{prefix}')
    title_id = f"{prefix}title" if prefix else "argmap-title"
    desc_id = f"{prefix}desc" if prefix else "argmap-desc"

    def root(match: re.Match[str]) -> str:
        attrs = match.group(1)
        if options.embed:
            # Scale to the container: the viewBox keeps the proportions.
            attrs = (
                _SIZE.sub("", attrs)
                + ' preserveAspectRatio="xMidYMid meet" style="max-width:100%;height:auto"'
            )
        return (
            f'<svg{attrs} role="img" aria-labelledby="{title_id} {desc_id}">\n'
            f'<title id="{title_id}">{_text(doc.title)}</title>\n'
            f'<desc id="{desc_id}">{_text(doc.description)}</desc>'
        )

    svg = _SVG_TAG.sub(root, svg, count=1)
    if options.embed:
        return svg
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + svg


def render_result(
    maps: LoadedMap | Sequence[LoadedMap],
    format: str = "svg",
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    *,
    extras: ViewExtras | None = None,
    **option_values: object,
) -> Rendered:
    """Render and also return warnings and Graphviz's own messages (for the CLI's --verbose).

    `extras` draws a derived view (a split part, its overview) instead of the options' selection.
    """
    group = [maps] if isinstance(maps, LoadedMap) else list(maps)
    options = replace(options or RenderOptions(), **option_values)  # type: ignore[arg-type]
    if format not in FORMATS:
        raise RenderError(f"unknown format '{format}' (choose from {', '.join(FORMATS)})")
    return lay_out(build_dot(group, options, peers, extras), group, format, options)


def lay_out(doc: DotDocument, maps: Sequence[LoadedMap], format: str, options: RenderOptions) -> Rendered:
    """Lay out a built DOT document (build_dot) in a format: the second half of render_result.

    Separate so that a caller can show doc.warnings before a long layout starts.
    """
    return render_document(doc, format, options, _prefix_for(maps, options))


def render_document(
    doc: DotDocument, format: str = "svg", options: RenderOptions | None = None, prefix: str = ""
) -> Rendered:
    """Lay out a built DOT document and finish it: maps, and other pictures built in rendering."""
    options = options or RenderOptions()
    if format not in FORMATS:
        raise RenderError(f"unknown format '{format}' (choose from {', '.join(FORMATS)})")
    if format == "dot":
        return Rendered(doc.source, doc.warnings, ())
    source = doc.source
    if format == "png" and options.dpi:
        source = with_graph_attributes(source, {"dpi": f"{options.dpi:g}"})
    if format == "pdf" and options.paper:
        # The sheets have margins; Graphviz's own half inch would add to them.
        source = with_graph_attributes(source, {"margin": "0"})
    size = f"{doc.node_count:,} nodes and {doc.edge_count:,} edges"
    layout = cached_layout(source, engine=options.layout, fmt=format, isolate=doc.expensive, size=size)
    if format == "svg":
        svg = _finish_svg(layout.data, doc, options, prefix)
        return Rendered(svg, doc.warnings, layout.messages)
    if format == "pdf":
        pdf = reproducible_pdf(layout.data)
        if options.paper:
            from argmap.rendering.paper import paginate

            pdf = paginate(pdf, options.paper, options.orientation, options.pages)
        return Rendered(pdf, doc.warnings, layout.messages)
    return Rendered(layout.data, doc.warnings, layout.messages)


@overload
def render(
    maps: LoadedMap | Sequence[LoadedMap],
    format: Literal["svg", "dot"] = "svg",
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    **option_values: object,
) -> str: ...
@overload
def render(
    maps: LoadedMap | Sequence[LoadedMap],
    format: Literal["png", "pdf"],
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    **option_values: object,
) -> bytes: ...
@overload
def render(
    maps: LoadedMap | Sequence[LoadedMap],
    format: str,
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    **option_values: object,
) -> str | bytes: ...
def render(
    maps: LoadedMap | Sequence[LoadedMap],
    format: str = "svg",
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    **option_values: object,
) -> str | bytes:
    """Render one map or several merged: SVG and DOT as text, PNG and PDF as bytes.

    Options may be given as a RenderOptions or as keywords: render(m, "svg", focus="c3", depth=1).
    With a format known only at run time, render_text and render_bytes say which you get.
    """
    return render_result(maps, format, _options(options, option_values), peers).data


def _options(options: RenderOptions | None, values: Mapping[str, object]) -> RenderOptions:
    """RenderOptions from an options object and keywords (render(m, "svg", focus="c3"))."""
    return replace(options or RenderOptions(), **values)  # type: ignore[arg-type]


def render_text(
    maps: LoadedMap | Sequence[LoadedMap],
    format: str = "svg",
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    **option_values: object,
) -> str:
    """Render to a text format (svg, dot); RenderError for a binary one."""
    if format not in TEXT_FORMATS:
        raise RenderError(f"'{format}' is not a text format ({', '.join(TEXT_FORMATS)}); use render_bytes")
    data = render_result(maps, format, _options(options, option_values), peers).data
    assert isinstance(data, str)  # svg and dot are text
    return data


def render_bytes(
    maps: LoadedMap | Sequence[LoadedMap],
    format: str = "png",
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    **option_values: object,
) -> bytes:
    """Render to a binary format (png, pdf); RenderError for a text one."""
    if format not in BINARY_FORMATS:
        raise RenderError(f"'{format}' is not a binary format ({', '.join(BINARY_FORMATS)}); use render_text")
    data = render_result(maps, format, _options(options, option_values), peers).data
    assert isinstance(data, bytes)  # png and pdf are binary
    return data


def render_svg(
    maps: LoadedMap | Sequence[LoadedMap],
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    **option_values: object,
) -> str:
    """Render to SVG text (what reports and notebooks embed)."""
    data = render_result(maps, "svg", options, peers, **option_values).data  # type: ignore[arg-type]
    assert isinstance(data, str)  # SVG is always text
    return data
