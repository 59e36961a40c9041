"""The click group: the entry point, and the one place where argmap's errors become exit codes."""

from __future__ import annotations

from typing import Any

import click

from argmap import __version__
from argmap.core.errors import ArgmapError
from argmap.core.escaping.terminal import terminal_text

__all__ = ["main"]


class _Command(click.Command):
    """A subcommand: its usage errors show its own usage line, not the group's."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArgmapError as exc:
            if exc.exit_code == 2:
                raise click.UsageError(str(exc), ctx) from None
            raise


class _Group(click.Group):
    """Turns every ArgmapError into one line on stderr and its exit code, in one place."""

    command_class = _Command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ModuleNotFoundError as exc:
            # A broken install, not bad input: say what to do instead of showing a traceback.
            if exc.name is None or exc.name.split(".")[0] == "argmap":
                raise
            click.echo(
                f"Error: argmap needs the Python package '{exc.name}', which this environment lacks; "
                "reinstall argmap (pip install -e . in a checkout)",
                err=True,
            )
            ctx.exit(1)
        except ArgmapError as exc:
            # Messages quote file names and map text: shown inert, never as terminal commands.
            message = terminal_text(str(exc))
            if exc.exit_code == 2:
                raise click.UsageError(message, ctx) from None
            click.echo(f"Error: {message}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def main() -> None:
    """argmap: argument maps of texts, checked against their sources.

    A map is one author's position in one text: claims and evidence tied to
    verbatim quotes, support and attack relations, and stances on shared
    propositions. MAP arguments are names looked up in the maps folder
    (panov -> maps/panov.json, .yaml or .yml) or paths to map files.

    Example: argmap validate panov
    """
