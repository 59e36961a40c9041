"""Textbook frameworks with known answers, one case per entry of tests/data/evaluate/textbook.json."""

from __future__ import annotations

import json
from typing import Any

import pytest

from argmap.evaluating import BaseScores, build_framework, evaluate
from argmap.evaluating.evaluation import evaluate_framework
from tests.conftest import DATA
from tests.evaluate_data import small_map

CASES = json.loads((DATA / "evaluate" / "textbook.json").read_text(encoding="utf-8"))


def _nodes_only(ev: Any, ext: tuple[int, ...]) -> list[str]:
    return sorted(ev.framework.arguments[i].local for i in ext if not ev.framework.arguments[i].is_relation)


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_extension_semantics(case: dict[str, Any]) -> None:
    m = small_map(case["nodes"], case["relations"])
    ev = evaluate(m, "grounded")
    got = {k: ev.label(f"t:{k}") for k in case["grounded"]}
    assert got == case["grounded"]
    for semantics in ("complete", "preferred", "stable"):
        ev = evaluate(m, semantics, limit=100)
        assert ev.exhaustive
        assert ev.count == len(case[semantics])
        assert sorted(_nodes_only(ev, e) for e in ev.extensions) == sorted(sorted(e) for e in case[semantics])
    for semantics, labels in case.get("sceptical", {}).items():
        ev = evaluate(m, semantics)
        assert {k: ev.label(f"t:{k}") for k in labels} == labels


@pytest.mark.parametrize("case", CASES["gradual"], ids=[c["name"] for c in CASES["gradual"]])
@pytest.mark.parametrize("semantics", ["dfquad", "quadratic"])
def test_gradual_semantics_by_hand(case: dict[str, Any], semantics: str) -> None:
    ev = evaluate(small_map(case["nodes"], case["relations"]), semantics)
    for key, expected in case[semantics].items():
        assert ev.strength(f"t:{key}") == pytest.approx(expected, abs=1e-6), key


def test_base_scores_come_from_the_node_then_the_kind_then_the_default() -> None:
    m = small_map({"a": 0.9, "b": None}, [])
    fw = build_framework([m], BaseScores(0.3, {"claim": 0.7}))
    assert [a.base for a in fw.arguments] == [0.9, 0.7]
    assert [a.base for a in build_framework([m], BaseScores(0.3)).arguments] == [0.9, 0.3]


def test_cross_map_relations_join_maps_and_others_are_left_out() -> None:
    a = small_map(["x"], [{"id": "r1", "type": "attack", "from": ["x"], "to": "b:y"}], "a")
    b = small_map(["y"], [{"id": "r1", "type": "attack", "from": ["y"], "to": "c:z"}], "b")
    joined = evaluate([a, b])
    assert joined.label("b:y") == "out"
    assert joined.framework.left_out == ("b:r1",)
    alone = evaluate([b])
    assert alone.label("b:y") == "in"


def test_undercut_of_a_left_out_relation_is_left_out_too() -> None:
    a = small_map(
        ["x", "u"],
        [
            {"id": "r1", "type": "attack", "from": ["x"], "to": "b:y"},
            {"id": "r2", "type": "attack", "from": ["u"], "to": "r1"},
        ],
        "a",
    )
    assert evaluate([a]).framework.left_out == ("a:r1", "a:r2")


def test_relation_strength_contributions_name_the_relation_that_moves_a_node_most() -> None:
    m = small_map(
        ["a", "b", "c"],
        [
            {"id": "r1", "type": "attack", "from": ["a"], "to": "c"},
            {"id": "r2", "type": "support", "from": ["b"], "to": "c"},
        ],
    )
    ev = evaluate(m, "dfquad")
    c = ev.framework.index["t:c"]
    # Without r1, c = 0.5 + 0.5 * 0.5 = 0.75 (so r1 moves it by -0.25); without r2, c = 0.25.
    moved = {ev.framework.arguments[r].local: round(d, 6) for r, d in ev.contributions[c]}
    assert moved == {"r1": -0.25, "r2": 0.25}


def test_a_framework_without_a_stable_extension_says_so() -> None:
    fw = build_framework([small_map(["a"], [{"id": "r1", "type": "attack", "from": ["a"], "to": "a"}])])
    ev = evaluate_framework(fw, "stable")
    assert (ev.count, ev.extensions, ev.labels) == (0, (), ("undec", "undec"))


def test_counting_stops_at_the_count_limit_and_says_so() -> None:
    # Ten separate even cycles: 2^10 stable extensions.
    names = [f"n{i}" for i in range(20)]
    attacks = [(f"n{2 * i}", f"n{2 * i + 1}") for i in range(10)] + [
        (f"n{2 * i + 1}", f"n{2 * i}") for i in range(10)
    ]
    from argmap.evaluating import Framework

    fw = Framework.from_attacks(names, attacks)
    full = evaluate_framework(fw, "stable", limit=3)
    assert (full.count, full.exhaustive, len(full.extensions)) == (1024, True, 3)
    capped = evaluate_framework(fw, "stable", limit=3, count_limit=100)
    assert (capped.count, capped.exhaustive) == (100, False)
