"""Models built from schema-valid data without a second validation equal pydantic's own result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from argmap.core.construct import build
from argmap.core.model import ArgumentMap, NodeKind, PropositionCatalogue, RelationType, SeedManifest
from tests.conftest import DATA, REPO
from tests.test_model_roundtrip import maps as generated_maps

FILES = sorted(
    [*REPO.glob("maps/*.json"), *(DATA / "valid").glob("*.json"), *(DATA / "compare").glob("*.json")]
)


def _model(data: dict[str, Any]) -> type[ArgumentMap | PropositionCatalogue | SeedManifest]:
    if "propositions" in data:
        return PropositionCatalogue
    return SeedManifest if "seeds" in data else ArgumentMap


@pytest.mark.parametrize("path", [*FILES, REPO / "seeds" / "seeds.json"], ids=lambda p: p.name)
def test_build_equals_validation(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    model = _model(data)
    built, validated = build(model, data), model.model_validate(data)
    assert built == validated
    assert built.model_fields_set == validated.model_fields_set
    assert built.model_dump(mode="json") == validated.model_dump(mode="json")


def test_build_makes_enums_and_nested_models() -> None:
    m = build(ArgumentMap, json.loads((REPO / "maps" / "panov.json").read_text(encoding="utf-8")))
    assert m.nodes[0].kind is NodeKind.CLAIM and m.relations[0].type is RelationType.SUPPORT
    assert type(m.author).__name__ == "Person" and m.relations[0].premises == ["c2"]


@settings(max_examples=40, deadline=None)
@given(generated_maps())
def test_build_equals_validation_on_generated_maps(data: dict[str, Any]) -> None:
    assert build(ArgumentMap, data) == ArgumentMap.model_validate(data)


def test_large_documents_take_pydantics_path(monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.loads((REPO / "maps" / "panov.json").read_text(encoding="utf-8"))
    small = build(ArgumentMap, data)
    monkeypatch.setattr("argmap.core.construct.LARGE", 10)
    assert build(ArgumentMap, data) == small
