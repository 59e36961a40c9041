"""The schemas ship inside the wheel, and a checkout falls back to schema/; lazy imports stay lazy."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from argmap.core import resources
from tests.conftest import REPO


def test_checkout_falls_back_to_repo_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No packaged copy (an editable install): the checkout's schema/ is used.
    monkeypatch.setattr(resources, "_PACKAGED", tmp_path / "not-installed")
    resources.load_schema.cache_clear()
    try:
        assert resources.schema_dir() == REPO / "schema"
        assert resources.load_schema("argmap.schema.json")["title"] == "argmap map"
    finally:
        resources.load_schema.cache_clear()


def test_missing_schemas_name_both_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "_PACKAGED", tmp_path / "a")
    monkeypatch.setattr(resources, "_CHECKOUT", tmp_path / "b")
    with pytest.raises(FileNotFoundError, match=f"looked in {tmp_path / 'a'} and {tmp_path / 'b'}"):
        resources.schema_dir()


def test_packaged_copy_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packaged = tmp_path / "schema"
    packaged.mkdir()
    (packaged / "argmap.schema.json").write_text('{"title": "packaged"}', encoding="utf-8")
    monkeypatch.setattr(resources, "_PACKAGED", packaged)
    resources.load_schema.cache_clear()
    try:
        assert resources.schema_dir() == packaged
        assert resources.load_schema("argmap.schema.json") == {"title": "packaged"}
    finally:
        resources.load_schema.cache_clear()


@pytest.mark.slow
def test_wheel_contains_schemas(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    wheel = next(iter(WheelBuilder(str(REPO)).build(directory=str(tmp_path), versions=["standard"])))
    names = set(zipfile.ZipFile(wheel).namelist())
    for schema in ("argmap.schema.json", "propositions.schema.json", "seeds.schema.json"):
        assert f"argmap/schema/{schema}" in names
    assert "argmap/cli/__init__.py" in names
    assert {"argmap/examples/maps/panov.json", "argmap/examples/seeds/seeds.json"} <= names


@pytest.mark.slow
def test_cli_import_path_stays_light() -> None:
    code = (
        "import sys, argmap.cli; "
        "heavy = [m for m in ('pydantic', 'jsonschema', 'pygraphviz', 'graphviz', 'rapidfuzz') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.slow
def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "argmap", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert out.stdout.startswith("Usage: argmap [OPTIONS] COMMAND [ARGS]...")
