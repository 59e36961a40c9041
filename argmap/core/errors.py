"""The one exception family argmap raises, and the Problem record that validation collects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ArgmapError",
    "InvalidCatalogueError",
    "InvalidFileError",
    "InvalidMapError",
    "MapNotFoundError",
    "Problem",
    "RenderError",
    "UsageError",
]

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, at one place in it."""

    file: str
    path: str | None
    message: str
    severity: Severity = "error"
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        if self.path is not None and self.line is not None:
            # A YAML file's problems lead with line and column, which editors and terminals link.
            where = f"{self.file}:{self.line}:{self.column or 1}: {self.path}"
        elif self.path is not None:
            where = f"{self.file}::{self.path}"
        elif self.line is not None:
            where = f"{self.file}:{self.line}:{self.column or 1}"
        else:
            where = self.file
        return f"{prefix}{where}: {self.message}"


class ArgmapError(Exception):
    """Base of every error argmap raises on purpose: the CLI prints it as one line, exit 1."""

    exit_code = 1


class UsageError(ArgmapError):
    """The call itself is wrong (a bad option value, too few maps): exit 2."""

    exit_code = 2


class MapNotFoundError(ArgmapError):
    """A map name resolves to no file."""


class RenderError(ArgmapError):
    """Graphviz could not lay out or write a picture."""


class InvalidFileError(ArgmapError):
    """A file argmap reads failed its checks; carries every problem found, each naming the file."""

    what = "file"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        first = str(errors[0]) if errors else f"invalid {self.what}"
        more = (
            f" (and {len(errors) - 1} more error{'s' if len(errors) > 2 else ''})" if len(errors) > 1 else ""
        )
        super().__init__(first + more)


class InvalidMapError(InvalidFileError):
    """A map failed validation; carries every problem found."""

    what = "map"


class InvalidCatalogueError(InvalidFileError):
    """A proposition catalogue is missing, unreadable or fails its schema; carries every problem."""

    what = "proposition catalogue"
