"""`argmap validate`: check maps against the schema, each other and their sources."""

from __future__ import annotations

import json
from pathlib import Path

import click

from argmap.cli.app import main
from argmap.cli.common import complete_map_names, workspace_options


@main.command()
@click.argument("names", metavar="[MAP]...", nargs=-1, shell_complete=complete_map_names)
@workspace_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print the findings.",
)
def validate(
    names: tuple[str, ...],
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    output_format: str,
) -> None:
    """Check maps: schema, ids and relations, stances, and every quote against its source.

    With no MAP, checks every map in the maps folder and the proposition
    catalogue. Prints one line per problem as FILE::$.PATH: MESSAGE.
    Exit status: 0 all valid (warnings allowed), 1 problems found, 2 usage error.

    Example: argmap validate panov kobayashi
    """
    from argmap.core.load import Workspace, resolve_maps
    from argmap.core.load import validate as run_validation

    ws = Workspace(maps_dir=maps_dir, seeds_dir=seeds_dir, catalogue_path=propositions)
    report = run_validation(resolve_maps(names, maps_dir), ws, include_catalogue=not names)
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        for file in report.files:
            for problem in file.problems:
                click.echo(str(problem))
            if file.ok and file.loaded is not None:
                m = file.loaded.map
                click.echo(
                    f"{file.file}: ok ({len(m.nodes)} nodes, {len(m.relations)} relations, "
                    f"{file.quotes} quotes found)"
                )
            elif file.ok:
                click.echo(f"{file.file}: ok")
        invalid = sum(not f.ok for f in report.files)
        click.echo(
            f"checked {len(report.files)} files: {len(report.files) - invalid} valid, "
            f"{invalid} invalid; {report.errors} errors, {report.warnings} warnings"
        )
    if not report.ok:
        raise SystemExit(1)
