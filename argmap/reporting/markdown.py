"""The Markdown report: the HTML report's content for GitHub, MkDocs or Quarto, with SVG files beside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from argmap.comparing.formats.common import SYMBOLS, md
from argmap.core.load import LoadedMap
from argmap.core.model import NodeKind
from argmap.rendering.dot import natural_key
from argmap.rendering.svg import render_svg
from argmap.reporting.document import Report, debate_groups
from argmap.reporting.sourceview import map_segments
from argmap.reporting.survival import survival_markdown

if TYPE_CHECKING:
    from argmap.comparing.comparison import ClaimRef, Comparison
    from argmap.core.model import PropositionCatalogue

__all__ = ["markdown_report"]


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _anchor(map_id: str, node: str) -> str:
    return f'<a id="{map_id}-{node}"></a>'


def _map_section(m: LoadedMap, known: Mapping[str, LoadedMap], asset: str) -> list[str]:
    src = m.map.source
    out = [f"## {md(m.map.author.name)}: {md(m.map.title)}", ""]
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
        f"- **Map:** {claims} claims, {len(m.map.nodes) - claims} pieces of evidence, "
        f"{len(m.map.relations)} relations"
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
        quote = f"[{md(node.quote.strip())}](#{m.id}-{node.id})" if node.quote else "*implicit premise*"
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
    return "<br>".join(f"[{md((r.quote or r.text).strip())}](#{r.map}-{r.node})" for r in refs)


def _fmt(value: float | None) -> str:
    return "\u2013" if value is None else f"{value:.2f}"


def _comparison(c: Comparison, merged_assets: Sequence[tuple[str, str]]) -> list[str]:
    label = {a.id: md(a.label) for a in c.actors}
    out = ["## Comparison", "", "### Stance matrix", ""]
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
                    _fmt(p.coverage),
                    _fmt(p.agreement),
                    _fmt(p.opposition),
                    _fmt(p.cosine),
                ]
                for p in c.pairs
            ],
        )
    ]
    out += ["### Where they disagree, in their words", ""]
    rows = []
    for pair in c.pairs:
        for prop in pair.disagree_on:
            a, b = c.cell(prop, pair.a), c.cell(prop, pair.b)
            rows.append(
                [
                    md(c.summary(prop).text),
                    f"{label[pair.a]} \\({a.position}\\): {_quotes(a.claims)}",
                    f"{label[pair.b]} \\({b.position}\\): {_quotes(b.claims)}",
                ]
            )
    out += [
        _table(["Proposition", "One side", "Other side"], rows)
        if rows
        else "No pair of authors takes opposite positions.\n"
    ]
    out += ["### Who answers whom", ""]
    rows = [
        [
            label.get(g.source_actor, md(g.source_actor)),
            f"{g.type}s",
            label.get(g.target_actor, md(g.target_actor)),
            "<br>".join(f"[{md(p.text)}](#{p.map}-{p.node})" for p in g.premises),
            f"[{md(g.target.text)}](#{g.target.map}-{g.target.node})",
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
            f"[{md(i.text)}](#{i.map}-{i.node})",
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
    catalogue: PropositionCatalogue | None,
    known: Mapping[str, LoadedMap],
    asset_stem: str,
) -> Report:
    """The Markdown text and the SVG files it links, named ASSET_STEM-MAP.svg."""
    assets: dict[str, str] = {}
    names = ", ".join(m.map.author.name for m in maps)
    out = [f"# Argument maps: {md(names)}", "", "## Contents", ""]
    out += [f"- [{md(m.map.author.name)}: {md(m.map.title)}](#map-{m.id})" for m in maps]
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
            asset = f"{asset_stem}-{'-'.join(m.id for m in group)}.svg"
            svg = render_svg(group, peers=known)
            assets[asset] = svg
            merged.append((" and ".join(m.map.author.name for m in group), asset))
        out += ['<a id="comparison"></a>', "", *_comparison(comparison, merged)]
    out += survival
    return Report("\n".join(out).rstrip() + "\n", assets)
