"""docs/evaluate.md's worked example and sample output are what argmap computes."""

from __future__ import annotations

import re

import pytest

from argmap.evaluating import evaluate, write_iccma
from tests.conftest import GOLDEN, REPO
from tests.evaluate_data import small_map

DOC = (REPO / "docs" / "evaluate.md").read_text(encoding="utf-8")
EXAMPLE = small_map(
    ["c1", "c4", "c5", "k1", "ke1"],
    [
        {"id": "r18", "type": "attack", "from": ["c4"], "to": "c1"},
        {"id": "r19", "type": "attack", "from": ["c5"], "to": "r18"},
        {"id": "r39", "type": "attack", "from": ["c1"], "to": "k1"},
        {"id": "kr3", "type": "support", "from": ["ke1"], "to": "k1"},
    ],
)


def test_worked_example_rounds_and_labels() -> None:
    ev = evaluate(EXAMPLE)
    got = {a.local: (ev.labels[i], ev.rounds[i]) for i, a in enumerate(ev.framework.arguments)}
    assert got == {
        "c4": ("in", 0),
        "c5": ("in", 0),
        "ke1": ("in", 0),
        "r19": ("in", 0),
        "r18": ("out", 1),
        "c1": ("in", 1),
        "r39": ("in", 1),
        "k1": ("out", 2),
        "kr3": ("out", 2),
    }
    pairs = {
        (ev.framework.arguments[a].local, ev.framework.arguments[b].local) for a, b in ev.framework.attacks
    }
    assert pairs == {("r18", "c1"), ("r19", "r18"), ("r39", "k1"), ("r18", "r39"), ("r39", "kr3")}


def test_worked_example_strengths_and_contributions() -> None:
    ev = evaluate(EXAMPLE, "dfquad")
    strength = {a.local: round(ev.strengths.values[i], 6) for i, a in enumerate(ev.framework.arguments)}  # type: ignore[union-attr]
    assert strength == pytest.approx(
        {
            "c1": 0.375,
            "c4": 0.5,
            "c5": 0.5,
            "k1": 0.5625,
            "ke1": 0.5,
            "r18": 0.25,
            "r19": 0.5,
            "r39": 0.375,
            "kr3": 0.5,
        }
    )
    k1 = ev.framework.index["t:k1"]
    moved = [(ev.framework.arguments[r].local, round(d, 6)) for r, d in ev.contributions[k1]]
    assert moved == [("kr3", 0.25), ("r39", -0.1875), ("r18", 0.0625), ("r19", -0.0625)]


def test_iccma_block_is_the_export() -> None:
    block = re.search(r"```\n(p af 9\n.*?)```", DOC, re.S)
    assert block is not None
    assert block.group(1) == write_iccma(evaluate(EXAMPLE).framework)


def test_console_sample_is_in_the_golden_output() -> None:
    golden = (GOLDEN / "evaluate-panov-kobayashi.txt").read_text(encoding="utf-8")
    sample = DOC.split("```console\n$ argmap evaluate panov kobayashi\n", 1)[1].split("```", 1)[0]
    for line in sample.splitlines():
        if line != "...":
            assert line + "\n" in golden, line


def test_readme_sample_is_in_the_golden_output() -> None:
    golden = (GOLDEN / "evaluate-panov-kobayashi.txt").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    sample = readme.split("```console\n$ argmap evaluate panov kobayashi\n", 1)[1].split("```", 1)[0]
    assert [line for line in sample.splitlines() if line != "..." and line + "\n" not in golden] == []
