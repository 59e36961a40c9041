"""Shared fixtures: the repository root, running inside it, and the --update-golden switch."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
GOLDEN = REPO / "tests" / "golden"


def check_golden(name: str, text: str, update: bool) -> None:
    """Compare output with tests/golden/NAME; with --update-golden, rewrite it first."""
    path = GOLDEN / name
    if update:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"tests/golden/{name} is missing; run pytest --update-golden and review it"
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; rerun with --update-golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output instead of comparing.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from the repository root, so displayed paths are stable and relative."""
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch folder holding a copy of the valid test maps (maps/) and their source, as cwd."""
    shutil.copytree(DATA / "valid", tmp_path / "maps")
    shutil.copy(DATA / "source.txt", tmp_path / "source.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def no_layout_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests lay out every picture afresh and never write to the user's cache folder."""
    monkeypatch.setenv("ARGMAP_CACHE_DIR", "")


def _find_corpora() -> Path | None:
    """The shared corpora: ../shared/corpora beside the checkout (or beside one of its parents)."""
    for parent in REPO.parents:
        if (parent / "shared" / "corpora").is_dir():
            return parent / "shared" / "corpora"
    return None


CORPORA = _find_corpora()


@pytest.fixture
def corpora() -> Path:
    """The real AIF and microtext data; in CI their absence is a failure, not a skip."""
    if CORPORA is None:
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/corpora is missing; CI must run beside a copy of shared/")
        pytest.skip("../shared/corpora is not beside this checkout")
    return CORPORA
