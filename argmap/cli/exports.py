"""`argmap export`: write maps as AIF, xAIF, Argdown or GraphML."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.app import main
from argmap.cli.common import deliver, workspace_options


@main.command("export")
@click.argument("names", metavar="MAP...", nargs=-1, required=True)
@workspace_options
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["aif", "xaif", "argdown", "graphml"]),
    required=True,
    help="aif: AIFdb JSON; xaif: OVA3's xAIF with the source text; argdown; graphml (Gephi, networkx).",
)
@click.option(
    "-o",
    "--output",
    type=str,
    default=None,
    help="Output file, or a folder for several maps (default: stdout).",
)
def export(
    names: tuple[str, ...],
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    fmt: str,
    output: str | None,
) -> None:
    """Write maps as AIF (AIFdb JSON or OVA's xAIF), Argdown or GraphML.

    Prints one map to standard output, or writes -o FILE; several maps need
    -o FOLDER (created when it ends in /) and are written as MAP.json,
    MAP.argdown or MAP.graphml. What
    the format cannot hold, or holds only in a nearest form (a relation into
    another map, a support of a relation), is said on standard error.

    Example: argmap export panov --to argdown -o panov.argdown
    """
    from argmap.core.errors import UsageError
    from argmap.core.load import Workspace, load_catalogue, load_from
    from argmap.formats.exporting import SUFFIXES, export_map

    ws = Workspace(maps_dir=maps_dir, seeds_dir=seeds_dir, catalogue_path=propositions)
    maps = load_from(ws, names)
    to_folder = output not in (None, "-") and (Path(str(output)).is_dir() or str(output).endswith("/"))
    if len(maps) > 1 and not to_folder:
        raise UsageError("several maps need -o to be a folder (an existing one, or a path ending in /)")
    if to_folder:
        Path(str(output)).mkdir(parents=True, exist_ok=True)
    for loaded in maps:
        catalogue_path = ws.catalogue_for(loaded.path)
        catalogue = load_catalogue(catalogue_path) if fmt == "argdown" and catalogue_path.is_file() else None
        text, notes = export_map(loaded, fmt, catalogue)
        for note in notes:
            click.echo(f"note: {loaded.id}: {note}", err=True)
        if output in (None, "-"):
            target = None
        elif to_folder:
            target = Path(str(output)) / f"{loaded.id}{SUFFIXES[fmt]}"
        else:
            target = Path(str(output))
        if target is not None and target.resolve() in {loaded.path.resolve(), loaded.source_path.resolve()}:
            raise UsageError(f"-o {output} would write over the map's own files")
        deliver(target, text)
