"""Interactive maps in the HTML report: the figure around each SVG, its graph data and the viewer script.

The script (assets/viewer.js) adds pan, zoom, fit, reset and a neighbourhood view; the page's
Content-Security-Policy admits it by its SHA-256 hash and nothing else. Without scripts every map
still shows at its natural size (Graphviz points as CSS pixels times 4/3, so 9-point text is 12 px)
and scrolls inside its frame.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from argmap.core.escaping.xml import xml_label
from argmap.core.ids import element_id, role_id
from argmap.core.load import LoadedMap
from argmap.rendering.labels import natural_key, short
from argmap.rendering.select import target_key

__all__ = ["PX_PER_PT", "csp", "graph_data", "map_figure", "script", "script_tag"]

# CSS pixels per Graphviz point: 96 / 72, the size a browser gives an SVG written in points.
PX_PER_PT = 4 / 3

_VIEWBOX = re.compile(r'viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"')
_EMBED_STYLE = ' style="max-width:100%;height:auto"'


@cache
def script() -> str:
    """The viewer's JavaScript, exactly as inlined (its hash is taken over these characters)."""
    return files("argmap.reporting").joinpath("assets/viewer.js").read_text(encoding="utf-8")


def script_hash() -> str:
    """The CSP source expression that admits the inlined viewer and nothing else."""
    digest = hashlib.sha256(script().encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def csp() -> str:
    """The report's policy: nothing loads from anywhere; the one script runs because of its hash."""
    return (
        f"default-src 'none'; script-src {script_hash()}; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def script_tag() -> str:
    return f"<script>{script()}</script>"


def graph_data(maps: Sequence[LoadedMap]) -> dict[str, object]:
    """What the neighbourhood view needs: node classes, and each relation's premises then target.

    Names are the element ids the renderer gives (MAP.NODE, MAP.REL, MAP._ghost.NODE; core/ids.py);
    every drawn element carries its name as a class, so the script finds elements without knowing
    id prefixes.
    """
    drawn = {m.id for m in maps}
    nodes = [
        element_id(m.id, n.id) for m in maps for n in sorted(m.map.nodes, key=lambda n: natural_key(n.id))
    ]
    relation_keys = {(m.id, r.id) for m in maps for r in m.map.relations}
    relations: dict[str, list[str]] = {}
    for m in maps:
        for rel in sorted(m.map.relations, key=lambda r: natural_key(r.id)):
            key = target_key(m.id, rel.target)
            if key[0] in drawn or key in relation_keys:
                target = element_id(*key)
            else:
                target = role_id(key[0], "ghost", key[1])
                nodes.append(target)
            premises = [element_id(m.id, p) for p in sorted(rel.premises, key=natural_key)]
            relations[element_id(m.id, rel.id)] = [*premises, target]
    return {"nodes": list(dict.fromkeys(nodes)), "relations": relations}


def _sized(svg: str) -> str:
    """The embedded SVG at its natural size in CSS pixels (never shrunk to the column)."""
    box = _VIEWBOX.search(svg)
    if box is None:
        return svg
    width = float(box.group(3)) * PX_PER_PT
    height = float(box.group(4)) * PX_PER_PT
    return svg.replace(_EMBED_STYLE, f' width="{width:.0f}" height="{height:.0f}"', 1)


def _options(maps: Sequence[LoadedMap]) -> str:
    out = ['<option value="">whole map</option>']
    for m in maps:
        for n in sorted(m.map.nodes, key=lambda n: natural_key(n.id)):
            label = (
                f"{n.id}: {short(n.text, 48)}" if len(maps) == 1 else f"{m.id}:{n.id}: {short(n.text, 40)}"
            )
            out.append(f'<option value="{xml_label(element_id(m.id, n.id))}">{xml_label(label)}</option>')
    return "".join(out)


def map_figure(svg: str, maps: Sequence[LoadedMap], caption_html: str, label: str) -> str:
    """A map in its frame: a scrolling viewport, and a toolbar the script reveals (hidden without it)."""
    sized = _sized(svg)
    data = json.dumps(graph_data(maps), separators=(",", ":"), sort_keys=False)
    name = html.escape(label, quote=True)
    toolbar = (
        f'<div class="toolbar" role="toolbar" aria-label="{name}: view" hidden>'
        '<button type="button" data-act="in" aria-label="Zoom in" title="Zoom in (+)">+</button>'
        '<button type="button" data-act="out" aria-label="Zoom out" title="Zoom out (\u2212)">\u2212</button>'
        '<button type="button" data-act="fit" title="Fit the whole map in the frame (f)">Fit</button>'
        '<button type="button" data-act="width" title="Fit the map to the frame\'s width (w)">Width</button>'
        '<button type="button" data-act="reset" title="Actual size (0)">1:1</button>'
        f'<label>Neighbourhood of <select class="focus">{_options(maps)}</select></label>'
        '<label>within <select class="depth"><option>1</option><option>2</option><option>3</option>'
        "</select> steps</label>"
        '<button type="button" data-act="all" title="Show the whole map (Esc)">Show all</button>'
        "</div>"
    )
    hint = (
        '<span class="hint"> Drag to pan; Ctrl+wheel or pinch to zoom; in the focused map: + \u2212 '
        "arrows, 0, f, w; n on a node shows its neighbourhood.</span>"
    )
    return (
        f'<figure class="mapview" data-graph="{html.escape(data, quote=True)}">'
        f"{toolbar}"
        f'<div class="viewport" tabindex="0" role="group" aria-label="{name}">{sized}</div>'
        f"<figcaption>{caption_html}{hint}</figcaption></figure>"
    )
