"""The HTML report: one self-contained page, inline SVG and CSS, one hashed script, no external request."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from argmap import __version__
from argmap.comparing.formats.common import SYMBOLS, number, sides
from argmap.core.escaping.xml import xml_label
from argmap.core.ids import element_id, role_id
from argmap.core.load import LoadedMap
from argmap.core.model import Node, NodeKind
from argmap.core.wording import count
from argmap.rendering.dot import natural_key
from argmap.rendering.labels import named_title
from argmap.rendering.svg import render_svg
from argmap.reporting.css import CSS
from argmap.reporting.document import debate_groups, left_out
from argmap.reporting.sourceview import map_segments
from argmap.reporting.survival import survival_html
from argmap.reporting.viewer import csp, map_figure, script_tag

if TYPE_CHECKING:
    from argmap.comparing.comparison import Cell, ClaimRef, Comparison

__all__ = ["html_report"]


def e(text: object) -> str:
    """Escape text for HTML content and attribute values (the XML rules: inline SVG shares them)."""
    return xml_label(str(text))


def _in_picture(map_id: str, eid: str) -> str:
    """The id of an element in the map's embedded picture (render_svg's embed prefix MAP._svg.)."""
    return f"{role_id(map_id, 'svg')}.{eid}"


def _node_link(map_id: str, node: str, text: str) -> str:
    return f'<a href="#{e(element_id(map_id, node))}">{e(text)}</a>'


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
        f"<dt>Map</dt><dd>{count(claims, 'claim')}, {count(len(m.map.nodes) - claims, 'piece of evidence')}, "
        f"{count(len(m.map.relations), 'relation')}</dd>"
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
        nid = element_id(m.id, node.id)
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
            f'<tr id="{e(role_id(m.id, "row", node.id))}"><th scope="row">{anchor}'
            f'<a href="#{e(_in_picture(m.id, nid))}">{e(node.id)}</a></th>'
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
        anchors = "".join(f'<span class="anchor" id="{e(element_id(m.id, n))}"></span>' for n in seg.starts)
        first = seg.nodes[0]
        titles = ", ".join(seg.nodes)
        back = _in_picture(m.id, element_id(m.id, first))
        parts.append(
            f'<mark data-nodes="{e(titles)}">{anchors}<a href="#{e(back)}" '
            f'title="{e(titles)}: back to the map">{text}</a></mark>'
        )
    return f'<div class="source" tabindex="0">{"".join(parts)}</div>'


def _stance_links(m: LoadedMap, comparison: Comparison | None) -> str:
    """Links from a map to its cells in the stance matrix."""
    if comparison is None:
        return ""
    links = [
        f'<a href="#{e(_cell_id(cell))}">{e(SYMBOLS[cell.position])} {e(cell.position)}: {e(summary.id)}</a>'
        for summary, row in zip(comparison.propositions, comparison.matrix, strict=True)
        for cell in row
        if any(r.map == m.id for r in cell.claims)
    ]
    if not links:
        return ""
    return f'<p class="stance-links">In the stance matrix: {", ".join(links)}</p>'


def _map_section(m: LoadedMap, known: Mapping[str, LoadedMap], comparison: Comparison | None) -> str:
    svg = render_svg(m, peers=known, embed=True, links=True, legend=True)
    thesis = next((n for n in m.map.nodes if n.thesis), None)
    thesis_html = ""
    if thesis is not None:
        quote = f"<blockquote>{e(thesis.quote.strip())}</blockquote>" if thesis.quote else ""
        thesis_html = f'<div class="thesis"><strong>Main thesis.</strong> {e(thesis.text)}{quote}</div>'
    caption = (
        f"Argument map of {e(m.map.author.name)}. Click a node to jump to its passage in the source; "
        "click a passage to come back."
    )
    figure = map_figure(svg, [m], caption, f"Argument map of {m.map.author.name}")
    return (
        f'<section id="map-{e(m.id)}" aria-labelledby="h-map-{e(m.id)}">'
        f'<h2 id="h-map-{e(m.id)}">{e(named_title(m))}</h2>'
        f"{_meta(m)}{thesis_html}{_stance_links(m, comparison)}{figure}"
        f'<h3 id="{e(role_id(m.id, "nodes"))}">Claims and evidence</h3>{_node_rows(m)}'
        f'<h3 id="{e(role_id(m.id, "source"))}">Source text</h3>'
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


def _cell_id(cell: Cell) -> str:
    return f"stance-{cell.actor}--{cell.proposition}"


def _cell_html(cell: Cell, actor: str) -> str:
    symbol = f'<span class="sym" aria-hidden="true">{e(SYMBOLS[cell.position])}</span> {e(cell.position)}'
    ident = f'id="{e(_cell_id(cell))}" class="cell {e(cell.position)}"'
    if not cell.claims:
        return f'<td {ident} title="{e(actor)}: silent">{symbol}</td>'
    first = cell.claims[0]
    tip = f"{actor}: " + "; ".join(
        f"{r.map}:{r.node} {r.position}" + (f" about {r.period}" if r.period else "") for r in cell.claims
    )
    href = e(element_id(first.map, first.node))
    # The time the stances are about, shown in the cell: a clash needs the times to overlap.
    when = f'<br><small class="when">{e(cell.period)}</small>' if cell.period else ""
    return f'<td {ident}><a href="#{href}" title="{e(tip)}">{symbol}</a>{when}</td>'


_KEY = "".join(
    f'<li class="cell {p}"><span class="sym" aria-hidden="true">{s}</span> {p}</li>'
    for p, s in SYMBOLS.items()
)


def _matrix(c: Comparison) -> str:
    rows = []
    label = {a.id: a.label for a in c.actors}
    for summary, row in zip(c.propositions, c.matrix, strict=True):
        cells = "".join(_cell_html(cell, label.get(cell.actor, cell.actor)) for cell in row)
        rows.append(
            f'<tr id="prop-{e(summary.id)}"><th scope="row">{e(summary.text)} '
            f'<span class="badge">{e(summary.id)}</span></th>{cells}'
            f'<td class="num">{summary.contestation:.2f}</td></tr>'
        )
    head = "".join(f'<th scope="col">{e(c)}</th>' for c in ["Proposition", *label.values(), "Contestation"])
    return (
        f'<div class="scroll"><table class="heatmap"><caption class="muted">Stance of each author on each '
        "proposition; click a cell for the claim behind it. Contestation: 2\u00b7min(pro, con)/(pro + con)."
        f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        f'<ul class="key" aria-label="Key">{_KEY}</ul>'
    )


DASH = "\u2013"


def _pairs(c: Comparison) -> str:
    label = {a.id: a.label for a in c.actors}
    rows = "".join(
        f'<tr><th scope="row">{e(label[p.a])} \u2013 {e(label[p.b])}</th><td class="num">{p.shared}</td>'
        f'<td class="num">{number(p.coverage)}</td><td class="num">{number(p.agreement)}</td>'
        f'<td class="num">{number(p.opposition)}</td><td class="num">{number(p.cosine)}</td>'
        f"<td>{e(', '.join(p.disagree_on)) or DASH}</td></tr>"
        for p in c.pairs
    )
    return _table(["Pair", "Shared", "Coverage", "Agreement", "Opposition", "Cosine", "Opposed on"], rows)


def _disagreements(c: Comparison) -> str:
    # Per proposition, the two sides, each author's quotes once (not once per opposed pair).
    label = {a.id: a.label for a in c.actors}
    out = []
    for prop, pro, con in sides(c):
        cells = [
            "".join(
                f"<p><strong>{e(label[x.actor])}</strong> ({x.position}){_claim_quotes(x.claims)}</p>"
                for x in side
            )
            for side in (pro, con)
        ]
        row = f"<tr><td>{cells[0]}</td><td>{cells[1]}</td></tr>"
        out.append(f"<h4>{e(c.summary(prop).text)}</h4>{_table(['For', 'Against'], row)}")
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
        # Embedded with its default prefix, the group's name: GROUP._svg.
        svg = render_svg(group, peers=known, embed=True, links=True)
        names = " and ".join(m.map.author.name for m in group)
        caption = f"{e(names)} answer each other: one cluster per author."
        merged.append(map_figure(svg, group, caption, f"Argument maps of {names}"))
    merged_html = (
        f'<h3 id="debate-maps">Authors who answer each other</h3>{"".join(merged)}' if merged else ""
    )
    return (
        '<section id="comparison" aria-labelledby="h-comparison"><h2 id="h-comparison">Comparison</h2>'
        '<p class="muted">How the measures are computed: docs/compare.md in the argmap repository. '
        "An author's column counts the claims they make in their own voice; quoted speakers are not "
        "counted for them.</p>"
        + "".join(f'<p class="muted">{e(note)}</p>' for note in left_out(maps, c))
        + f'<h3 id="stance-matrix">Stance matrix</h3>{_matrix(c)}'
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
    known: Mapping[str, LoadedMap],
) -> str:
    """The whole page."""
    names = ", ".join(m.map.author.name for m in maps)
    title = f"Argument maps: {names}"
    toc = [f'<li><a href="#map-{e(m.id)}">{e(named_title(m))}</a></li>' for m in maps]
    if comparison is not None:
        toc.append(
            '<li><a href="#comparison">Comparison</a><ol>'
            '<li><a href="#stance-matrix">Stance matrix</a></li>'
            '<li><a href="#pairs">Pairs of authors</a></li>'
            '<li><a href="#disagreements">Disagreements</a></li>'
            '<li><a href="#engagement">Who answers whom</a></li>'
            '<li><a href="#timeline">Evidence timeline</a></li></ol></li>'
        )
    sections = "".join(_map_section(m, known, comparison) for m in maps)
    if comparison is not None:
        sections += _comparison_section(comparison, maps, known)
    survival = survival_html(maps, known)
    if survival:
        toc.append('<li><a href="#survival">What survives</a></li>')
        sections += survival
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp()}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="argmap {e(__version__)}">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header id="top"><h1>{e(title)}</h1><p class="lead">{count(len(maps), "argument map")}, '
        "each tied to verbatim quotes of its source.</p></header>\n"
        '<div class="page">'
        f'<nav class="toc" aria-label="Contents"><details open><summary>Contents</summary>'
        f"<ol>{''.join(toc)}</ol></details></nav>\n"
        f"<main>{sections}</main></div>\n"
        '<a class="totop" href="#top">\u2191 Top</a>\n'
        '<footer class="muted"><p>Made with argmap. Quotes are verbatim; '
        "paraphrases are the mapper's.</p></footer>\n"
        f"{script_tag()}\n</body>\n</html>\n"
    )
