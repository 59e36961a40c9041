"""Reports: maps, quotes, source views and the comparison in one publishable document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from argmap.comparing.matrix import compare
from argmap.core.errors import UsageError
from argmap.core.load import LoadedMap
from argmap.reporting.document import Report
from argmap.reporting.html import html_report
from argmap.reporting.markdown import markdown_report

if TYPE_CHECKING:
    from argmap.comparing.comparison import Comparison
    from argmap.core.model import PropositionCatalogue

__all__ = ["REPORT_FORMATS", "build_report", "report"]

REPORT_FORMATS = ("html", "markdown")


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
        return Report(html_report(maps, comparison, catalogue, known))
    return markdown_report(maps, comparison, catalogue, known, asset_stem)


def _compare_if_possible(maps: Sequence[LoadedMap], catalogue: PropositionCatalogue) -> Comparison | None:
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
