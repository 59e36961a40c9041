"""Where several maps go in one picture: side by side, in rows of a grid, or stacked."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

import graphviz

from argmap.core.ids import element_id
from argmap.core.load import LoadedMap
from argmap.rendering.labels import natural_key
from argmap.rendering.options import RenderOptions
from argmap.rendering.select import Selection, target_key

__all__ = ["arrange_maps", "map_ends"]


def arrange_maps(
    g: graphviz.Digraph, maps: Sequence[LoadedMap], selection: Selection, options: RenderOptions
) -> None:
    """Place the maps' clusters side by side, in rows (grid) or one row, instead of a stack.

    Graphviz stacks disconnected clusters across the rank direction; an invisible edge from
    every last-ranked node of one map to every first-ranked node of the next puts the next
    map further along the ranks instead. Rows of a grid stay stacked as before.
    """
    count = len(maps)
    across = options.rankdir in ("RL", "LR")
    # A right-to-left map is about as tall as wide; a top-to-bottom one is several times wider
    # than tall, so its grid has a third as many columns (seven maps: one column).
    square = math.ceil(math.sqrt(count)) if across else round(math.sqrt(count) / 3)
    columns = count if options.merge_layout == "row" else max(1, square)
    grid = [maps[i : i + columns] for i in range(0, count, columns)]
    pairs: list[tuple[LoadedMap, LoadedMap]] = []  # (lower ranks, higher ranks)
    if across:
        for row in grid:
            for left, right in pairwise(row):
                pairs.append((right, left) if options.rankdir == "RL" else (left, right))
    else:
        for upper, lower in pairwise(grid):
            for top, bottom in zip(upper, lower, strict=False):
                pairs.append((bottom, top) if options.rankdir == "BT" else (top, bottom))
    for first, second in pairs:
        for sink in map_ends(first, selection, last=True):
            for source in map_ends(second, selection, last=False):
                g.edge(sink, source, style="invis")


def map_ends(m: LoadedMap, selection: Selection, *, last: bool) -> list[str]:
    """DOT names of a map's drawn nodes with no relation out (last) or in (first), in the map."""
    drawn = [n.id for n in m.map.nodes if (m.id, n.id) in selection.nodes]
    inner = [
        r
        for r in m.map.relations
        if (m.id, r.id) in selection.relations and target_key(m.id, r.target)[0] == m.id
    ]
    # The last-ranked nodes are premises of nothing; the first-ranked, the target of nothing.
    premises = {p for r in inner for p in r.premises}
    targets = {target_key(m.id, r.target)[1] for r in inner}
    busy = premises if last else targets
    return [element_id(m.id, n) for n in sorted(drawn, key=natural_key) if n not in busy]
