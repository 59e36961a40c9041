"""Data-driven validation: every data/valid file passes, every data/invalid one fails exactly, and
every data/warn file passes with exactly its warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.core.load import Workspace, validate
from tests.conftest import DATA, REPO

VALID = sorted((DATA / "valid").glob("*.json"))
INVALID = sorted((DATA / "invalid").glob("*.json"))
# Valid but suspicious maps; kept apart so that commands run over data/valid stay quiet.
WARN = sorted((DATA / "warn").glob("*.json"))


def _workspace() -> Workspace:
    return Workspace(
        maps_dir=DATA / "valid",
        seeds_dir=REPO / "seeds",
        catalogue_path=DATA / "valid" / "propositions.json",
    )


def _expected(path: Path) -> list[str]:
    sidecar = path.with_suffix(".expected")
    return sidecar.read_text(encoding="utf-8").splitlines() if sidecar.exists() else []


@pytest.mark.parametrize("path", [p for p in VALID if p.name != "propositions.json"], ids=lambda p: p.stem)
def test_valid_map_passes(path: Path, in_repo: Path) -> None:
    report = validate([path], _workspace())
    assert report.ok
    assert [str(p) for p in report.problems] == _expected(path)
    assert report.maps[0].id == path.stem


@pytest.mark.parametrize("path", WARN, ids=lambda p: p.stem)
def test_suspicious_map_warns_exactly(path: Path, in_repo: Path) -> None:
    expected = _expected(path)
    assert expected and all(line.startswith("warning: ") for line in expected)
    report = validate([path], _workspace())
    assert report.ok and report.maps[0].id == path.stem
    assert [str(p) for p in report.problems] == expected


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_map_reports_exactly(path: Path, in_repo: Path) -> None:
    expected = _expected(path)
    assert expected, f"{path.name} needs a .expected file with the exact problems"
    report = validate([path], _workspace())
    assert not report.ok
    assert report.maps == []
    assert [str(p) for p in report.problems] == expected


def test_every_invalid_case_has_a_sidecar() -> None:
    stems = {p.stem for p in INVALID}
    sidecars = {p.stem for p in (DATA / "invalid").glob("*.expected")}
    assert stems == sidecars
