"""What several commands share: the workspace options, choosing the output format, writing the result."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from argmap.core.escaping.terminal import terminal_line, terminal_text

__all__ = ["choose_format", "deliver", "say", "stdout_is_terminal", "workspace_options"]

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
