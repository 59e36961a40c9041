"""The comparison for machines: JSON (schema/comparison.schema.json) and one CSV row per claim."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any

from argmap.comparing.comparison import Comparison
from argmap.core.escaping import csv_text

__all__ = ["CSV_COLUMNS", "comparison_dict", "format_csv", "format_json"]

CSV_COLUMNS = (
    "actor",
    "actor_label",
    "map",
    "proposition",
    "position",
    "intensity",
    "cell_position",
    "node",
    "text",
    "quote",
    "start",
    "end",
)


_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _names(cls: type[Any]) -> tuple[str, ...]:
    """A dataclass's field names, looked up once per class."""
    if cls not in _NAMES:
        _NAMES[cls] = tuple(f.name for f in fields(cls))
    return _NAMES[cls]


def _plain(value: Any) -> Any:
    """Dataclasses as dicts, tuples as lists; what dataclasses.asdict does, without its deep copies
    (five times faster on 100,000 claims)."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if is_dataclass(value):
        names = _names(type(value))
        return {name: _plain(getattr(value, name)) for name in names}
    return value


def comparison_dict(c: Comparison) -> dict[str, object]:
    """The comparison as JSON-ready data: the dataclass fields, with the version first."""
    data = _plain(c)
    return {"version": data.pop("version"), **data}


def format_json(c: Comparison) -> str:
    """The full comparison as JSON, valid against schema/comparison.schema.json.

    One line per top-level field, and per element of a top-level list (an actor, a matrix row, a
    pair, ...): readable and diffable, and written by json's C encoder (indent= would switch to its
    pure-Python one, eight times slower at scale).
    """
    out = ["{"]
    # Top level by hand (the version first); below it json's C encoder does the walking, asking
    # _fields only for the dataclasses, and writes tuples as arrays by itself.
    items = [
        ("version", c.version),
        *((name, getattr(c, name)) for name in _names(type(c)) if name != "version"),
    ]
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        if isinstance(value, tuple) and value:
            out.append(f"  {_dump(key)}: [")
            out.extend(f"    {_dump(v)}{',' if k < len(value) - 1 else ''}" for k, v in enumerate(value))
            out.append(f"  ]{comma}")
        else:
            out.append(f"  {_dump(key)}: {_dump(value)}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"


def _fields(value: Any) -> dict[str, Any]:
    names = _names(type(value))
    return {name: getattr(value, name) for name in names}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_fields)


def format_csv(c: Comparison) -> str:
    """One row per (actor, proposition, claim), for spreadsheets; silent cells have no rows."""
    labels = {a.id: a.label for a in c.actors}
    rows: list[tuple[object, ...]] = [CSV_COLUMNS]
    for row in c.matrix:
        for cell in row:
            rows.extend(
                (
                    cell.actor,
                    labels[cell.actor],
                    claim.map,
                    cell.proposition,
                    claim.position,
                    claim.intensity,
                    cell.position,
                    claim.node,
                    claim.text,
                    claim.quote,
                    claim.start,
                    claim.end,
                )
                for claim in cell.claims
            )
    return csv_text(rows)
