"""A stance matrix as a picture: propositions by actors, a coloured cell with a symbol and a word each.

Built like the maps (rendering's escaping, themes and SVG finishing), as one Graphviz HTML table:
a matrix reads at any size, where a bipartite network of every stance becomes a tangle. Okabe-Ito
colours that also separate in grey; the symbol and word mean colour is never the only cue.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import graphviz

from argmap.rendering.labels import clean, html_lines
from argmap.rendering.options import DotDocument

__all__ = ["HEAT", "HeatCell", "heatmap_dot"]

# position: (fill, text colour, symbol). Lightness in grey: pro < con < mixed < neutral < silent.
HEAT = {
    "pro": ("#0072B2", "#ffffff", "+"),
    "con": ("#D55E00", "#ffffff", "\u2212"),
    "mixed": ("#CC79A7", "#1a1a1a", "\u00b1"),
    "neutral": ("#E0E0E0", "#1a1a1a", "0"),
    "silent": ("#FFFFFF", "#777777", "\u00b7"),
}


@dataclass(frozen=True)
class HeatCell:
    """One cell: its position, an element id and a tooltip (the claims behind it)."""

    position: str
    ident: str
    tooltip: str


def _text(value: str) -> str:
    return html.escape(clean(value), quote=True)


def _centred(text: str, width: int) -> str:
    return "<BR/>".join(_text(line) for line in textwrap.wrap(clean(text), width) or [""])


def _cell(cell: HeatCell) -> str:
    fill, ink, symbol = HEAT[cell.position]
    border = ' STYLE="dashed" COLOR="#BBBBBB"' if cell.position == "silent" else ' COLOR="#FFFFFF"'
    return (
        f'<TD ID="{_text(cell.ident)}" TOOLTIP="{_text(cell.tooltip)}" '
        f'BGCOLOR="{fill}"{border} BORDER="1" WIDTH="64" HEIGHT="26">'
        f'<FONT COLOR="{ink}"><B>{_text(symbol)}</B> {_text(cell.position)}</FONT></TD>'
    )


def heatmap_dot(
    title: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[tuple[str, str, str]],
    cells: Sequence[Sequence[HeatCell]],
    note: str = "",
) -> DotDocument:
    """DOT of the matrix: columns (id, label), rows (id, label, right-hand figure), cells row by row."""
    head = "".join(
        f'<TD ID="{_text(ident)}" TOOLTIP="{_text(label)}" VALIGN="BOTTOM"><B>{_centred(label, 12)}</B></TD>'
        for ident, label in columns
    )
    body = []
    for (ident, label, figure), row in zip(rows, cells, strict=True):
        body.append(
            f'<TR><TD ID="{_text(ident)}" TOOLTIP="{_text(label)}" ALIGN="LEFT" '
            f'BALIGN="LEFT">{html_lines(label, 44)}</TD>{"".join(_cell(c) for c in row)}'
            f'<TD ALIGN="RIGHT"><FONT COLOR="#555555">{_text(figure)}</FONT></TD></TR>'
        )
    key = "".join(
        f'<TD BGCOLOR="{fill}" COLOR="#BBBBBB" BORDER="1" FIXEDSIZE="TRUE" WIDTH="64" HEIGHT="20">'
        f'<FONT COLOR="{ink}" POINT-SIZE="10">'
        f"<B>{_text(symbol)}</B> {position}</FONT></TD>"
        for position, (fill, ink, symbol) in HEAT.items()
    )
    span = len(columns) + 2
    label = (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">'
        f'<TR><TD COLSPAN="{span}" ALIGN="LEFT"><FONT POINT-SIZE="16"><B>{_text(title)}</B></FONT></TD></TR>'
        f'<TR><TD ALIGN="LEFT" VALIGN="BOTTOM"><B>Proposition</B></TD>{head}'
        '<TD VALIGN="BOTTOM"><B>Contested</B></TD></TR>'
        f"{''.join(body)}"
        f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">'
        '<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="3" ALIGN="LEFT"><TR>'
        f'<TD><FONT POINT-SIZE="10">Key:</FONT></TD>{key}</TR></TABLE></TD></TR>'
        + (
            f'<TR><TD COLSPAN="{span}" ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="#555555">{_text(note)}'
            "</FONT></TD></TR>"
            if note
            else ""
        )
        + "</TABLE>>"
    )
    g = graphviz.Digraph(name="matrix")
    g.attr(bgcolor="white", fontname="Helvetica", id="graph")
    g.node("matrix", label=label, shape="plain", fontname="Helvetica", fontsize="11", id="matrix")
    return DotDocument(
        source=g.source,
        tooltips={},
        title=clean(title),
        description=clean(f"{len(rows)} propositions by {len(columns)} actors: " + note),
        node_count=1,
    )
