"""The console entry point: answers `argmap --help` and `--version` without importing click.

Everything else goes to the click group in `app`. The help text below is click's own rendering
of the group's help at the usual width (tests/test_cli_entry.py fails when it drifts), so the
answer is the same, only about four times faster: click alone costs more than Python's start-up.
"""

from __future__ import annotations

import os
import sys

__all__ = ["HELP", "run"]

# Rendered by click at 80 columns; regenerate with `python -m argmap.cli.entry --regenerate`.
HELP = """\
Usage: argmap [OPTIONS] COMMAND [ARGS]...

  argmap: argument maps of texts, checked against their sources.

  A map is one author's position in one text: claims and evidence tied to
  verbatim quotes, support and attack relations, and stances on shared
  propositions. MAP arguments are names looked up in the maps folder (panov ->
  maps/panov.json, .yaml or .yml) or paths to map files.

  Example: argmap validate panov

Options:
  --version   Show the version and exit.
  -h, --help  Show this message and exit.

Commands:
  compare   Compare where authors stand on shared propositions, and on...
  convert   Turn a JSON map or catalogue into YAML, or YAML into JSON,...
  evaluate  Say which claims stand once the maps' arguments meet, and...
  examples  Copy the example corpus (seed maps and their texts) into...
  export    Write maps as AIF (AIFdb JSON or OVA's xAIF), Argdown or...
  import    Import AIF (AIFdb JSON, OVA xAIF), Argdown or microtext XML...
  migrate   Upgrade maps and proposition catalogues to the current format...
  new       Start a map of a text: a valid first draft to fill in, never...
  quote     Find the passages of a source text that best match rough...
  render    Draw maps as argument graphs: SVG (default), PNG, PDF or DOT.
  report    Write a publishable report: maps, quotes, source views and...
  validate  Check maps: schema, ids and relations, stances, and every...
  watch     Re-validate and re-draw a map on every save, in a page that...
"""


def _wide_enough() -> bool:
    # click wraps help to the terminal, at most 80 columns: the text above is for 80 or more.
    try:
        columns = int(os.environ.get("COLUMNS", "")) if os.environ.get("COLUMNS") else None
        if columns is None:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 80
    except (OSError, ValueError):
        columns = 80  # not a terminal: click falls back to 80 as well
    return columns >= 80


def run(prog_name: str = "argmap") -> None:
    """The `argmap` command."""
    args = sys.argv[1:]
    if prog_name == "argmap" and args in (["--help"], ["-h"]) and _wide_enough():
        sys.stdout.write(HELP)
        return
    if prog_name == "argmap" and args == ["--version"]:
        from argmap import __version__

        sys.stdout.write(f"argmap, version {__version__}\n")
        return
    from argmap.cli import main

    main(prog_name=prog_name)


def _rendered_help() -> str:
    """What click prints for `argmap --help` at 80 columns."""
    import click

    from argmap.cli import main

    # click's formatter takes min(columns, 80) - 2 as the width when it measures a terminal.
    with click.Context(main, info_name="argmap", terminal_width=78, **main.context_settings) as ctx:
        return main.get_help(ctx) + "\n"


if __name__ == "__main__" and sys.argv[1:] == ["--regenerate"]:
    sys.stdout.write(_rendered_help())
