"""The README stays true: its two commands are marked for CI, and its example map is valid."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from argmap.core.load import Workspace, validate
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_marked_commands() -> None:
    main = re.search(r"<!-- main-command -->\n```bash\n(.+)\n```", README)
    tests = re.search(r"<!-- test-command -->\n```bash\n(.+)\n```", README)
    assert main and tests
    assert main.group(1).startswith("python3 -m venv .venv && .venv/bin/pip install -e . && ")
    assert main.group(1).endswith("argmap render panov")
    assert tests.group(1).endswith(".venv/bin/pytest")
    assert README.index("<!-- main-command -->") < README.index("<!-- test-command -->") < README.index("## ")


def test_readme_example_map_is_valid(tmp_path: Path) -> None:
    block = re.search(r"## A map\n.*?```json\n(.+?)\n```", README, re.S)
    assert block
    (tmp_path / "example.json").write_text(block.group(1), encoding="utf-8")
    assert json.loads(block.group(1))["id"] == "example"
    ws = Workspace(
        maps_dir=REPO / "maps", seeds_dir=REPO / "seeds", catalogue_path=REPO / "maps" / "propositions.json"
    )
    report = validate([tmp_path / "example.json"], ws)
    assert [str(p) for p in report.problems] == []


def test_readme_library_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Library\n\n```python\n(.*?)```", readme, re.DOTALL)
    assert block
    for folder in ("maps", "seeds"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    exec(compile(block.group(1), "README.md", "exec"), {})
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "report-kobayashi.svg",
        "report-panov.svg",
        "report-panov_kobayashi.svg",
        "report.md",
    ]
