"""Every seed map through AIF, xAIF and Argdown and back: what each format keeps, stated exactly.

Each test builds the expected map from the original by dropping exactly what the format cannot
hold, then compares whole models, so anything else lost or changed on the way fails the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.core.load import LoadedMap, Workspace, load_catalogue, load_map, validate
from argmap.core.model import ArgumentMap
from argmap.formats import aif, argdown
from argmap.formats.writing import write_imported
from tests.conftest import REPO

SEED_MAPS = sorted(p.stem for p in (REPO / "maps").glob("*.json") if p.name != "propositions.json")


def _seed(name: str) -> LoadedMap:
    return load_map(name, REPO / "maps")


def _day(date: str) -> str:
    """AIF timestamps are days: a month or a year comes back as its first day."""
    return (date + "-01-01")[:10]


def kept_by_aif(m: ArgumentMap, kind: str) -> ArgumentMap:
    """AIF keeps node ids and texts, quotes (as L-nodes), implicit premises (I-nodes without one),
    speakers (as participants), and support/attack relations with their linked premises and
    undercut targets. It has no place for claim vs evidence, evidence details, the thesis, tags,
    stances, relation notes, relations into other maps, or the map's metadata beyond a date."""
    nodes = [
        {
            "id": n.id,
            "kind": "claim",
            "text": n.text,
            **({"quote": n.quote} if n.quote else {"implicit": True}),
            **({"speaker": n.speaker} if n.speaker and n.speaker != m.author.name else {}),
        }
        for n in m.nodes
    ]
    relations = [
        {"id": r.id, "type": r.type.value, "from": r.premises, "to": r.target}
        for r in m.relations
        if ":" not in r.target
    ]
    title = f"{m.id} ({kind})"
    return ArgumentMap.model_validate(
        {
            "version": m.version,
            "id": m.id,
            "title": title,
            "author": {"name": m.author.name},
            "source": {"path": f"{m.id}.txt", "title": title, "date": _day(m.source.date)},
            "description": f"Imported from {kind} {m.id}.",
            "nodes": nodes,
            "relations": relations,
        }
    )


def kept_by_argdown(m: ArgumentMap) -> ArgumentMap:
    """Argdown keeps everything but the link to the source file: the imported map's source is the
    document's own statements (a path), with the original title, outlet, url and date."""
    source = m.source.model_dump(exclude_none=True)
    source.pop("seed", None)
    source["path"] = f"{m.id}.txt"
    return m.model_copy(update={"schema_": None, "source": m.source.model_validate(source)})


@pytest.mark.parametrize("name", SEED_MAPS)
@pytest.mark.parametrize("xaif", [True, False])
def test_aif_round_trip_keeps_the_argument_graph(name: str, xaif: bool, tmp_path: Path) -> None:
    seed = _seed(name)
    text, _ = aif.dump(seed.map, source_text=seed.source_text, xaif=xaif)
    back = aif.load(json.loads(text), file="x", name=name, author=seed.map.author.name)
    assert back.map == kept_by_aif(seed.map, "OVA xAIF" if xaif else "AIF")
    # xAIF carries the whole source text; plain AIF only the quotes, which still validate.
    if xaif:
        assert back.source_text == seed.source_text
    assert write_imported(back, tmp_path, "x").path.is_file()


@pytest.mark.parametrize("name", SEED_MAPS)
def test_argdown_round_trip_keeps_everything_but_the_source_file(name: str, tmp_path: Path) -> None:
    seed = _seed(name)
    catalogue = load_catalogue(REPO / "maps" / "propositions.json")
    text, _ = argdown.dump(seed.map, catalogue)
    back = argdown.load(text, file="x", name=name)
    assert back.map == kept_by_argdown(seed.map)
    used = {s.proposition for n in seed.map.nodes for s in n.stances}
    assert [p for p in back.propositions] == [p for p in catalogue.propositions if p.id in used]
    # Written with the catalogue it carries, the map validates without the repository beside it.
    written = write_imported(back, tmp_path, "x").path
    assert (tmp_path / "propositions.json").is_file() == bool(used)
    peers = Workspace(maps_dir=REPO / "maps", catalogue_path=tmp_path / "propositions.json")
    report = validate([written], peers)
    assert report.ok, [str(p) for p in report.problems]


def test_the_second_export_equals_the_first() -> None:
    """Export, import, export again: the same bytes (a fixed point, so diffs stay meaningful)."""
    seed = _seed("panov")
    catalogue = load_catalogue(REPO / "maps" / "propositions.json")
    first, _ = argdown.dump(seed.map, catalogue)
    back = argdown.load(first, file="x", name="panov")
    again, _ = argdown.dump(back.map, catalogue)
    assert again == first.replace('seed: "panov-2014-riac"', 'path: "panov.txt"')
