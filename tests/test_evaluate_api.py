"""argmap.evaluate from Python, and map text kept inert in every evaluation format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.core.errors import UsageError
from argmap.core.load import load_map, load_maps
from argmap.core.model import ArgumentMap
from argmap.evaluating import evaluate, format_evaluation

HOSTILE = '\x1b[31mred\x1b[0m =HYPERLINK("x") \u009b2J <b>&'


def test_public_function_takes_loaded_maps(in_repo: Path) -> None:
    top: Any = argmap  # the package's names resolve lazily, which mypy cannot follow
    assert top.evaluate is evaluate and "evaluate" in dir(argmap)
    ev = evaluate(load_maps(["panov", "kobayashi"]))
    assert (ev.label("kobayashi:k1"), ev.label("panov:c1")) == ("out", "in")
    assert evaluate(load_map("kobayashi")).label("kobayashi:k1") == "in"
    with pytest.raises(UsageError, match="dfquad gives strengths, not labels"):
        evaluate(load_map("kobayashi"), "dfquad").label("kobayashi:k1")
    with pytest.raises(UsageError, match="semantics must be one of grounded, complete"):
        evaluate(load_map("kobayashi"), "ideal")
    with pytest.raises(UsageError, match="nothing to evaluate"):
        evaluate([])


def _hostile() -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "version": 2,
            "id": "h",
            "title": "t",
            "author": {"name": HOSTILE},
            "source": {"path": "x.txt", "title": "t", "date": "2020"},
            "nodes": [
                {"id": "a", "kind": "claim", "text": HOSTILE, "implicit": True},
                {"id": "b", "kind": "claim", "text": "=1+1", "quote": HOSTILE},
            ],
            "relations": [{"id": "r1", "type": "attack", "from": ["a"], "to": "b"}],
        }
    )


@pytest.mark.parametrize("semantics", ["grounded", "dfquad"])
def test_hostile_text_stays_inert(semantics: str) -> None:
    ev = evaluate(_hostile(), semantics)
    text = format_evaluation(ev, "text")
    assert "\x1b" not in text and "\u009b" not in text
    assert "\\x1b[31mred" in text  # shown as an escape, as in every text format
    rows = list(csv.reader(io.StringIO(format_evaluation(ev, "csv"))))
    assert rows[2][-1] == "'=1+1"
    assert "\x1b" not in rows[1][-1]
    data = json.loads(format_evaluation(ev, "json"))
    assert data["results"][0]["text"] == HOSTILE  # JSON keeps the text exactly, escaped by the encoder
