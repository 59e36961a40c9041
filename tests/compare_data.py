"""Shared by the compare tests: the hand-made Millbrook maps, the seed maps, in-memory maps."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from argmap.comparing.comparison import Comparison
from argmap.comparing.matrix import compare
from argmap.core.load import LoadedMap, Span, load_catalogue, load_maps
from argmap.core.model import ArgumentMap, PropositionCatalogue
from tests.conftest import DATA, REPO

HAND = DATA / "compare"


@cache
def hand_maps() -> tuple[LoadedMap, ...]:
    """alice, bob and carol, in that order."""
    return tuple(load_maps(["alice", "bob", "carol"], HAND))


@cache
def hand_catalogue() -> PropositionCatalogue:
    return load_catalogue(HAND / "propositions.json")


@cache
def hand(speakers: bool = False, by_date: bool = False) -> Comparison:
    return compare(hand_maps(), hand_catalogue(), speakers=speakers, by_date=by_date)


@cache
def seed_maps() -> dict[str, LoadedMap]:
    return {m.id: m for m in load_maps([], REPO / "maps")}


@cache
def seed_catalogue() -> PropositionCatalogue:
    return load_catalogue(REPO / "maps" / "propositions.json")


@cache
def seeds(speakers: bool = False) -> Comparison:
    return compare(list(seed_maps().values()), seed_catalogue(), speakers=speakers)


def in_memory(map_id: str, author: str, nodes: list[dict[str, Any]], **extra: Any) -> LoadedMap:
    """A LoadedMap built without files; quotes are laid end to end into a made-up source text."""
    data = {
        "version": 2,
        "id": map_id,
        "title": extra.pop("title", f"Map {map_id}"),
        "author": {"name": author},
        "source": {"path": f"{map_id}.txt", "title": "t", "date": extra.pop("date", "2020")},
        "nodes": nodes,
        **extra,
    }
    m = ArgumentMap.model_validate(data)
    text, spans = "", {}
    for node in m.nodes:
        if node.quote:
            spans[node.id] = Span(len(text), len(text) + len(node.quote))
            text += node.quote + "\n"
    return LoadedMap(m, Path(f"{map_id}.json"), Path(f"{map_id}.txt"), text, spans)
