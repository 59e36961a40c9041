"""The command line: click commands that call the library; the only module that imports click."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from argmap import __version__
from argmap.errors import ArgmapError

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns every ArgmapError into one line on stderr and its exit code, in one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArgmapError as exc:
            if exc.exit_code == 2:
                raise click.UsageError(str(exc), ctx) from None
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


def _workspace_options(func: F) -> F:
    """--maps, --seeds and --propositions: where maps and what they refer to live."""
    func = click.option(
        "--propositions",
        "propositions",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Proposition catalogue (default: propositions.json beside each map).",
    )(func)
    func = click.option(
        "--seeds",
        "seeds_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="Folder of source texts with seeds.json (default: seeds/ beside the maps folder).",
    )(func)
    func = click.option(
        "--maps",
        "maps_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=Path("maps"),
        show_default=True,
        help="Folder where map names are looked up.",
    )(func)
    return func


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def main() -> None:
    """argmap: argument maps of texts, checked against their sources.

    A map is one author's position in one text: claims and evidence tied to
    verbatim quotes, support and attack relations, and stances on shared
    propositions. MAP arguments are names looked up in the maps folder
    (panov -> maps/panov.json) or paths to JSON files.

    Example: argmap validate panov
    """


@main.command()
@click.argument("names", metavar="[MAP]...", nargs=-1)
@_workspace_options
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
    from argmap.load import Workspace, resolve_maps
    from argmap.load import validate as run_validation

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
