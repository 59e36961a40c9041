"""The command line: click commands that call the library; this package is the only one that imports click.

`app` holds the group and the error boundary; each command lives in a module of its own and
registers itself on the group when imported (`commands` imports them all). `entry` is the console
script: it answers `--help` and `--version` before click is imported, so `main` resolves lazily.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.core.lazy import lazy_exports

__all__ = ["main"]

__getattr__, __dir__ = lazy_exports(__name__, {"main": "argmap.cli.commands"}, globals())

if TYPE_CHECKING:
    from argmap.cli.commands import main
