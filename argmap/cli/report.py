"""`argmap report`: maps, quotes, source views and the comparison in one document."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.app import main
from argmap.cli.common import choose_format, deliver, workspace_options


@main.command()
@click.argument("names", metavar="[MAP]...", nargs=-1)
@workspace_options
@click.option("-o", "--output", type=str, default=None, help="Output file (.html or .md), or - for stdout.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "markdown"]),
    default=None,
    help="Document format (default: from the output suffix, else html).",
)
def report(
    names: tuple[str, ...],
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    output: str | None,
    output_format: str | None,
) -> None:
    """Write a publishable report: maps, quotes, source views and the comparison.

    HTML is one self-contained file (inline SVG and CSS, one small script for
    zooming maps, nothing loaded from elsewhere). Markdown writes the SVG pictures next to the .md
    file and links them relatively. With no MAP, reports every map, oldest
    source first. Default output: report.html in the current folder.

    Example: argmap report -o report.html
    """
    import re

    from argmap.core.load import Workspace, load_catalogue, load_from, load_peers
    from argmap.core.output import write_atomic
    from argmap.reporting.build import build_report

    fmt = choose_format(output_format, output, {".md": "markdown", ".markdown": "markdown"}, "html")
    target = None if output == "-" else Path(output or ("report.md" if fmt == "markdown" else "report.html"))
    ws = Workspace(maps_dir=maps_dir, seeds_dir=seeds_dir, catalogue_path=propositions)
    maps = load_from(ws, names)
    if not names:
        maps.sort(key=lambda m: (m.map.source.date, m.id))
    catalogue_path = ws.catalogue_for(maps[0].path)
    catalogue = load_catalogue(catalogue_path) if catalogue_path.is_file() else None
    peers = load_peers(ws, maps)
    # Asset names go into Markdown links: keep them to characters that need no escaping.
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", target.stem if target else "report")
    result = build_report(maps, fmt, catalogue=catalogue, peers=peers, asset_stem=stem)
    if target is None:
        if result.assets:
            raise click.UsageError("-o - cannot carry the Markdown report's SVG files; give a .md path")
    else:
        for name, data in sorted(result.assets.items()):
            write_atomic(target.parent / name, data)
    deliver(target, result.text)
