"""The key of a map: only the entries the picture uses, in reading order, as one compact node.

One HTML-table node instead of a cluster of sample nodes and edges: it takes a single slot in the
layout (Graphviz places it at the side, in the first rank) rather than a band across the picture,
and it stays small (tests/test_legend.py checks it covers at most 15% of the picture).
"""

from __future__ import annotations

from collections.abc import Collection

from argmap.rendering.style import Theme

__all__ = ["ENTRIES", "legend_label"]

# Reading order: node kinds as a reader meets them, then the lines between them.
ENTRIES = (
    "claim",
    "evidence",
    "thesis",
    "implicit",
    "ghost",
    "support",
    "attack",
    "linked",
    "undercut",
)

_WORDS = {
    "claim": "claim",
    "evidence": "evidence",
    "thesis": "main thesis",
    "implicit": "implicit premise",
    "ghost": "another map\u2019s node",
    "support": "supports",
    "attack": "attacks",
    "linked": "linked premises meet at a dot",
    "undercut": "attack on a relation (undercut)",
}


def _swatch(entry: str, t: Theme) -> str:
    """A small sample of the node or line, drawn with table borders and text glyphs."""
    box = '<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0" FIXEDSIZE="TRUE" '
    size = 'WIDTH="22" HEIGHT="12"'
    if entry == "claim":
        return (
            f'{box}{size} STYLE="rounded" COLOR="{t.border}" BGCOLOR="{t.claim_fill}">'
            "<TR><TD></TD></TR></TABLE>"
        )
    if entry == "evidence":
        return f'{box}{size} COLOR="{t.border}" BGCOLOR="{t.evidence_fill}"><TR><TD></TD></TR></TABLE>'
    if entry == "thesis":
        inner = (
            f'<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0" FIXEDSIZE="TRUE" '
            f'WIDTH="18" HEIGHT="8" STYLE="rounded" COLOR="{t.border}" BGCOLOR="{t.thesis_fill}">'
            "<TR><TD></TD></TR></TABLE>"
        )
        return (
            f'<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="1" CELLSPACING="0" STYLE="rounded" '
            f'COLOR="{t.border}" BGCOLOR="{t.thesis_fill}"><TR><TD>{inner}</TD></TR></TABLE>'
        )
    if entry == "implicit":
        return (
            f'{box}{size} STYLE="rounded,dashed" COLOR="{t.border}" BGCOLOR="{t.claim_fill}">'
            "<TR><TD></TD></TR></TABLE>"
        )
    if entry == "ghost":
        return f'{box}{size} STYLE="rounded,dotted" COLOR="{t.muted}"><TR><TD></TD></TR></TABLE>'
    glyphs = {
        "support": (t.support, "\u2500\u2500\u25b6"),
        "attack": (t.attack, "\u254c\u254c\u2524"),
        "linked": (t.support, "\u2500\u25cf\u2500\u25b6"),
        "undercut": (t.attack, "\u254c\u254c\u2524\u25cf"),
    }
    colour, text = glyphs[entry]
    return f'<FONT COLOR="{colour}" POINT-SIZE="10">{text}</FONT>'


def legend_label(used: Collection[str], t: Theme) -> str | None:
    """The key as a Graphviz HTML label, or None when the picture uses nothing worth a key."""
    entries = [e for e in ENTRIES if e in used]
    if not entries:
        return None
    rows = "".join(
        f'<TR><TD ALIGN="CENTER">{_swatch(e, t)}</TD>'
        f'<TD ALIGN="LEFT"><FONT POINT-SIZE="9">{_WORDS[e]}</FONT></TD></TR>'
        for e in entries
    )
    return (
        f'<<TABLE BORDER="1" STYLE="rounded" COLOR="{t.muted}" BGCOLOR="{t.background}" CELLBORDER="0" '
        f'CELLSPACING="1" CELLPADDING="1">'
        f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="9"><B>Key</B></FONT></TD></TR>{rows}</TABLE>>'
    )
