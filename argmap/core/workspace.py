"""Where maps, the catalogue and the seeds live, and the files several maps share (read once)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.core.errors import Problem
from argmap.core.model import ArgumentMap, PropositionCatalogue, SeedManifest
from argmap.core.provenance import SourceIndex
from argmap.core.reading import Collector, PathPart, check_schema, display_path, read_json

__all__ = [
    "CATALOGUE_NAME",
    "MANIFEST_NAME",
    "Workspace",
    "load_catalogue_file",
    "peek_ids",
    "peer_folders",
    "peer_ids",
    "read_model",
    "source_text",
]

CATALOGUE_NAME = "propositions.json"
MANIFEST_NAME = "seeds.json"


@dataclass
class Workspace:
    """Where maps, the catalogue and the seeds live; caches what several maps share.

    maps_dir is where map *names* are looked up. What a map refers to is found beside the map file
    itself, unless given: its catalogue (propositions.json in its folder), its seeds (seeds/ beside
    its folder) and the other maps it points into (MAP.json in its folder, then in maps_dir).
    """

    maps_dir: Path = Path("maps")
    seeds_dir: Path | None = None
    catalogue_path: Path | None = None
    # Caches, not settings: kept out of the constructor, the repr and equality.
    _texts: dict[Path, SourceIndex] = field(default_factory=dict, init=False, repr=False, compare=False)
    _catalogues: dict[Path, tuple[PropositionCatalogue | None, list[Problem]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _manifests: dict[Path, tuple[SeedManifest | None, list[Problem]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _peers: dict[Path, frozenset[str] | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def catalogue_for(self, map_path: Path) -> Path:
        """The catalogue a map's stances refer to: the given one, else the one beside the map."""
        return self.catalogue_path or map_path.parent / CATALOGUE_NAME

    def seeds_for(self, map_path: Path) -> Path:
        """The seeds folder: the given one, else seeds/ beside the map's folder."""
        return self.seeds_dir or map_path.parent.parent / "seeds"


def load_catalogue_file(ws: Workspace, path: Path) -> tuple[PropositionCatalogue | None, list[Problem]]:
    key = path.resolve()
    if key not in ws._catalogues:
        ws._catalogues[key] = read_model(path, "propositions.schema.json", PropositionCatalogue)
    return ws._catalogues[key]


def _load_manifest(ws: Workspace, path: Path) -> tuple[SeedManifest | None, list[Problem]]:
    key = path.resolve()
    if key not in ws._manifests:
        ws._manifests[key] = read_model(path, "seeds.schema.json", SeedManifest)
    return ws._manifests[key]


def read_model(path: Path, schema: str, model: type[Any]) -> tuple[Any, list[Problem]]:
    collector = Collector(display_path(path))
    data, problem = read_json(path, collector.file)
    if problem:
        return None, [problem]
    collector.data = data
    check_schema(collector, schema)
    if collector.failed:
        return None, list(collector.sorted())
    value = model.model_validate(data)
    items = value.propositions if isinstance(value, PropositionCatalogue) else value.seeds
    seen: dict[str, int] = {}
    key = "propositions" if isinstance(value, PropositionCatalogue) else "seeds"
    for i, item in enumerate(items):
        if item.id in seen:
            collector.add([key, i, "id"], f"duplicate id '{item.id}' (first at $.{key}[{seen[item.id]}])")
        seen.setdefault(item.id, i)
    return (None if collector.failed else value), list(collector.sorted())


def source_text(
    ws: Workspace, m: ArgumentMap, map_path: Path, collector: Collector
) -> tuple[Path, SourceIndex] | None:
    if m.source.seed is not None:
        manifest_path = ws.seeds_for(map_path) / MANIFEST_NAME
        manifest, problems = _load_manifest(ws, manifest_path)
        if manifest is None:
            detail = problems[0] if problems else "unreadable"
            collector.add(["source", "seed"], f"cannot read the seed manifest: {detail}")
            return None
        seeds = {s.id: s for s in manifest.seeds}
        files = {s.id: s.file for s in manifest.seeds}
        if m.source.seed not in files:
            collector.add(
                ["source", "seed"],
                f"unknown seed '{m.source.seed}' (not in {display_path(manifest_path)}; "
                f"known: {', '.join(sorted(files))})",
            )
            return None
        text_path = manifest_path.parent / files[m.source.seed]
        where: list[PathPart] = ["source", "seed"]
        expected_hash = seeds[m.source.seed].sha256
    else:
        assert m.source.path is not None
        text_path = map_path.parent / m.source.path
        where = ["source", "path"]
        expected_hash = None
    key = text_path.resolve()
    if key not in ws._texts:
        try:
            raw = text_path.read_bytes()
            if expected_hash and hashlib.sha256(raw).hexdigest() != expected_hash:
                collector.add(
                    where,
                    f"source text {display_path(text_path)} differs from the one the manifest "
                    "records (sha256 mismatch); seeds must stay byte for byte as published",
                )
                return None
            ws._texts[key] = SourceIndex(raw.decode("utf-8"))
        except FileNotFoundError:
            collector.add(where, f"source text {display_path(text_path)} does not exist")
            return None
        except UnicodeDecodeError:
            collector.add(where, f"source text {display_path(text_path)} is not UTF-8")
            return None
        except OSError as exc:
            collector.add(where, f"source text {display_path(text_path)} cannot be read: {exc}")
            return None
    return text_path, ws._texts[key]


def peek_ids(data: Any) -> tuple[str, frozenset[str]] | None:
    """A map's id and its node and relation ids, read from raw JSON before any checks.

    Shapes are checked first: anything that is not a map-like object (a string id and a list of
    nodes) gives None, as its ids cannot be known ("nodes": 5 or null); the map's own validation
    says why. A missing or malformed "relations" contributes no ids.
    """
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("id"), str)
        or not isinstance(data.get("nodes"), list)
    ):
        return None
    ids: set[str] = set()
    for key in ("nodes", "relations"):
        items = data.get(key)
        if isinstance(items, list):
            ids.update(
                item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
            )
    return data["id"], frozenset(ids)


def peer_folders(ws: Workspace, map_path: Path) -> list[Path]:
    """Where a map's cross-map references are looked up: beside the map, then the maps folder."""
    beside = map_path.parent
    return [beside] if ws.maps_dir.resolve() == beside.resolve() else [beside, ws.maps_dir]


def peer_ids(
    ws: Workspace, map_id: str, map_path: Path, present: Mapping[str, frozenset[str]]
) -> frozenset[str] | None:
    """Node and relation ids of another map: from this run, else peeked from MAP_ID.json beside the
    map that refers to it, else in the maps folder; None when there is no such readable map."""
    if map_id in present:
        return present[map_id]
    for folder in peer_folders(ws, map_path):
        path = folder / f"{map_id}.json"
        key = path.resolve()
        if key not in ws._peers:
            data, problem = read_json(path, display_path(path)) if path.is_file() else (None, None)
            peeked = peek_ids(data) if problem is None else None
            ws._peers[key] = peeked[1] if peeked else None
        if ws._peers[key] is not None:
            return ws._peers[key]
    return None
