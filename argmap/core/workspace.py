"""Where maps, the catalogue and the seeds live, and the files several maps share (read once)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from argmap.core.documents import check_document
from argmap.core.errors import Problem
from argmap.core.files import DEFAULT_MAX_BYTES, FileReader, PathArg, RefusedFile, real_path
from argmap.core.model import ArgumentMap, PropositionCatalogue, SeedManifest
from argmap.core.provenance import SourceIndex
from argmap.core.reading import Collector, PathPart, display_path, read_document, read_json

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


class Workspace:
    """Where maps, the catalogue and the seeds live, what a map may read; caches what maps share.

    maps_dir is where map *names* are looked up. What a map refers to is found beside the map file
    itself, unless given: its catalogue (propositions.json in its folder), its seeds (seeds/ beside
    its folder) and the other maps it points into (MAP.json in its folder, then in maps_dir).
    """

    def __init__(
        self,
        maps_dir: PathArg = "maps",
        seeds_dir: PathArg | None = None,
        catalogue_path: PathArg | None = None,
        *,
        root: PathArg | None = None,
        max_file_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.maps_dir = Path(maps_dir)
        self.seeds_dir = _opt_path(seeds_dir)
        self.catalogue_path = _opt_path(catalogue_path)
        # The folder source texts must lie in; None: the folder that holds each map's folder.
        self.root = _opt_path(root)
        self.max_file_bytes = max_file_bytes
        self.reader = FileReader(max_file_bytes)
        self._texts: dict[Path, SourceIndex] = {}
        self._catalogues: dict[Path, tuple[PropositionCatalogue | None, list[Problem]]] = {}
        self._manifests: dict[Path, tuple[SeedManifest | None, list[Problem]]] = {}
        self._peers: dict[Path, frozenset[str] | None] = {}

    def __repr__(self) -> str:
        return (
            f"Workspace(maps_dir={self.maps_dir!r}, seeds_dir={self.seeds_dir!r}, "
            f"catalogue_path={self.catalogue_path!r}, root={self.root!r})"
        )

    def project_for(self, map_path: Path) -> Path:
        """The folder a map's source texts must lie in: --root, else the folder holding its folder."""
        return self.root or Path(os.path.abspath(map_path)).parent.parent

    def catalogue_for(self, map_path: Path) -> Path:
        """The catalogue a map's stances refer to: the given one, else the one beside the map."""
        return self.catalogue_path or map_path.parent / CATALOGUE_NAME

    def seeds_for(self, map_path: Path) -> Path:
        """The seeds folder: the given one, else seeds/ beside the map's folder."""
        return self.seeds_dir or map_path.parent.parent / "seeds"


def _opt_path(value: PathArg | None) -> Path | None:
    return None if value is None else Path(value)


def load_catalogue_file(ws: Workspace, path: Path) -> tuple[PropositionCatalogue | None, list[Problem]]:
    key = real_path(path)
    if key not in ws._catalogues:
        ws._catalogues[key] = read_model(path, "propositions.schema.json", PropositionCatalogue, ws.reader)
    return ws._catalogues[key]


def _load_manifest(ws: Workspace, path: Path) -> tuple[SeedManifest | None, list[Problem]]:
    key = real_path(path)
    if key not in ws._manifests:
        ws._manifests[key] = read_model(path, "seeds.schema.json", SeedManifest, ws.reader)
    return ws._manifests[key]


def read_model(
    path: Path, schema: str, model: type[Any], reader: FileReader | None = None
) -> tuple[Any, list[Problem]]:
    collector = Collector(display_path(path))
    data, problems, positions = read_document(path, collector.file, reader)
    if problems:
        return None, problems
    collector.data = data
    collector.positions = positions
    value = check_document(collector, "catalogue" if model is PropositionCatalogue else "manifest")
    return value, list(collector.sorted())


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
        # A seed text lies in its seeds folder, or anywhere in the project.
        allowed = [manifest_path.parent, ws.project_for(map_path)]
    else:
        assert m.source.path is not None
        text_path = map_path.parent / m.source.path
        where = ["source", "path"]
        expected_hash = None
        allowed = [ws.project_for(map_path)]
    key = real_path(text_path)
    if key not in ws._texts:
        try:
            raw = ws.reader.read_bytes(text_path, inside=allowed)
        except RefusedFile as exc:
            collector.add(where, f"source text {display_path(text_path)} {exc.reason}")
            return None
        if expected_hash and hashlib.sha256(raw).hexdigest() != expected_hash:
            collector.add(
                where,
                f"source text {display_path(text_path)} differs from the one the manifest "
                "records (sha256 mismatch); seeds must stay byte for byte as published",
            )
            return None
        try:
            ws._texts[key] = SourceIndex(raw.decode("utf-8"))
        except UnicodeDecodeError:
            collector.add(where, f"source text {display_path(text_path)} is not UTF-8")
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


MAP_SUFFIXES = (".json", ".yaml", ".yml")


def map_file(folder: Path, map_id: str) -> Path | None:
    """The file of the map named map_id in a folder, JSON or YAML, if there is one."""
    return next((f for f in (folder / f"{map_id}{s}" for s in MAP_SUFFIXES) if f.is_file()), None)


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
        path = map_file(folder, map_id) or folder / f"{map_id}.json"
        key = path.resolve()
        if key not in ws._peers:
            data, problem = read_json(path, display_path(path), ws.reader) if path.is_file() else (None, None)
            peeked = peek_ids(data) if problem is None else None
            ws._peers[key] = peeked[1] if peeked else None
        if ws._peers[key] is not None:
            return ws._peers[key]
    return None
