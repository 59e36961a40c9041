"""The Markdown report: the HTML report's content for GitHub, MkDocs or Quarto, with SVG files beside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from argmap.comparing.formats.common import SYMBOLS, number, sides
from argmap.core.escaping import md, md_table
from argmap.core.ids import element_id, group_id
from argmap.core.load import LoadedMap
from argmap.core.model import NodeKind
from argmap.core.wording import count
from argmap.rendering.dot import natural_key
from argmap.rendering.labels import named_title
from argmap.rendering.svg import render_svg
from argmap.reporting.document import Report, debate_groups, left_out
from argmap.reporting.sourceview import map_segments
from argmap.reporting.survival import survival_markdown

if TYPE_CHECKING:
    from argmap.comparing.comparison import ClaimRef, Comparison

__all__ = ["markdown_report"]


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    return "\n".join(md_table(head, rows)) + "\n"


def _anchor(map_id: str, node: str) -> str:
    return f'<a id="{element_id(map_id, node)}"></a>'


def _map_section(m: LoadedMap, known: Mapping[str, LoadedMap], asset: str) -> list[str]:
    src = m.map.source
    out = [f"## {md(named_title(m))}", ""]
    meta = [
        f"- **Author:** {md(m.map.author.name)}"
        + (f", {md(m.map.author.affiliation)}" if m.map.author.affiliation else "")
    ]
    if m.map.reported_by:
        meta.append(f"- **Known through:** {md(m.map.reported_by.name)}'s text \\(reported speech\\)")
    meta.append(
        f"- **Source:** {md(src.title)}" + (f", {md(src.outlet)}" if src.outlet else "") + f", {md(src.date)}"
    )
    claims = sum(n.kind is NodeKind.CLAIM for n in m.map.nodes)
    meta.append(
        f"- **Map:** {count(claims, 'claim')}, {count(len(m.map.nodes) - claims, 'piece of evidence')}, "
        f"{count(len(m.map.relations), 'relation')}"
    )
    out += [*meta, ""]
    thesis = next((n for n in m.map.nodes if n.thesis), None)
    if thesis is not None:
        out += [f"**Main thesis.** {md(thesis.text)}", ""]
        if thesis.quote:
            out += [f"> {md(thesis.quote.strip())}", ""]
    out += [f"![Argument map of {md(m.map.author.name)}]({asset})", "", "### Claims and evidence", ""]
    rows = []
    for node in sorted(m.map.nodes, key=lambda n: natural_key(n.id)):
        kind = "thesis" if node.thesis else node.kind.value
        quote = (
            f"[{md(node.quote.strip())}](#{element_id(m.id, node.id)})"
            if node.quote
            else "*implicit premise*"
        )
        who = "; ".join(md(x) for x in (node.speaker, node.date, node.citation) if x)
        stances = "; ".join(
            f"{md(s.proposition)}: {s.position.value} \\({s.intensity}\\)" for s in node.stances
        )
        rows.append([md(node.id), kind, md(node.text), quote, who, stances])
    out += [_table(["Id", "Kind", "Paraphrase", "Quote", "Speaker, date, citation", "Stances"], rows)]
    out += ["### Source text", "", "Quoted passages are in bold.", ""]
    paragraph: list[str] = []
    for seg in map_segments(m):
        anchors = "".join(_anchor(m.id, n) for n in seg.starts)
        pieces = seg.text.split("\n\n")
        for i, piece in enumerate(pieces):
            if i:
                out += ["".join(paragraph).strip(), ""]
                paragraph = []
            if piece.strip():
                text = md(piece)
                paragraph.append(anchors + (f"**{text}**" if seg.nodes else text) + " ")
                anchors = ""
    if paragraph:
        out += ["".join(paragraph).strip(), ""]
    return out


def _quotes(refs: Sequence[ClaimRef]) -> str:
    return "<br>".join(f"[{md((r.quote or r.text).strip())}](#{element_id(r.map, r.node)})" for r in refs)


def _comparison(c: Comparison, notes: Sequence[str], merged_assets: Sequence[tuple[str, str]]) -> list[str]:
    label = {a.id: md(a.label) for a in c.actors}
    out = ["## Comparison", ""]
    for note in notes:
        out += [md(note), ""]
    out += ["### Stance matrix", ""]
    out.append("\\+ pro, \u2212 con, 0 neutral, \u00b1 mixed, \u00b7 silent.")
    out.append("")
    rows = [
        [
            f"{md(s.text)} \\({md(s.id)}\\)",
            *(f"{SYMBOLS[cell.position]} {cell.position}" for cell in row),
            f"{s.contestation:.2f}",
        ]
        for s, row in zip(c.propositions, c.matrix, strict=True)
    ]
    out += [_table(["Proposition", *(label[a.id] for a in c.actors), "Contestation"], rows)]
    out += ["### Pairs of authors", ""]
    out += [
        _table(
            ["Pair", "Shared", "Coverage", "Agreement", "Opposition", "Cosine"],
            [
                [
                    f"{label[p.a]} \u2013 {label[p.b]}",
                    str(p.shared),
                    number(p.coverage),
                    number(p.agreement),
                    number(p.opposition),
                    number(p.cosine),
                ]
                for p in c.pairs
            ],
        )
    ]
    out += ["### Where they disagree, in their words", ""]
    # Per proposition, the two sides, each author's quotes once (not once per opposed pair).
    rows = [
        [
            md(c.summary(prop).text),
            *(
                "<br>".join(f"{label[x.actor]} \\({x.position}\\): {_quotes(x.claims)}" for x in side)
                for side in (pro, con)
            ),
        ]
        for prop, pro, con in sides(c)
    ]
    out += [
        _table(["Proposition", "For", "Against"], rows)
        if rows
        else "No pair of authors takes opposite positions.\n"
    ]
    out += ["### Who answers whom", ""]
    rows = [
        [
            label.get(g.source_actor, md(g.source_actor)),
            f"{g.type}s",
            label.get(g.target_actor, md(g.target_actor)),
            "<br>".join(f"[{md(p.text)}](#{element_id(p.map, p.node)})" for p in g.premises),
            f"[{md(g.target.text)}](#{element_id(g.target.map, g.target.node)})",
            "yes" if g.answered else "no",
        ]
        for g in c.engagements
    ]
    out += [
        _table(["Who", "Does", "Whom", "With", "Against / for", "Answered"], rows)
        if rows
        else "No map answers another.\n"
    ]
    for names, asset in merged_assets:
        out += [f"![{md(names)} answer each other]({asset})", ""]
    out += ["### Evidence timeline", ""]
    rows = [
        [
            md(i.date),
            label.get(i.actor, md(i.actor)),
            f"[{md(i.text)}](#{element_id(i.map, i.node)})",
            md(i.kind or ""),
            md(i.citation or ""),
        ]
        for i in c.evidence
    ]
    out += [
        _table(["Date", "Cited by", "Evidence", "Kind", "Citation"], rows) if rows else "No dated evidence.\n"
    ]
    return out


def markdown_report(
    maps: Sequence[LoadedMap],
    comparison: Comparison | None,
    known: Mapping[str, LoadedMap],
    asset_stem: str,
) -> Report:
    """The Markdown text and the SVG files it links, named ASSET_STEM-MAP.svg."""
    assets: dict[str, str] = {}
    names = ", ".join(m.map.author.name for m in maps)
    out = [f"# Argument maps: {md(names)}", "", "## Contents", ""]
    out += [f"- [{md(named_title(m))}](#map-{m.id})" for m in maps]
    if comparison is not None:
        out.append("- [Comparison](#comparison)")
    survival = survival_markdown(maps)
    if survival:
        out.append("- [What survives](#survival)")
    out.append("")
    for m in maps:
        asset = f"{asset_stem}-{m.id}.svg"
        svg = render_svg(m, peers=known)
        assets[asset] = svg
        out += [f'<a id="map-{m.id}"></a>', "", *_map_section(m, known, asset)]
    if comparison is not None:
        merged = []
        for group in debate_groups(maps):
            asset = f"{asset_stem}-{group_id(m.id for m in group)}.svg"
            svg = render_svg(group, peers=known)
            assets[asset] = svg
            merged.append((" and ".join(m.map.author.name for m in group), asset))
        out += ['<a id="comparison"></a>', "", *_comparison(comparison, left_out(maps, comparison), merged)]
    out += survival
    return Report("\n".join(out).rstrip() + "\n", assets)
