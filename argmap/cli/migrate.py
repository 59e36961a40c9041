"""`argmap migrate`: upgrade maps and catalogues written in an older format version."""

from __future__ import annotations

import json
from pathlib import Path

import click

from argmap.cli.app import main


@main.command()
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--in-place", is_flag=True, help="Rewrite each file (atomically) instead of printing it.")
def migrate(files: tuple[Path, ...], in_place: bool) -> None:
    """Upgrade maps and proposition catalogues to the current format version (2).

    Version 2 adds time: a stance may name the period it is about, and a
    proposition says whether it is descriptive, normative or predictive and
    whether it is timeless. A version 1 file keeps its meaning: its stances
    are about the source's date and its propositions descriptive. Only the
    version number is rewritten, so the file keeps its layout. Without
    --in-place, prints the upgraded JSON of one file; with it, rewrites every
    FILE only after the result passes the current schema, and says what changed.

    Example: argmap migrate --in-place maps/*.json
    """
    from argmap.core.errors import ArgmapError, UsageError
    from argmap.core.migrate import migrate_text
    from argmap.core.output import write_atomic
    from argmap.core.reading import Collector, check_schema, display_path, read_json

    if not in_place and len(files) > 1:
        raise UsageError("several files need --in-place (without it, one file is printed)")
    for path in files:
        name = display_path(path)
        _, problem = read_json(path, name)
        if problem is not None:
            raise ArgmapError(str(problem))
        text, changes = migrate_text(path.read_text(encoding="utf-8"), name)
        upgraded = json.loads(text)
        collector = Collector(name, upgraded)
        check_schema(
            collector, "propositions.schema.json" if "propositions" in upgraded else "argmap.schema.json"
        )
        if collector.failed:
            raise ArgmapError(f"{collector.sorted()[0]} (after upgrading; the file is unchanged)")
        if not in_place:
            click.echo(text, nl=False)
        elif not changes:
            click.echo(f"{name}: already version {upgraded['version']}, unchanged")
        else:
            write_atomic(path, text)
            click.echo(f"{name}: {'; '.join(changes)}")
