"""Generate the JSON Schemas in schema/ from the models, so the two can never drift."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from argmap.comparing.comparison import Comparison
from argmap.core.model import ArgumentMap, PropositionCatalogue, SeedManifest

__all__ = ["SCHEMA_FILES", "build_schema", "dump_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://argmap.example/schema/"

SCHEMA_FILES: dict[str, type[Any]] = {
    "argmap.schema.json": ArgumentMap,
    "propositions.schema.json": PropositionCatalogue,
    "seeds.schema.json": SeedManifest,
    # Output, not input: `argmap compare --format json`, described by its dataclasses.
    "comparison.schema.json": Comparison,
}


class _Generator(GenerateJsonSchema):
    """Adds the dialect and leaves out pydantic's per-field titles, which only repeat the names."""

    def generate(self, schema: Any, mode: Any = "validation") -> dict[str, Any]:
        result = super().generate(schema, mode=mode)
        return {"$schema": DIALECT, **result}

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def _drop_nulls(value: Any) -> Any:
    """Remove null from the schema: optional fields are left out of a file, never set to null."""
    if isinstance(value, dict):
        branches = value.get("anyOf")
        if isinstance(branches, list) and {"type": "null"} in branches:
            rest = [b for b in branches if b != {"type": "null"}]
            merged = {k: v for k, v in value.items() if k != "anyOf"}
            if len(rest) == 1:
                merged = {**rest[0], **merged}
            else:
                merged["anyOf"] = rest
            value = merged
        return {
            key: _drop_nulls(item) for key, item in value.items() if not (key == "default" and item is None)
        }
    if isinstance(value, list):
        return [_drop_nulls(item) for item in value]
    return value


def build_schema(file_name: str) -> dict[str, Any]:
    """Return the JSON Schema that belongs in schema/<file_name>."""
    model = SCHEMA_FILES[file_name]
    if issubclass(model, BaseModel):
        schema = _drop_nulls(model.model_json_schema(by_alias=True, schema_generator=_Generator))
    else:
        # Output keeps its nulls: an undefined measure is written as null, never left out.
        schema = TypeAdapter(model).json_schema(mode="serialization", schema_generator=_Generator)
    return {"$schema": schema.pop("$schema"), "$id": BASE_ID + file_name, **schema}


def dump_schema(file_name: str) -> str:
    """Return the schema as the exact text checked in under schema/."""
    return json.dumps(build_schema(file_name), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    import sys
    from pathlib import Path

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "schema")
    for name in SCHEMA_FILES:
        (target / name).write_text(dump_schema(name), encoding="utf-8")
        print(target / name)
