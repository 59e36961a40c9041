"""The seed maps stay honest: valid, one thesis each, quotes resolved, Panov answers Kobayashi."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from argmap.comparing import speaker_key
from argmap.core.load import CATALOGUE_NAME, LoadedMap, Workspace, validate
from tests.conftest import REPO

MAPS = REPO / "maps"
NAMES = sorted(p.stem for p in MAPS.glob("*.json") if p.name != CATALOGUE_NAME)


@pytest.fixture(scope="module")
def seed_maps() -> dict[str, LoadedMap]:
    report = validate([MAPS / f"{n}.json" for n in NAMES], Workspace(maps_dir=MAPS), include_catalogue=True)
    assert [str(p) for p in report.problems] == []  # no errors and no warnings
    return {m.id: m for m in report.maps}


def test_the_expected_maps_exist() -> None:
    assert NAMES == ["abiru", "brown", "forum-2014", "hirose", "kobayashi", "nyt-2014", "panov"]


@pytest.mark.parametrize("name", NAMES)
def test_one_thesis_and_every_quote_resolves(name: str, seed_maps: dict[str, LoadedMap]) -> None:
    m = seed_maps[name]
    assert sum(n.thesis for n in m.map.nodes) == 1
    for node in m.map.nodes:
        if node.implicit:
            assert node.quote is None
        else:
            assert node.quote and node.id in m.spans
            span = m.spans[node.id]
            assert 0 <= span.start < span.end <= len(m.source_text)


@pytest.mark.parametrize("name", ["panov", "brown", "hirose", "abiru", "nyt-2014"])
def test_long_texts_have_15_to_60_nodes(name: str, seed_maps: dict[str, LoadedMap]) -> None:
    # Complete maps of the long texts (every argumentative move, issue 12) run to about 55 nodes.
    assert 15 <= len(seed_maps[name].map.nodes) <= 60


def test_kobayashi_is_reported_by_panov_and_quoted_from_his_text(seed_maps: dict[str, LoadedMap]) -> None:
    kobayashi, panov = seed_maps["kobayashi"], seed_maps["panov"]
    assert kobayashi.map.reported_by is not None
    assert kobayashi.map.reported_by.name == "Alexander Panov"
    assert kobayashi.map.reported_by.map == "panov"
    assert kobayashi.map.source.seed == panov.map.source.seed == "panov-2014-riac"
    assert kobayashi.source_text == panov.source_text
    assert 5 <= len(kobayashi.map.nodes) <= 10


def test_panov_attacks_kobayashis_thesis(seed_maps: dict[str, LoadedMap]) -> None:
    thesis = next(n.id for n in seed_maps["kobayashi"].map.nodes if n.thesis)
    attacks = [
        r
        for r in seed_maps["panov"].map.relations
        if r.type.value == "attack" and r.target == f"kobayashi:{thesis}"
    ]
    assert attacks


def test_panov_and_kobayashi_opposed_on_independence(seed_maps: dict[str, LoadedMap]) -> None:
    def positions(name: str) -> set[str]:
        return {
            s.position.value
            for n in seed_maps[name].map.nodes
            if not n.speaker
            for s in n.stances
            if s.proposition == "japan-russia-policy-independent"
        }

    assert positions("kobayashi") == {"pro"}
    assert positions("panov") == {"con"}


def test_every_proposition_tells_actors_apart(seed_maps: dict[str, LoadedMap]) -> None:
    """A proposition earns its place: stances on both sides, or from at least three actors."""
    catalogue = json.loads((MAPS / CATALOGUE_NAME).read_text(encoding="utf-8"))
    ids = [p["id"] for p in catalogue["propositions"]]
    assert 10 <= len(ids) <= 25
    sides: dict[str, set[str]] = defaultdict(set)
    actors: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for m in seed_maps.values():
        for node in m.map.nodes:
            for stance in node.stances:
                sides[stance.proposition].add(stance.position.value)
                actors[stance.proposition].add((m.id, speaker_key(node.speaker, m.map.author.name)))
    earns = {p: {"pro", "con"} <= sides[p] or len(actors[p]) >= 3 for p in ids}
    assert earns == dict.fromkeys(ids, True)
    kinds = {
        p["id"]: (p.get("kind", "descriptive"), p.get("timeless", False)) for p in catalogue["propositions"]
    }
    assert kinds["japan-should-pursue-independent-russia-policy"] == ("normative", True)
    assert kinds["japan-has-chosen-the-west"] == ("descriptive", False)
    assert {
        "japan-sanctions-mild",
        "g7-solidarity-priority",
        "west-russia-tension-constrains-japan",
    }.isdisjoint(ids)


def test_stances_sit_on_quoted_claims(seed_maps: dict[str, LoadedMap]) -> None:
    for m in seed_maps.values():
        for node in m.map.nodes:
            if node.stances:
                assert node.kind.value == "claim" and node.quote, f"{m.id}:{node.id}"


def test_every_stance_author_has_a_map(seed_maps: dict[str, LoadedMap]) -> None:
    names = {m.map.author.name for m in seed_maps.values()}
    assert names == {
        "Alexander Panov",
        "Kazushige Kobayashi",
        "James D. J. Brown",
        "Yoko Hirose",
        "Taisuke Abiru",
        "The New York Times",
        "anonymous forum commenters",
    }


def test_seed_manifest_lists_every_text(in_repo: Path) -> None:
    manifest = json.loads((REPO / "seeds" / "seeds.json").read_text(encoding="utf-8"))
    files = {s["file"] for s in manifest["seeds"]}
    assert files == {p.name for p in (REPO / "seeds").glob("*.txt")}
    assert all(len(s["sha256"]) == 64 for s in manifest["seeds"])


def test_an_edited_seed_text_is_caught(tmp_path: Path, in_repo: Path) -> None:
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    text = seeds / "panov-2014-riac.txt"
    text.write_bytes(text.read_bytes().replace(b"Rate this article", b"Rate this article!", 1))
    report = validate([MAPS / "kobayashi.json"], Workspace(maps_dir=MAPS, seeds_dir=seeds))
    assert [p.message for p in report.problems] == [
        f"source text {text} differs from the one the manifest records (sha256 mismatch); "
        "seeds must stay byte for byte as published"
    ]
