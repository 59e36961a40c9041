"""`argmap compare`: where authors stand on shared propositions, and on what evidence."""

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
    workspace_options,
)


@main.command()
@click.argument("names", metavar="[MAP]...", nargs=-1, shell_complete=complete_map_names)
@workspace_options
@click.option(
    "--only",
    "only",
    multiple=True,
    metavar="ID",
    help="Compare only this proposition; repeat for several (default: every one addressed).",
)
@click.option("--by-date", is_flag=True, help="Order actors by their source's date, then map id.")
@click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    default=None,
    help="Only the stances about this date (YYYY[-MM[-DD]]).",
)
@click.option(
    "--period", metavar="START/END", default=None, help="Only the stances about times overlapping this range."
)
@click.option("--speakers", is_flag=True, help="Make every quoted speaker who takes a stance an actor.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json", "csv", "graphml", "svg"]),
    default=None,
    help="Output format (default: from the -o suffix, else text).",
)
@click.option("-o", "--output", type=str, default=None, help="Output file; - (the default) for stdout.")
def compare(
    names: tuple[str, ...],
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    only: tuple[str, ...],
    by_date: bool,
    as_of: str | None,
    period: str | None,
    speakers: bool,
    output_format: str | None,
    output: str | None,
) -> None:
    """Compare where authors stand on shared propositions, and on what evidence.

    One actor per map: its author, counting only the claims made in the
    author's own voice (no speaker, or the author named as speaker). With
    --speakers, each quoted speaker who takes a stance is an actor too.
    Prints the stance matrix, pairs of actors, the disagreements with their
    quotes, direct engagement between the maps, and the most contested
    propositions. With no MAP, compares every map in the maps folder, by id.
    A stance is about its period (else its source's year): two stances on a
    time-bound proposition clash only when their times overlap, and otherwise
    show as change over time. --as-of and --period keep the stances about one
    time. The measures are explained in docs/compare.md.

    Example: argmap compare panov kobayashi --format markdown -o debate.md
    """
    from argmap.comparing.formats import SUFFIXES, format_comparison
    from argmap.comparing.matrix import compare as run_compare
    from argmap.core.load import load_from

    fmt = choose_format(output_format, output, SUFFIXES, "text")
    ws = make_workspace(maps_dir, seeds_dir, propositions)
    maps = load_from(ws, names)
    # The catalogue: --propositions, else the library's rule (argmap.find_catalogue), as report.
    comparison = run_compare(
        maps,
        propositions,
        propositions=list(only) or None,
        by_date=by_date,
        speakers=speakers,
        as_of=as_of,
        period=period,
    )
    target = None if output in (None, "-") else Path(output)
    refuse_inputs(ws, [target])
    deliver(target, format_comparison(comparison, fmt))
