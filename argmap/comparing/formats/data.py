"""The comparison for machines: JSON (schema/comparison.schema.json) and one CSV row per claim."""

from __future__ import annotations

import json
from dataclasses import asdict

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


def comparison_dict(c: Comparison) -> dict[str, object]:
    """The comparison as JSON-ready data: the dataclass fields, with the version first."""
    data = asdict(c)
    return {"version": data.pop("version"), **data}


def format_json(c: Comparison) -> str:
    """The full comparison as JSON, valid against schema/comparison.schema.json."""
    return json.dumps(comparison_dict(c), indent=2, ensure_ascii=False) + "\n"


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
