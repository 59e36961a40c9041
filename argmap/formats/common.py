"""What every interchange format shares: the import result, the one error, ids and source texts."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.core.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.core.model import ArgumentMap, Proposition

__all__ = [
    "EXPORTS",
    "FORMATS",
    "FormatError",
    "IdMaker",
    "Imported",
    "build_map",
    "excerpt_text",
    "map_slug",
]

# The formats `argmap import` reads and `argmap export` writes.
FORMATS = ("aif", "argdown", "microtext")
EXPORTS = ("aif", "xaif", "argdown", "graphml")


class FormatError(ArgmapError):
    """A file cannot be imported: one line naming the file and the place in it."""

    def __init__(self, file: str, message: str, where: str | None = None) -> None:
        self.file = file
        self.where = where
        self.detail = message
        place = (
            f"{file}::{where}" if where and where.startswith("$") else f"{file}:{where}" if where else file
        )
        super().__init__(f"{place}: {message}")


@dataclass
class Imported:
    """A map read from a foreign format, with the text its quotes are checked against."""

    map: ArgumentMap
    source_text: str
    format: str
    propositions: list[Proposition] = field(default_factory=list)
    # What the format has that argmap cannot hold, as reason -> count: reported, never silent.
    dropped: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: what was dropped and why, and every note."""
        parts = [f"{count} {reason}" for reason, count in sorted(self.dropped.items())]
        return "; ".join([*parts, *self.notes])


_NOT_ID = re.compile(r"[^A-Za-z0-9_.-]+")


class IdMaker:
    """Turns foreign ids into argmap ids (letters, digits, '_', '.', '-'), unique within one map."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.made: dict[str, str] = {}

    def __call__(self, foreign: str, prefix: str = "n") -> str:
        if foreign in self.made:
            return self.made[foreign]
        base = _NOT_ID.sub("-", foreign).strip("-._") or prefix
        if not base[0].isalnum():
            base = prefix + base
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        self.made[foreign] = candidate
        return candidate

    def fresh(self, prefix: str) -> str:
        """A new id prefix1, prefix2, ... that nothing else uses."""
        n = 1
        while f"{prefix}{n}" in self.taken:
            n += 1
        self.taken.add(f"{prefix}{n}")
        return f"{prefix}{n}"


def build_map(document: dict[str, Any], file: str) -> ArgumentMap:
    """The map a converter assembled, or one line saying which value the map format refuses."""
    from pydantic import ValidationError

    from argmap.core.model import PATTERN_NAMES, ArgumentMap

    try:
        return ArgumentMap.model_validate(document)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error["loc"])
        shown = json.dumps(error.get("input"), ensure_ascii=False)[:80]
        pattern = (error.get("ctx") or {}).get("pattern")
        message = f"not {PATTERN_NAMES[pattern]}" if pattern in PATTERN_NAMES else error["msg"].lower()
        raise FormatError(file, f"the imported map would have {where} = {shown}: {message}") from None


def map_slug(name: str) -> str:
    """A map id from a file stem: lowercase letters and digits joined by single hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "imported"


def excerpt_text(passages: Iterable[str]) -> str:
    """A source text made of the passages themselves, one paragraph each, for formats that have
    no text of their own: every quote taken from a passage is then found verbatim."""
    seen: dict[str, None] = {}
    for passage in passages:
        seen.setdefault(passage.strip(), None)
    return "\n\n".join(p for p in seen if p) + "\n"
