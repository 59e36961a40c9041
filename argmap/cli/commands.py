"""The click group with every command registered: importing a command module registers it."""

from __future__ import annotations

from argmap.cli import authoring, compare, migrate, quote, render, report, validate, watch  # noqa: F401
from argmap.cli.app import main

__all__ = ["main"]
