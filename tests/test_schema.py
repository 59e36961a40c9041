"""The checked-in schemas are exactly what the models generate, and they are well described."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from argmap.core.model import ArgumentMap
from argmap.schemagen import SCHEMA_FILES, dump_schema
from tests.conftest import REPO


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_checked_in_schema_matches_models(name: str) -> None:
    checked_in = (REPO / "schema" / name).read_text(encoding="utf-8")
    assert checked_in == dump_schema(name), (
        f"schema/{name} drifted from argmap/model.py: run `python -m argmap.schemagen schema`"
    )


def _objects(schema: Any, where: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(schema, dict):
        if "properties" in schema and schema.get("type") == "object":
            yield where, schema
        for key, value in schema.items():
            yield from _objects(value, f"{where}.{key}")
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            yield from _objects(value, f"{where}[{i}]")


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_every_object_is_closed_and_every_property_described(name: str) -> None:
    schema = json.loads((REPO / "schema" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    objects = list(_objects(schema))
    assert objects
    for where, obj in objects:
        assert obj.get("additionalProperties") is False, where
        for prop, sub in obj["properties"].items():
            assert sub.get("description"), f"{where}.properties.{prop} has no description"


def test_schema_example_is_valid() -> None:
    schema = json.loads((REPO / "schema" / "argmap.schema.json").read_text(encoding="utf-8"))
    [example] = schema["examples"]
    Draft202012Validator(schema).validate(example)
    assert ArgumentMap.model_validate(example).id == "example"


def test_models_are_frozen() -> None:
    schema = json.loads((REPO / "schema" / "argmap.schema.json").read_text(encoding="utf-8"))
    m = ArgumentMap.model_validate(schema["examples"][0])
    with pytest.raises(Exception, match="frozen"):
        m.title = "changed"  # type: ignore[misc]
