"""Property test: every map the models can express passes the schema and survives dump and load."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from argmap.core.model import ArgumentMap
from argmap.core.resources import load_schema

ids = st.from_regex(r"\A[a-z][a-z0-9_.-]{0,6}\Z")
slugs = st.from_regex(r"\A[a-z0-9]{1,5}(-[a-z0-9]{1,4}){0,2}\Z")
dates = st.from_regex(r"\A(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|1\d|2[0-8]))?)?\Z")
# Hostile text on purpose: markup, DOT escapes, quotes, right-to-left text and emoji.
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40
) | st.sampled_from(
    [
        "<script>alert(1)</script>",
        "a \\l b \\N",
        "\"quoted\" & 'single'",
        "\u05e9\u05dc\u05d5\u05dd",
        "\U0001f600",
    ]
)


@st.composite
def nodes(draw: st.DrawFn, node_id: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(["claim", "evidence"]))
    node: dict[str, Any] = {"id": node_id, "kind": kind, "text": draw(texts)}
    if draw(st.booleans()):
        node["implicit"] = True
    else:
        node["quote"] = draw(texts)
    if draw(st.booleans()):
        node["speaker"] = draw(texts)
    if draw(st.booleans()):
        node["date"] = draw(dates)
    if draw(st.booleans()):
        node["tags"] = draw(st.lists(texts, max_size=2))
    if kind == "claim" and draw(st.booleans()):
        node["stances"] = [
            {
                "proposition": draw(slugs),
                "position": draw(st.sampled_from(["pro", "con", "neutral"])),
                "intensity": draw(st.integers(1, 3)),
            }
        ]
    if kind == "evidence":
        if draw(st.booleans()):
            node["evidence_kind"] = draw(st.sampled_from(["event", "statement", "report"]))
        if draw(st.booleans()):
            node["citation"] = draw(texts)
    return node


@st.composite
def maps(draw: st.DrawFn) -> dict[str, Any]:
    node_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    node_list = [draw(nodes(i)) for i in node_ids]
    relations = []
    for k in range(draw(st.integers(0, 4))):
        premises = draw(st.lists(st.sampled_from(node_ids), min_size=1, max_size=3, unique=True))
        target = draw(st.sampled_from(node_ids) | st.builds(lambda a, b: f"{a}:{b}", slugs, ids))
        relations.append(
            {
                "id": f"r{k}",
                "type": draw(st.sampled_from(["support", "attack"])),
                "from": premises,
                "to": target,
            }
        )
    source: dict[str, Any] = {"title": draw(texts), "date": draw(dates)}
    if draw(st.booleans()):
        source["seed"] = draw(slugs)
    else:
        source["path"] = draw(texts)
    data: dict[str, Any] = {
        "version": 2,
        "id": draw(slugs),
        "title": draw(texts),
        "author": {"name": draw(texts)},
        "source": source,
        "nodes": node_list,
        "relations": relations,
    }
    if draw(st.booleans()):
        data["reported_by"] = {"name": draw(texts), "map": draw(slugs)}
    return data


@settings(max_examples=150, deadline=None)
@given(maps())
def test_model_dump_passes_schema_and_round_trips(data: dict[str, Any]) -> None:
    model = ArgumentMap.model_validate(data)
    dumped = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    validator = Draft202012Validator(load_schema("argmap.schema.json"))
    assert [e.message for e in validator.iter_errors(dumped)] == []
    again = ArgumentMap.model_validate(json.loads(json.dumps(dumped)))
    assert again == model
