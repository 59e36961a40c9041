"""Render maps to SVG, PNG, PDF or DOT; SVG gets stable ids, classes, tooltips and an embed mode."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from argmap.dot import DotDocument, RenderOptions, build_dot
from argmap.errors import RenderError
from argmap.layout import FORMATS, run_layout
from argmap.load import LoadedMap

__all__ = ["FORMATS", "RenderOptions", "Rendered", "render", "render_result"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_TITLE = f"{{{SVG_NS}}}title"
_DESC = f"{{{SVG_NS}}}desc"


@dataclass(frozen=True)
class Rendered:
    """A rendered picture and the messages worth showing (warnings; Graphviz chatter)."""

    data: str | bytes
    warnings: tuple[str, ...]
    graphviz_messages: tuple[str, ...]


def _prefix_for(maps: Sequence[LoadedMap], options: RenderOptions) -> str:
    if options.id_prefix is not None:
        return options.id_prefix
    return "-".join(m.id for m in maps) + "-svg-" if options.embed else ""


def _finish_svg(raw: bytes, doc: DotDocument, options: RenderOptions, prefix: str) -> str:
    """Put tooltips in <title>, prefix ids, and make the SVG embeddable; deterministic output."""
    # The parser drops Graphviz's comments (with its version string) and the DOCTYPE.
    root = ET.fromstring(raw)
    for group in root.iter(f"{{{SVG_NS}}}g"):
        gid = group.get("id")
        title = group.find(_TITLE)
        if gid is not None and title is not None:
            title.text = doc.tooltips.get(gid, title.text)
    graph_title = root.find(f"{{{SVG_NS}}}g/{_TITLE}")
    if graph_title is not None:
        graph_title.text = doc.title
    if prefix:
        for element in root.iter():
            if element.get("id"):
                element.set("id", prefix + element.get("id", ""))
            for attr in ("href", f"{{{XLINK_NS}}}href"):
                value = element.get(attr, "")
                if value.startswith("#") and options.embed and not options.links:
                    element.set(attr, "#" + prefix + value[1:])
            # url(#id) references in clip paths or gradients must follow the renamed ids.
            for attr, value in list(element.attrib.items()):
                if "url(#" in value:
                    element.set(attr, value.replace("url(#", "url(#" + prefix))
    root.set("role", "img")
    title_id = f"{prefix}title" if prefix else "argmap-title"
    desc_id = f"{prefix}desc" if prefix else "argmap-desc"
    root.set("aria-labelledby", f"{title_id} {desc_id}")
    title_el = ET.Element(_TITLE, {"id": title_id})
    title_el.text = doc.title
    desc_el = ET.Element(_DESC, {"id": desc_id})
    desc_el.text = doc.description
    root.insert(0, desc_el)
    root.insert(0, title_el)
    if options.embed:
        # Scale to the container: the viewBox keeps the proportions.
        for attr in ("width", "height"):
            root.attrib.pop(attr, None)
        root.set("preserveAspectRatio", "xMidYMid meet")
        root.set("style", "max-width:100%;height:auto")
    body = ET.tostring(root, encoding="unicode")
    body = re.sub(r"\n\s*\n", "\n", body)
    if options.embed:
        return body + "\n"
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body + "\n"


def render_result(
    maps: LoadedMap | Sequence[LoadedMap],
    format: str = "svg",
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    **option_values: object,
) -> Rendered:
    """Render and also return warnings and Graphviz's own messages (for the CLI's --verbose)."""
    group = [maps] if isinstance(maps, LoadedMap) else list(maps)
    options = replace(options or RenderOptions(), **option_values)  # type: ignore[arg-type]
    if format not in FORMATS:
        raise RenderError(f"unknown format '{format}' (choose from {', '.join(FORMATS)})")
    doc = build_dot(group, options, peers)
    if format == "dot":
        return Rendered(doc.source, doc.warnings, ())
    # Cairo stamps PDFs with the current time unless SOURCE_DATE_EPOCH says otherwise.
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        layout = run_layout(doc.source, engine=options.layout, fmt=format)
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    if format == "svg":
        svg = _finish_svg(layout.data, doc, options, _prefix_for(group, options))
        return Rendered(svg, doc.warnings, layout.messages)
    return Rendered(layout.data, doc.warnings, layout.messages)


def render(
    maps: LoadedMap | Sequence[LoadedMap],
    format: str = "svg",
    options: RenderOptions | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    **option_values: object,
) -> str | bytes:
    """Render one map or several merged: SVG and DOT as text, PNG and PDF as bytes.

    Options may be given as a RenderOptions or as keywords: render(m, "svg", focus="c3", depth=1).
    """
    return render_result(maps, format, options, peers, **option_values).data
