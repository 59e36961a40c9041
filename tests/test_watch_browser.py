"""`argmap watch` end to end: a real process serving a real page in headless Chromium that follows edits."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import require_chromium, start_chrome
from tests.conftest import REPO

require_chromium()

MAP = """\
version: 2
id: bikes
title: "Reyes: protected bike lanes pay for themselves"
author: {name: Dana Reyes}
source: {path: ../texts/bike-lanes.txt, title: Protected bike lanes pay for themselves, date: 2024-05}
nodes:
  - {id: c1, kind: claim, text: The city should build bike lanes., thesis: true,
     quote: city should build a connected network of protected bike lanes}
  - {id: c2, kind: claim, text: Lanes pay for themselves., quote: protected lanes pay for themselves}
relations:
  - {id: r1, type: support, from: [c2], to: c1}
"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str, Path]]:
    (tmp_path / "texts").mkdir()
    (tmp_path / "maps").mkdir()
    shutil.copy(REPO / "docs" / "walkthrough" / "bike-lanes.txt", tmp_path / "texts")
    (tmp_path / "maps" / "bikes.yaml").write_text(MAP, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "watch", "bikes"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    lines = [process.stdout.readline(), process.stdout.readline()]
    assert lines[0] == "maps/bikes.yaml: valid, 0 warnings; 2 quotes found\n"
    assert lines[1].startswith("watching maps/bikes.yaml at http://127.0.0.1:")
    url = lines[1].split(" at ")[1].split(" ")[0]
    try:
        yield process, url, tmp_path
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _text(driver: Any, selector: str) -> str:
    """The text of an element, read in one step: the page swaps its content in as files change, so
    an element found first and read later may be gone."""
    script = "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';"
    return str(driver.execute_script(script, selector))


def _wait(check: object, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(check) and check():
            return
        time.sleep(0.1)
    raise AssertionError("the page did not change in time")


def test_the_page_follows_each_save_and_ctrl_c_stops_cleanly(
    served: tuple[subprocess.Popen[str], str, Path], tmp_path: Path
) -> None:
    process, url, project = served
    driver = start_chrome(tmp_path / "chrome")
    try:
        driver.get(url)
        _wait(lambda: _text(driver, "#summary").startswith("maps/bikes.yaml: valid"))
        svg_text = _text(driver, "#map svg")
        assert "Lanes pay for themselves." in svg_text
        marks = "return [...document.querySelectorAll('#source mark')].map(m => m.textContent);"
        assert driver.execute_script(marks) == [
            "city should build a connected network of protected bike lanes",
            "protected lanes pay for themselves",
        ]
        # Save a change: the picture follows.
        edited = MAP.replace("Lanes pay for themselves.", "Lanes repay their cost.")
        (project / "maps" / "bikes.yaml").write_text(edited, encoding="utf-8")
        _wait(lambda: "Lanes repay their cost." in _text(driver, "#map svg"))
        # Save a slip: the problem shows with its line and column, the last good picture stays.
        slipped = edited.replace("protected lanes pay for themselves", "protected lanes pay for itself")
        (project / "maps" / "bikes.yaml").write_text(slipped, encoding="utf-8")
        _wait(lambda: "1 errors" in _text(driver, "#summary"))
        problem = _text(driver, "#problems li.error")
        assert problem.startswith("maps/bikes.yaml:9:")
        assert "Lanes repay their cost." in _text(driver, "#map svg")
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
    finally:
        driver.quit()
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=10)
    assert process.returncode == 0
    assert out.endswith("stopped\n")
