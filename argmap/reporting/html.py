"""The HTML report: one self-contained page with inline SVG and CSS, no script, no external request."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from argmap import __version__
from argmap.comparing.formats.common import SYMBOLS
from argmap.core.load import LoadedMap
from argmap.core.model import Node, NodeKind
from argmap.rendering.dot import natural_key
from argmap.rendering.svg import render_svg
from argmap.reporting.document import debate_groups
from argmap.reporting.sourceview import map_segments
from argmap.reporting.survival import survival_html

if TYPE_CHECKING:
    from argmap.comparing.comparison import Cell, ClaimRef, Comparison
    from argmap.core.model import PropositionCatalogue

__all__ = ["html_report"]

# Nothing may load from anywhere: styles are inline, pictures are inline SVG, there is no script.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #d8d8d8; --pro: #0072B2; --con: #D55E00;
  --mark: #fff1b8; --mark-target: #ffd54a; --bg: #fff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--ink); background: var(--bg);
  font: 16px/1.55 "Iowan Old Style", "Palatino Linotype", Georgia, serif; }
h1, h2, h3, nav, table, .meta, figcaption, .badge { font-family: "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .6rem; border-bottom: 2px solid var(--rule);
  padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.8rem 0 .5rem; }
a { color: #0b5394; }
.lead { color: var(--muted); margin-top: 0; }
nav ol { padding-left: 1.2rem; } nav li { margin: .15rem 0; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .92rem;
  margin: 0; }
.meta dt { color: var(--muted); } .meta dd { margin: 0; }
.thesis { border-left: 4px solid #e0b000; background: #fffaf0; padding: .6rem 1rem; margin: 1rem 0; }
figure { margin: 1rem 0; } figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .3rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .88rem; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: .2rem 0; padding-left: .7rem; border-left: 3px solid var(--rule); font-style: italic; }
.source { white-space: pre-wrap; font-size: .95rem; border: 1px solid var(--rule); padding: 1rem;
  max-height: 40rem; overflow-y: auto; }
mark { background: var(--mark); padding: 0 .05em; }
mark a { color: inherit; text-decoration: none; }
mark:target, mark:has(:target), tr:target { background: var(--mark-target); outline: 2px solid #c99a00; }
.anchor { scroll-margin-top: 4rem; }
.cell { font-weight: bold; text-align: center; white-space: nowrap; }
.cell.pro { color: var(--pro); } .cell.con { color: var(--con); } .cell.mixed { color: #6a3d9a; }
.cell.silent { color: #aaa; font-weight: normal; }
.badge { font-size: .75rem; border: 1px solid var(--rule); border-radius: .6rem; padding: 0 .4rem; }
.muted { color: var(--muted); }
@media (max-width: 40rem) { body { padding: .8rem; font-size: 15px; } .meta { grid-template-columns: 1fr; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav, .source { max-height: none; overflow: visible; }
  figure, table, blockquote { break-inside: avoid; }
  figure svg { max-height: 24cm; }
  h2 { break-before: page; } h2:first-of-type { break-before: auto; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; }
  mark a::after { content: ""; }
}
"""


def e(text: object) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape(str(text), quote=True)


def _node_link(map_id: str, node: str, text: str) -> str:
    return f'<a href="#{e(map_id)}-{e(node)}">{e(text)}</a>'


def _table(columns: list[str], rows: str, caption: str = "") -> str:
    """A scrollable table: escaped column headers (already-safe HTML rows), an optional caption."""
    head = "".join(f'<th scope="col">{e(c)}</th>' for c in columns)
    cap = f'<caption class="muted">{e(caption)}</caption>' if caption else ""
    return (
        f'<div class="scroll"><table>{cap}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    )


def _safe_url(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("https://", "http://")) else None


# ---------------------------------------------------------------- one map


def _meta(m: LoadedMap) -> str:
    src = m.map.source
    rows = [
        ("Author", m.map.author.name + (f", {m.map.author.affiliation}" if m.map.author.affiliation else ""))
    ]
    if m.map.reported_by:
        rows.append(("Known through", f"{m.map.reported_by.name}'s text (reported speech)"))
    url = _safe_url(src.url)
    title = f'<a href="{e(url)}">{e(src.title)}</a>' if url else e(src.title)
    out = [f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in rows]
    out.append(f"<dt>Source</dt><dd>{title}</dd>")
    if src.outlet:
        out.append(f"<dt>Outlet</dt><dd>{e(src.outlet)}</dd>")
    out.append(f"<dt>Date</dt><dd>{e(src.date)}</dd>")
    claims = sum(n.kind is NodeKind.CLAIM for n in m.map.nodes)
    out.append(
        f"<dt>Map</dt><dd>{claims} claims, {len(m.map.nodes) - claims} pieces of evidence, "
        f"{len(m.map.relations)} relations</dd>"
    )
    if m.map.description:
        out.append(f"<dt>Mapper's note</dt><dd>{e(m.map.description)}</dd>")
    return '<dl class="meta">' + "".join(out) + "</dl>"


def _who(m: LoadedMap, node: Node) -> str:
    parts = []
    if node.speaker:
        parts.append(e(node.speaker))
    if node.date:
        parts.append(e(node.date))
    if node.citation:
        parts.append(f"<cite>{e(node.citation)}</cite>")
    return "<br>".join(parts)


def _stance_list(node: Node) -> str:
    return "<br>".join(
        f'<a href="#prop-{e(s.proposition)}">{e(s.proposition)}</a>: {e(s.position.value)} '
        f'<span class="muted">({s.intensity})</span>'
        for s in node.stances
    )


def _node_rows(m: LoadedMap) -> str:
    rows = []
    for node in sorted(m.map.nodes, key=lambda n: natural_key(n.id)):
        nid = f"{m.id}-{node.id}"
        kind = "thesis" if node.thesis else node.kind.value
        if node.evidence_kind:
            kind += f" ({node.evidence_kind.value})"
        if node.quote:
            quote = f'<blockquote><a href="#{e(nid)}">{e(node.quote.strip())}</a></blockquote>'
            anchor = ""
        else:
            # An implicit node has no passage: the map's link for it lands on this row instead.
            quote = '<span class="muted">implicit premise, reconstructed by the mapper</span>'
            anchor = f'<span class="anchor" id="{e(nid)}"></span>'
        rows.append(
            f'<tr id="node-{e(nid)}"><th scope="row">{anchor}'
            f'<a href="#{e(m.id)}-svg-{e(nid)}">{e(node.id)}</a></th>'
            f"<td>{e(kind)}</td><td>{e(node.text)}</td><td>{quote}</td>"
            f"<td>{_who(m, node)}</td><td>{_stance_list(node)}</td></tr>"
        )
    columns = ["Id", "Kind", "Paraphrase", "Quote", "Speaker, date, citation", "Stances"]
    return _table(columns, "".join(rows))


def _source_view(m: LoadedMap) -> str:
    parts = []
    for seg in map_segments(m):
        text = e(seg.text)
        if not seg.nodes:
            parts.append(text)
            continue
        anchors = "".join(f'<span class="anchor" id="{e(m.id)}-{e(n)}"></span>' for n in seg.starts)
        first = seg.nodes[0]
        titles = ", ".join(seg.nodes)
        parts.append(
            f'<mark data-nodes="{e(titles)}">{anchors}<a href="#{e(m.id)}-svg-{e(m.id)}-{e(first)}" '
            f'title="{e(titles)}: back to the map">{text}</a></mark>'
        )
    return f'<div class="source" tabindex="0">{"".join(parts)}</div>'


def _map_section(m: LoadedMap, known: Mapping[str, LoadedMap]) -> str:
    svg = render_svg(m, peers=known, embed=True, links=True)
    thesis = next((n for n in m.map.nodes if n.thesis), None)
    thesis_html = ""
    if thesis is not None:
        quote = f"<blockquote>{e(thesis.quote.strip())}</blockquote>" if thesis.quote else ""
        thesis_html = f'<div class="thesis"><strong>Main thesis.</strong> {e(thesis.text)}{quote}</div>'
    return (
        f'<section id="map-{e(m.id)}" aria-labelledby="h-map-{e(m.id)}">'
        f'<h2 id="h-map-{e(m.id)}">{e(m.map.author.name)}: {e(m.map.title)}</h2>'
        f"{_meta(m)}{thesis_html}"
        f"<figure>{svg}<figcaption>Argument map of {e(m.map.author.name)}. Click a node to jump to "
        "its passage in the source; click a passage to come back.</figcaption></figure>"
        f'<h3 id="map-{e(m.id)}-nodes">Claims and evidence</h3>{_node_rows(m)}'
        f'<h3 id="map-{e(m.id)}-source">Source text</h3>'
        f'<p class="muted">Every quoted passage is highlighted; overlapping quotes share a highlight.</p>'
        f"{_source_view(m)}</section>"
    )


# ---------------------------------------------------------------- comparison


def _claim_quotes(refs: Sequence[ClaimRef]) -> str:
    return "".join(
        f"<blockquote>{_node_link(r.map, r.node, (r.quote or r.text).strip())} "
        f'<span class="muted">({e(r.map)}:{e(r.node)}, {e(r.position)} {r.intensity})</span></blockquote>'
        for r in refs
    )


def _cell_html(cell: Cell) -> str:
    label = f"{SYMBOLS[cell.position]} {cell.position}"
    if not cell.claims:
        return f'<td class="cell silent">{e(label)}</td>'
    first = cell.claims[0]
    tip = "; ".join(f"{r.map}:{r.node} {r.position}" for r in cell.claims)
    return (
        f'<td class="cell {e(cell.position)}"><a href="#{e(first.map)}-{e(first.node)}" '
        f'title="{e(tip)}">{e(label)}</a></td>'
    )


def _matrix(c: Comparison) -> str:
    rows = []
    for summary, row in zip(c.propositions, c.matrix, strict=True):
        cells = "".join(_cell_html(cell) for cell in row)
        rows.append(
            f'<tr id="prop-{e(summary.id)}"><th scope="row">{e(summary.text)} '
            f'<span class="badge">{e(summary.id)}</span></th>{cells}'
            f'<td class="num">{summary.contestation:.2f}</td></tr>'
        )
    caption = (
        "+ pro, \u2212 con, 0 neutral, \u00b1 mixed, \u00b7 silent. "
        "Contestation: 2\u00b7min(pro, con)/(pro + con)."
    )
    columns = ["Proposition", *(a.label for a in c.actors), "Contestation"]
    return _table(columns, "".join(rows), caption)


DASH = "\u2013"


def _fmt(value: float | None) -> str:
    return DASH if value is None else f"{value:.2f}"


def _pairs(c: Comparison) -> str:
    label = {a.id: a.label for a in c.actors}
    rows = "".join(
        f'<tr><th scope="row">{e(label[p.a])} \u2013 {e(label[p.b])}</th><td class="num">{p.shared}</td>'
        f'<td class="num">{_fmt(p.coverage)}</td><td class="num">{_fmt(p.agreement)}</td>'
        f'<td class="num">{_fmt(p.opposition)}</td><td class="num">{_fmt(p.cosine)}</td>'
        f"<td>{e(', '.join(p.disagree_on)) or DASH}</td></tr>"
        for p in c.pairs
    )
    return _table(["Pair", "Shared", "Coverage", "Agreement", "Opposition", "Cosine", "Opposed on"], rows)


def _disagreements(c: Comparison) -> str:
    label = {a.id: a.label for a in c.actors}
    out = []
    for pair in c.pairs:
        for prop in pair.disagree_on:
            a, b = c.cell(prop, pair.a), c.cell(prop, pair.b)
            columns = [f"{label[pair.a]}: {a.position}", f"{label[pair.b]}: {b.position}"]
            row = f"<tr><td>{_claim_quotes(a.claims)}</td><td>{_claim_quotes(b.claims)}</td></tr>"
            out.append(f"<h4>{e(c.summary(prop).text)}</h4>{_table(columns, row)}")
    return "".join(out) or '<p class="muted">No pair of authors takes opposite positions.</p>'


def _engagements(c: Comparison) -> str:
    if not c.engagements:
        return '<p class="muted">No map answers another among those compared.</p>'
    label = {a.id: a.label for a in c.actors}
    rows = "".join(
        f'<tr><th scope="row">{e(label.get(g.source_actor, g.source_actor))}</th><td>{e(g.type)}s</td>'
        f"<td>{e(label.get(g.target_actor, g.target_actor))}</td>"
        f"<td>{'<br>'.join(_node_link(p.map, p.node, p.text) for p in g.premises)}</td>"
        f"<td>{_node_link(g.target.map, g.target.node, g.target.text)}</td>"
        f"<td>{'yes' if g.answered else 'no'}</td></tr>"
        for g in c.engagements
    )
    return _table(["Who", "Does", "Whom", "With", "Against / for", "Answered"], rows)


def _timeline(c: Comparison) -> str:
    if not c.evidence:
        return '<p class="muted">No dated evidence.</p>'
    label = {a.id: a.label for a in c.actors}
    rows = "".join(
        f"<tr><td>{e(item.date)}</td><td>{e(label.get(item.actor, item.actor))}</td>"
        f"<td>{_node_link(item.map, item.node, item.text)}</td>"
        f"<td>{e(item.kind or '')}</td><td>{e(item.speaker or '')}</td>"
        f"<td><cite>{e(item.citation or '')}</cite></td></tr>"
        for item in c.evidence
    )
    table = _table(["Date", "Cited by", "Evidence", "Kind", "Speaker", "Citation"], rows)
    shared = "".join(
        f"<li>{_node_link(s.a_map, s.a_node, f'{s.a_map}:{s.a_node}')} and "
        f"{_node_link(s.b_map, s.b_node, f'{s.b_map}:{s.b_node}')} ({s.similarity:.0%} similar)"
        + (f" \u2014 used to opposite conclusions on {e(', '.join(s.opposite_on))}" if s.opposite else "")
        + "</li>"
        for s in c.shared_events
    )
    if not shared:
        return table
    return f'{table}<h3 id="shared-events">Events cited by more than one author</h3><ul>{shared}</ul>'


def _comparison_section(c: Comparison, maps: Sequence[LoadedMap], known: Mapping[str, LoadedMap]) -> str:
    merged = []
    for group in debate_groups(maps):
        ids = "-".join(m.id for m in group)
        svg = render_svg(group, peers=known, embed=True, links=True, id_prefix=f"merged-{ids}-svg-")
        names = " and ".join(m.map.author.name for m in group)
        merged.append(
            f"<figure>{svg}<figcaption>{e(names)} answer each other: one cluster per author."
            "</figcaption></figure>"
        )
    merged_html = (
        f'<h3 id="debate-maps">Authors who answer each other</h3>{"".join(merged)}' if merged else ""
    )
    return (
        '<section id="comparison" aria-labelledby="h-comparison"><h2 id="h-comparison">Comparison</h2>'
        '<p class="muted">How the measures are computed: docs/compare.md in the argmap repository. '
        "An author's column counts the claims they make in their own voice; quoted speakers are not "
        "counted for them.</p>"
        f'<h3 id="stance-matrix">Stance matrix</h3>{_matrix(c)}'
        f'<h3 id="pairs">Pairs of authors</h3>{_pairs(c)}'
        f'<h3 id="disagreements">Where they disagree, in their words</h3>{_disagreements(c)}'
        f'<h3 id="engagement">Who answers whom</h3>{_engagements(c)}'
        f"{merged_html}"
        f'<h3 id="timeline">Evidence timeline</h3>{_timeline(c)}</section>'
    )


# ---------------------------------------------------------------- page


def html_report(
    maps: Sequence[LoadedMap],
    comparison: Comparison | None,
    catalogue: PropositionCatalogue | None,
    known: Mapping[str, LoadedMap],
) -> str:
    """The whole page."""
    names = ", ".join(m.map.author.name for m in maps)
    title = f"Argument maps: {names}"
    toc = [f'<li><a href="#map-{e(m.id)}">{e(m.map.author.name)}: {e(m.map.title)}</a></li>' for m in maps]
    if comparison is not None:
        toc.append(
            '<li><a href="#comparison">Comparison</a><ol>'
            '<li><a href="#stance-matrix">Stance matrix</a></li>'
            '<li><a href="#pairs">Pairs of authors</a></li>'
            '<li><a href="#disagreements">Disagreements</a></li>'
            '<li><a href="#engagement">Who answers whom</a></li>'
            '<li><a href="#timeline">Evidence timeline</a></li></ol></li>'
        )
    sections = "".join(_map_section(m, known) for m in maps)
    if comparison is not None:
        sections += _comparison_section(comparison, maps, known)
    survival = survival_html(maps, known)
    if survival:
        toc.append('<li><a href="#survival">What survives</a></li>')
        sections += survival
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="argmap {e(__version__)}">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{e(title)}</h1><p class="lead">{len(maps)} argument maps, each tied to verbatim '
        "quotes of its source.</p></header>\n"
        f'<nav aria-label="Contents"><h2>Contents</h2><ol>{"".join(toc)}</ol></nav>\n'
        f"<main>{sections}</main>\n"
        '<footer class="muted"><p>Made with argmap. Quotes are verbatim; '
        "paraphrases are the mapper's.</p></footer>\n"
        "</body>\n</html>\n"
    )
