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
    "peer_ids",
    "read_model",
    "source_text",
]

CATALOGUE_NAME = "propositions.json"
MANIFEST_NAME = "seeds.json"


@dataclass
class Workspace:
    """Where maps, the catalogue and the seeds live; caches what several maps share."""

    maps_dir: Path = Path("maps")
    seeds_dir: Path | None = None
    catalogue_path: Path | None = None
    _texts: dict[Path, SourceIndex] = field(default_factory=dict, repr=False)
    _catalogues: dict[Path, tuple[PropositionCatalogue | None, list[Problem]]] = field(
        default_factory=dict, repr=False
    )
    _manifests: dict[Path, tuple[SeedManifest | None, list[Problem]]] = field(
        default_factory=dict, repr=False
    )
    _peers: dict[str, frozenset[str] | None] = field(default_factory=dict, repr=False)

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


def peer_ids(ws: Workspace, map_id: str, present: Mapping[str, frozenset[str]]) -> frozenset[str] | None:
    """Node and relation ids of another map: from this run, else peeked from the maps folder."""
    if map_id in present:
        return present[map_id]
    if map_id not in ws._peers:
        files = [ws.maps_dir / f"{map_id}{suffix}" for suffix in (".json", ".yaml", ".yml")]
        path = next((f for f in files if f.is_file()), files[0])
        data, problem = read_json(path, str(path)) if path.is_file() else (None, None)
        ids: frozenset[str] | None = None
        if problem is None and isinstance(data, dict):
            ids = frozenset(
                item["id"]
                for key in ("nodes", "relations")
                for item in data.get(key, [])
                if isinstance(item, dict) and isinstance(item.get("id"), str)
            )
        ws._peers[map_id] = ids
    return ws._peers[map_id]
