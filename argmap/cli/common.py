"""What several commands share: the workspace options, choosing the output format, writing the result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = ["choose_format", "complete_map_names", "deliver", "workspace_options"]

F = TypeVar("F", bound=Callable[..., Any])


def workspace_options(func: F) -> F:
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


def choose_format(explicit: str | None, output: str | None, suffixes: dict[str, str], default: str) -> str:
    """--format if given, else what the output file's suffix says, else the command's default."""
    if explicit:
        return explicit
    if output not in (None, "-"):
        return suffixes.get(Path(str(output)).suffix.lower(), default)
    return default


def deliver(target: Path | None, data: str | bytes) -> None:
    """Write data atomically to target and print its path, or print data itself (target None)."""
    from argmap.core.output import write_atomic

    if target is None:
        click.echo(data, nl=False)  # click writes bytes to the binary stream
        return
    write_atomic(target, data)
    click.echo(str(target))


def complete_map_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of MAP arguments: the maps in the folder --maps names (default ./maps)."""
    from argmap.core.load import available_maps

    folder = ctx.params.get("maps_dir") or Path("maps")
    return [name for name in available_maps(Path(folder)) if name.startswith(incomplete)]
