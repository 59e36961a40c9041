"""`argmap validate`: check maps against the schema, each other and their sources."""

from __future__ import annotations

import json
from pathlib import Path

import click

from argmap.cli.app import main
from argmap.cli.common import complete_map_names, make_workspace, say, stdout_is_terminal, workspace_options
from argmap.core.escaping.terminal import terminal_text
from argmap.core.wording import count


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
    from argmap.core.load import resolve_maps
    from argmap.core.load import validate as run_validation

    ws = make_workspace(maps_dir, seeds_dir, propositions)
    report = run_validation(resolve_maps(names, maps_dir), ws, include_catalogue=not names)
    if output_format == "json":
        text = json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
        click.echo(terminal_text(text) if stdout_is_terminal() else text)
    else:
        for file in report.files:
            for problem in file.problems:
                say(problem)
            if file.ok and file.loaded is not None:
                m = file.loaded.map
                say(
                    f"{file.file}: ok ({count(len(m.nodes), 'node')}, {count(len(m.relations), 'relation')}, "
                    f"{count(file.quotes, 'quote')} found)"
                )
            elif file.ok:
                say(f"{file.file}: ok")
        invalid = sum(not f.ok for f in report.files)
        click.echo(
            f"checked {count(len(report.files), 'file')}: {len(report.files) - invalid} valid, "
            f"{invalid} invalid; {count(report.errors, 'error')}, {count(report.warnings, 'warning')}"
        )
    if not report.ok:
        raise SystemExit(1)
