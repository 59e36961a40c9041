"""`argmap report`: maps, quotes, source views and the comparison in one document."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.app import main
from argmap.cli.common import (
    choose_format,
    complete_map_names,
    deliver,
    make_workspace,
    refuse_inputs,
    say,
    workspace_options,
)

_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


@main.command()
@click.argument("names", metavar="[MAP]...", nargs=-1, shell_complete=complete_map_names)
@workspace_options
@click.option("-o", "--output", type=str, default=None, help="Output file (.html or .md), or - for stdout.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "markdown"]),
    default=None,
    help="Document format (default: from the output suffix, else html).",
)
@click.option("--speakers", is_flag=True, help="Make every quoted speaker who takes a stance an actor.")
def report(
    names: tuple[str, ...],
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    output: str | None,
    output_format: str | None,
    speakers: bool,
) -> None:
    """Write a publishable report: maps, quotes, source views and the comparison.

    HTML is one self-contained file (inline SVG and CSS, one small script for
    zooming maps, nothing loaded from elsewhere). Markdown writes the SVG pictures next to the .md
    file and links them relatively. With no MAP, reports every map, oldest
    source first. Default output: report.html in the current folder. The
    comparison has one column per author (in their own voice); a map with
    only quoted speakers' stances is left out, and the report says so;
    --speakers gives every quoted speaker a column, as in compare.

    Example: argmap report -o report.html
    """
    import re

    from argmap.core.load import load_from, load_peers
    from argmap.reporting.build import build_report

    fmt = choose_format(output_format, output, _SUFFIX_FORMATS, "html")
    target = None if output == "-" else Path(output or ("report.md" if fmt == "markdown" else "report.html"))
    ws = make_workspace(maps_dir, seeds_dir, propositions)
    maps = load_from(ws, names)
    if not names:
        maps.sort(key=lambda m: (m.map.source.date, m.id))
    peers = load_peers(ws, maps)
    # Asset names go into Markdown links: keep them to characters that need no escaping.
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", target.stem if target else "report")
    # The catalogue: --propositions, else the library's rule (argmap.find_catalogue), as compare.
    result = build_report(maps, fmt, catalogue=propositions, peers=peers, speakers=speakers, asset_stem=stem)
    if target is None:
        if result.assets:
            raise click.UsageError("-o - cannot carry the Markdown report's SVG files; give a .md path")
        deliver(None, result.text)
        return
    refuse_inputs(ws, [target, *(target.parent / name for name in result.assets)])
    result.write(target)
    say(target)
