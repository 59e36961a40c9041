"""The click group with every command registered: importing a command module registers it."""

from __future__ import annotations

from argmap.cli import (  # noqa: F401
    authoring,
    compare,
    evaluate,
    exports,
    imports,
    migrate,
    quote,
    render,
    report,
    validate,
    watch,
)
from argmap.cli.app import main

__all__ = ["main"]
