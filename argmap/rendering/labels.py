"""The label grammar: what each node says and how user text is made safe for DOT and XML."""

from __future__ import annotations

import html
import re
import textwrap

import graphviz

from argmap.core.escaping import xml_text
from argmap.core.load import LoadedMap
from argmap.core.model import Node, NodeKind, RelationType
from argmap.rendering.options import RenderOptions
from argmap.rendering.style import Theme

__all__ = [
    "clean",
    "describe",
    "dot_escape",
    "html_lines",
    "html_title",
    "named_title",
    "natural_key",
    "node_label",
    "node_tooltip",
    "short",
    "title_text",
]


def natural_key(value: str) -> tuple[tuple[int, int | str], ...]:
    """Sort c2 before c10."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", value) if p)


def clean(text: str) -> str:
    """User text with characters that XML cannot carry replaced (Graphviz copies labels into SVG)."""
    return xml_text(text)


def html_lines(text: str, width: int) -> str:
    """Text wrapped to `width` as left-aligned lines of a Graphviz HTML label, escaped."""
    lines = textwrap.wrap(clean(text), width=width, break_long_words=True) or [""]
    return '<BR ALIGN="LEFT"/>'.join(html.escape(line, quote=True) for line in lines) + '<BR ALIGN="LEFT"/>'


def short(text: str, limit: int) -> str:
    """Text on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def dot_escape(text: str) -> str:
    """A value Graphviz shows as plain text (tooltips), whatever backslashes or brackets it holds."""
    # escString: backslash sequences mean things (\n, \l, \N); double them to keep them text.
    # nohtml: the graphviz package would take a value in <...> for an HTML label.
    escaped: str = graphviz.nohtml(text.replace("\\", "\\\\"))
    return escaped


def named_title(m: LoadedMap, limit: int | None = None) -> str:
    """ "Author: title", or the title alone when it already begins with the author's name or surname
    ("Panov: Japan has chosen America"), so no title names its author twice."""
    name = " ".join(m.map.author.name.split())
    title = " ".join(m.map.title.split())
    surname = name.rsplit(" ", 1)[-1]
    named = any(re.match(rf"{re.escape(who)}(?!\w)", title, re.IGNORECASE) for who in (name, surname) if who)
    shown = short(title, limit) if limit else title
    return shown if named else f"{name}: {shown}"


def title_text(m: LoadedMap) -> str:
    """A picture's title line: the named title, cut to 90 characters, and the source's date."""
    return f"{named_title(m, 90)} ({m.map.source.date})"


def html_title(m: LoadedMap) -> str:
    """A map's title as a Graphviz HTML label of one bold text run.

    One run, because Graphviz places each run by its own font metrics and browsers then draw
    separate runs with gaps or overlaps ("Alexander Panov    : Panov: ...").
    """
    return f"<<B>{html.escape(clean(title_text(m)), quote=True)}</B>>"


def node_label(m: LoadedMap, node: Node, options: RenderOptions, theme: Theme) -> str:
    """A node's HTML label: speaker or implicit mark, the text or quote, date and citation."""
    t = theme
    opts = options
    if opts.labels == "id":
        body = html.escape(node.id, quote=True) + '<BR ALIGN="LEFT"/>'
    elif opts.labels == "quote" and node.quote:
        body = html_lines("\u201c" + node.quote.strip() + "\u201d", opts.wrap)
    else:
        body = html_lines(node.text, opts.wrap)
    if node.thesis:
        body = f"<B>{body}</B>"
    head = ""
    if node.speaker and node.speaker != m.map.author.name:
        speaker = html.escape(clean(short(node.speaker, opts.wrap + 12)), quote=True)
        head = f'<FONT POINT-SIZE="9" COLOR="{t.muted}"><I>{speaker}:</I></FONT><BR ALIGN="LEFT"/>'
    elif node.implicit:
        head = f'<FONT POINT-SIZE="9" COLOR="{t.muted}"><I>implicit premise</I></FONT><BR ALIGN="LEFT"/>'
    foot_parts = [p for p in (node.date, node.citation) if p]
    foot = ""
    if foot_parts and opts.labels != "id":
        small = html.escape(clean(short(" \u00b7 ".join(foot_parts), opts.wrap + 12)), quote=True)
        foot = f'<FONT POINT-SIZE="9" COLOR="{t.muted}">{small}</FONT><BR ALIGN="LEFT"/>'
    return f"<{head}{body}{foot}>"


def node_tooltip(m: LoadedMap, node: Node) -> str:
    """A node's tooltip: who, what kind, the text, the quote and the evidence details."""
    kind = "main thesis" if node.thesis else node.kind.value
    lines = [f"{m.map.author.name} \u00b7 {node.id} ({kind}): {node.text}"]
    if node.quote:
        lines.append(f"\u201c{node.quote.strip()}\u201d")
    else:
        lines.append("implicit premise: reconstructed by the mapper, not in the text")
    if node.speaker:
        lines.append(f"speaker: {node.speaker}")
    if node.evidence_kind:
        lines.append(f"evidence: {node.evidence_kind.value}")
    if node.date:
        lines.append(f"date: {node.date}")
    if node.citation:
        lines.append(f"citation: {node.citation}")
    return clean("\n".join(lines))


def describe(m: LoadedMap) -> str:
    """One sentence that says what a map holds, for the SVG's description."""
    thesis = next((n for n in m.map.nodes if n.thesis), None)
    claims = sum(n.kind is NodeKind.CLAIM for n in m.map.nodes)
    evidence = len(m.map.nodes) - claims
    supports = sum(r.type is RelationType.SUPPORT for r in m.map.relations)
    attacks = len(m.map.relations) - supports
    text = (
        f"{m.map.author.name}, {m.map.title} ({m.map.source.date}): {claims} claims, "
        f"{evidence} pieces of evidence, {supports} supports, {attacks} attacks"
    )
    return text + (f"; main thesis: {thesis.text}" if thesis else "")
