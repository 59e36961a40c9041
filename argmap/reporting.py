"""Reports: maps, quotes, source views and the comparison in one publishable document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.errors import UsageError
from argmap.load import LoadedMap

if TYPE_CHECKING:
    from argmap.comparison import Comparison
    from argmap.model import PropositionCatalogue

__all__ = ["REPORT_FORMATS", "Report", "build_report", "debate_groups", "report"]

REPORT_FORMATS = ("html", "markdown")


@dataclass(frozen=True)
class Report:
    """The document's text, and the files it links to (Markdown's SVGs), by relative name."""

    text: str
    assets: Mapping[str, str] = field(default_factory=dict)


def debate_groups(maps: Sequence[LoadedMap]) -> list[list[LoadedMap]]:
    """Maps that answer each other (linked by cross-map relations), as groups of two or more."""
    ids = {m.id for m in maps}
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for m in maps:
        for rel in m.map.relations:
            other = rel.target.partition(":")[0] if ":" in rel.target else None
            if other in ids and other != m.id:
                parent[root(other)] = root(m.id)
    groups: dict[str, list[LoadedMap]] = {}
    for m in maps:
        groups.setdefault(root(m.id), []).append(m)
    return [g for g in groups.values() if len(g) > 1]


def build_report(
    maps: Sequence[LoadedMap],
    format: str = "html",
    *,
    comparison: Comparison | None = None,
    catalogue: PropositionCatalogue | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    asset_stem: str = "report",
) -> Report:
    """Build a report; a comparison is computed from the catalogue when two or more maps take stances."""
    if not maps:
        raise UsageError("nothing to report: no maps given")
    if format not in REPORT_FORMATS:
        raise UsageError(f"report format must be one of {', '.join(REPORT_FORMATS)}; got '{format}'")
    if comparison is None and catalogue is not None and len(maps) >= 2:
        comparison = _compare_if_possible(maps, catalogue)
    known = {**(peers or {}), **{m.id: m for m in maps}}
    if format == "html":
        from argmap.report_html import html_report

        return Report(html_report(maps, comparison, catalogue, known))
    from argmap.report_markdown import markdown_report

    return markdown_report(maps, comparison, catalogue, known, asset_stem)


def _compare_if_possible(maps: Sequence[LoadedMap], catalogue: PropositionCatalogue) -> Comparison | None:
    from argmap.comparing import compare

    # Only maps whose author takes a stance in their own voice make a column: a map of quoted
    # speakers only (the forum thread) would be a column of silence. Such maps are still shown.
    with_stances = [
        m
        for m in maps
        if any(n.stances and (not n.speaker or n.speaker == m.map.author.name) for n in m.map.nodes)
    ]
    if len(with_stances) < 2:
        return None
    return compare(with_stances, catalogue)


def report(
    maps: LoadedMap | Sequence[LoadedMap],
    format: str = "html",
    *,
    comparison: Comparison | None = None,
    catalogue: PropositionCatalogue | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
) -> str:
    """Return the report text (HTML: self-contained; Markdown: links SVGs that build_report returns)."""
    group = [maps] if isinstance(maps, LoadedMap) else list(maps)
    return build_report(group, format, comparison=comparison, catalogue=catalogue, peers=peers).text
