"""`argmap quote`: find the exact wording of a passage from rough or remembered words."""

from __future__ import annotations

import json
from pathlib import Path

import click

from argmap.cli.app import main
from argmap.cli.common import make_workspace, maps_and_seeds_options, say


@main.command()
@click.argument("source")
@click.argument("words")
@click.option(
    "-n", "limit", type=click.IntRange(min=1, max=50), default=3, show_default=True, help="Passages to show."
)
@click.option("--json", "as_json", is_flag=True, help="Print the passages as JSON (for editor plugins).")
@maps_and_seeds_options
def quote(source: str, words: str, limit: int, as_json: bool, maps_dir: Path, seeds_dir: Path | None) -> None:
    """Find the passages of a source text that best match rough words, verbatim.

    SOURCE is a seed id, a map (the text its source names) or a text file.
    Each passage is printed exactly as it stands (whitespace runs folded, as
    validation folds them), with its line, column and similarity, ready to
    paste as a quote.

    Example: argmap quote panov "japan made its choice for america"
    """
    from argmap.authoring.sources import find_source

    found = find_source(source, maps_dir, seeds_dir, make_workspace(maps_dir, seeds_dir, None))
    passages = found.index.passages(words, limit)
    if as_json:
        rows = [
            {
                "passage": c.passage,
                "line": c.line,
                "column": c.column,
                "start": c.start,
                "end": c.end,
                "similarity": round(c.similarity, 4),
            }
            for c in passages
        ]
        click.echo(json.dumps({"source": str(found.path), "passages": rows}, indent=2, ensure_ascii=False))
        return
    if not passages:
        raise SystemExit(1)
    for c in passages:
        say(f"{found.label}:{c.line}:{c.column} ({c.similarity:.0%} similar)")
        say(f"  {c.passage}")
