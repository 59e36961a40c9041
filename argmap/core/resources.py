"""Locate the JSON Schemas: packaged in the wheel, or the repository's schema/ in a checkout."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["load_schema", "schema_dir"]

_PACKAGE = Path(__file__).parent.parent  # argmap/, where the wheel puts schema/
_PACKAGED = _PACKAGE / "schema"
_CHECKOUT = _PACKAGE.parent / "schema"


def schema_dir() -> Path:
    """Return the folder holding the schemas: the wheel's copy first, then the checkout's."""
    for candidate in (_PACKAGED, _CHECKOUT):
        if (candidate / "argmap.schema.json").is_file():
            return candidate
    raise FileNotFoundError(f"argmap's schemas are missing: looked in {_PACKAGED} and {_CHECKOUT}")


@cache
def load_schema(file_name: str) -> dict[str, Any]:
    """Return one schema from schema/ as a dict."""
    with (schema_dir() / file_name).open(encoding="utf-8") as handle:
        result: dict[str, Any] = json.load(handle)
    return result
