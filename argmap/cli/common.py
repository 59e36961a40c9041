"""What several commands share: the workspace options, choosing the output format, writing the result."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from argmap.core.escaping.terminal import terminal_line, terminal_text

if TYPE_CHECKING:
    from argmap.core.workspace import Workspace

__all__ = [
    "choose_format",
    "complete_map_names",
    "deliver",
    "make_workspace",
    "maps_and_seeds_options",
    "refuse_inputs",
    "say",
    "stdout_is_terminal",
    "workspace_options",
]

_DEFAULT_MAX_MB = 20

F = TypeVar("F", bound=Callable[..., Any])


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta[f"argmap.{param.name}"] = value
    return value


def workspace_options(func: F) -> F:
    """--maps, --seeds, --propositions, --root and --max-file-size: where maps and what they refer
    to live, and what a map may read. The last two reach the command through make_workspace."""
    func = click.option(
        "--max-file-size",
        "max_file_mb",
        type=click.IntRange(min=1),
        default=_DEFAULT_MAX_MB,
        show_default=True,
        expose_value=False,
        callback=_remember,
        metavar="MB",
        help="Refuse input files (maps, sources, catalogue, manifest) larger than this.",
    )(func)
    func = click.option(
        "--root",
        "root",
        type=click.Path(path_type=Path, file_okay=False, exists=True),
        default=None,
        expose_value=False,
        callback=_remember,
        help="Folder that source texts must lie in (default: the folder holding each map's folder).",
    )(func)
    func = click.option(
        "--propositions",
        "propositions",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Proposition catalogue (default: propositions.json beside each map).",
    )(func)
    return maps_and_seeds_options(func)


def maps_and_seeds_options(func: F, maps_help: str = "Folder where map names are looked up.") -> F:
    """--maps and --seeds: where maps are looked up, and the folder of source texts."""
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
        help=maps_help,
    )(func)
    return func


def make_workspace(maps_dir: Path, seeds_dir: Path | None, propositions: Path | None) -> Workspace:
    """The workspace of this command line, with its --root and --max-file-size."""
    from argmap.core.workspace import Workspace

    meta = click.get_current_context().meta
    megabytes = meta.get("argmap.max_file_mb") or _DEFAULT_MAX_MB
    return Workspace(
        maps_dir=maps_dir,
        seeds_dir=seeds_dir,
        catalogue_path=propositions,
        root=meta.get("argmap.root"),
        max_file_bytes=megabytes * 1024 * 1024,
    )


def choose_format(explicit: str | None, output: str | None, suffixes: dict[str, str], default: str) -> str:
    """--format if given, else what the output file's suffix says, else the command's default.

    A suffix that names no format, or another format than --format, is a usage error: writing PNG
    bytes into x.svg, or HTML into x.pdf, only surprises later."""
    from argmap.core.errors import UsageError

    if output in (None, "-") or Path(str(output)).is_dir():
        return explicit or default
    suffix = Path(str(output)).suffix.lower()
    if not suffix:
        return explicit or default
    implied = suffixes.get(suffix)
    if implied is None:
        by_format: dict[str, list[str]] = {}
        for known, fmt in suffixes.items():
            by_format.setdefault(fmt, []).append(known)
        listing = ", ".join(f"{fmt} ({', '.join(found)})" for fmt, found in by_format.items())
        raise UsageError(f"-o {output}: no format has the suffix '{suffix}'; the formats are {listing}")
    if explicit and explicit != implied:
        raise UsageError(
            f"-o {output}: the suffix '{suffix}' means {implied}, but --format asks for {explicit}; "
            "make them agree"
        )
    return implied


def refuse_inputs(ws: Workspace, targets: list[Path | None]) -> None:
    """Refuse, before anything is written, an output that is a file this command read."""
    from argmap.core.errors import ArgmapError
    from argmap.core.files import display_path

    for target in targets:
        if target is None:
            continue
        source = ws.reader.input_at(target)
        if source is not None:
            same = "" if display_path(source) == display_path(target) else f" (it is {display_path(source)})"
            raise ArgmapError(
                f"refusing to write {target}: it is an input of this command{same}; choose another -o"
            )


def say(message: object, err: bool = False) -> None:
    """Print one message line; control and bidi characters in it (from file names, map text) are
    shown as visible escapes, so a map cannot retitle the window or reorder what the user reads."""
    click.echo(terminal_line(str(message)), err=err)


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (the tests replace this to check what a terminal gets)."""
    return sys.stdout.isatty()


def deliver(target: Path | None, data: str | bytes) -> None:
    """Write data atomically to target and print its path, or print data itself (target None).

    Text printed to a terminal has its control and bidi characters escaped; text sent to a pipe or a
    file is left byte for byte as the format defines it.
    """
    from argmap.core.output import write_atomic

    if target is None:
        if stdout_is_terminal():
            if isinstance(data, bytes):
                # A picture's bytes would be read as terminal commands: never print them there.
                raise click.UsageError(
                    "-o - would print a binary picture to the terminal; give a file or a pipe"
                )
            data = terminal_text(data)
        click.echo(data, nl=False)  # click writes bytes to the binary stream
        return
    write_atomic(target, data)
    say(target)


def complete_map_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of MAP arguments: the maps in the folder --maps names (default ./maps)."""
    from argmap.core.names import available_maps

    folder = ctx.params.get("maps_dir") or Path("maps")
    return [name for name in available_maps(Path(folder)) if name.startswith(incomplete)]
