"""Reports: maps, quotes, source views and the comparison in one publishable document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.comparing.actors import speaks_in_own_voice
from argmap.comparing.matrix import compare
from argmap.core.errors import UsageError
from argmap.core.load import LoadedMap
from argmap.reporting.document import Report
from argmap.reporting.html import html_report
from argmap.reporting.markdown import markdown_report

if TYPE_CHECKING:
    from argmap.comparing.comparison import Comparison
    from argmap.core.model import PropositionCatalogue

__all__ = ["REPORT_FORMATS", "build_report", "compared_maps", "report"]

REPORT_FORMATS = ("html", "markdown")


def compared_maps(maps: Sequence[LoadedMap], speakers: bool = False) -> list[LoadedMap]:
    """The maps that make a column of the report's stance matrix.

    A map whose author takes no stance in their own voice (the forum thread: every stance is a
    quoted commenter's) would be a column of silence, so it is left out unless speakers is set;
    the report says so (document.left_out).
    """
    return [m for m in maps if any(n.stances for n in m.map.nodes) and (speakers or speaks_in_own_voice(m))]


def build_report(
    maps: Sequence[LoadedMap],
    format: str = "html",
    *,
    comparison: Comparison | bool | None = None,
    catalogue: PropositionCatalogue | Path | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    speakers: bool = False,
    asset_stem: str = "report",
) -> Report:
    """Build a report: the maps, then (when it can be made) their comparison.

    comparison: a Comparison to show; True to require one (UsageError when fewer than two maps take
    stances); False for none; None (the default) to compare whenever two or more maps take stances.
    The catalogue defaults to the one the maps were validated against (argmap.find_catalogue); a
    missing or invalid catalogue raises rather than silently leaving the comparison out.
    """
    if not maps:
        raise UsageError("nothing to report: no maps given")
    if format not in REPORT_FORMATS:
        raise UsageError(f"report format must be one of {', '.join(REPORT_FORMATS)}; got '{format}'")
    chosen: Comparison | None
    if comparison is None or comparison is True:
        columns = compared_maps(maps, speakers)
        if len(columns) >= 2:
            chosen = compare(columns, catalogue, speakers=speakers)
        elif comparison is True:
            voice = "" if speakers else " in their author's own voice (try speakers=True)"
            raise UsageError(
                f"cannot compare: {len(columns)} of the {len(maps)} maps take a stance{voice}; two are needed"
            )
        else:
            chosen = None
    elif comparison is False:
        chosen = None
    else:
        chosen = comparison
    known = {**(peers or {}), **{m.id: m for m in maps}}
    if format == "html":
        return Report(html_report(maps, chosen, known))
    return markdown_report(maps, chosen, known, asset_stem)


def report(
    maps: LoadedMap | Sequence[LoadedMap],
    format: str = "html",
    *,
    comparison: Comparison | bool | None = None,
    catalogue: PropositionCatalogue | Path | None = None,
    peers: Mapping[str, LoadedMap] | None = None,
    speakers: bool = False,
    folder: Path | None = None,
    name: str = "report",
) -> Report:
    """A report of the maps: `.text` is the document, `.assets` the files it links (Markdown's SVGs).

    HTML is self-contained (no assets). Given a folder (created if missing), the document is also
    written there as NAME.html or NAME.md, with its assets beside it (each file written atomically).
    See build_report for comparison, catalogue and speakers.
    """
    group = [maps] if isinstance(maps, LoadedMap) else list(maps)
    result = build_report(
        group,
        format,
        comparison=comparison,
        catalogue=catalogue,
        peers=peers,
        speakers=speakers,
        asset_stem=name,
    )
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        result.write(folder / f"{name}.{'md' if format == 'markdown' else 'html'}")
    return result
