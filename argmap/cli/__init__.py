"""The command line: click commands that call the library; this package is the only one that imports click.

`app` holds the group and the error boundary; each command lives in a module of its own and
registers itself on the group when imported.
"""

from __future__ import annotations

# Importing a command module registers its command on the group.
from argmap.cli import compare, evaluate, render, report, validate  # noqa: F401
from argmap.cli.app import main

__all__ = ["main"]
