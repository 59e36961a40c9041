"""The stance matrix as an SVG picture: built and finished by rendering, like the maps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.comparing.comparison import Comparison
from argmap.comparing.formats.graphml import actor_node_id, proposition_node_id

if TYPE_CHECKING:
    from argmap.rendering.options import DotDocument

__all__ = ["build_dot", "format_svg"]


def _document(c: Comparison) -> DotDocument:
    from argmap.rendering.heatmap import HeatCell, heatmap_dot

    label = {a.id: a.label for a in c.actors}
    columns = [(actor_node_id(a.id), a.label) for a in c.actors]
    rows = [(proposition_node_id(p.id), p.text, f"{p.contestation:.2f}") for p in c.propositions]
    cells = [
        [
            HeatCell(
                cell.position,
                f"stance-{cell.actor}__{cell.proposition}",
                f"{label.get(cell.actor, cell.actor)}: {cell.position} ({cell.score:+.2f})"
                + "".join(f"\n{r.map}:{r.node} {r.position} {r.intensity}" for r in cell.claims),
            )
            for cell in row
        ]
        for row in c.matrix
    ]
    names = ", ".join(a.label for a in c.actors)
    title = f"Stances of {names}" if len(c.actors) <= 4 else f"Stances of {len(c.actors)} actors"
    note = "Contested: 2\u00b7min(pro, con)/(pro + con) over the actors with a position."
    return heatmap_dot(title, columns, rows, cells, note)


def build_dot(c: Comparison) -> str:
    """DOT source of the matrix picture."""
    source: str = _document(c).source
    return source


def format_svg(c: Comparison) -> str:
    """The matrix laid out with the bundled Graphviz; the same comparison gives the same bytes."""
    from argmap.rendering.svg import render_document

    data = render_document(_document(c), "svg").data
    assert isinstance(data, str)  # SVG is text
    # Graphviz names a table cell's group "a_" + its ID; the ID alone is what readers look up.
    return data.replace(' id="a_', ' id="')
