"""Find the text a mapper is quoting: a seed id, a map (its source), or a text file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.core.errors import ArgmapError, Problem
from argmap.core.files import FileReader, RefusedFile
from argmap.core.provenance import SourceIndex
from argmap.core.reading import display_path, read_json
from argmap.core.workspace import MANIFEST_NAME, MAP_SUFFIXES, Workspace

__all__ = ["SourceText", "find_source", "read_seeds"]


@dataclass(frozen=True)
class SourceText:
    """A source text, where it came from, and its index for passage search."""

    path: Path
    label: str
    index: SourceIndex


def _read_text(
    reader: FileReader, path: Path, asked: str, inside: Iterable[Path] | None = None
) -> SourceText:
    try:
        raw = reader.read_bytes(path, inside=inside)
    except RefusedFile as exc:
        raise ArgmapError(f"{asked}: the text {display_path(path)} {exc.reason}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ArgmapError(f"{display_path(path)} is not UTF-8 text") from None
    return SourceText(path, display_path(path), SourceIndex(text))


def read_seeds(
    seeds_dir: Path, reader: FileReader | None = None
) -> tuple[dict[str, dict[str, Any]], Problem | None]:
    """The entries of a seed manifest by id, read before any schema check (a draft or a quote needs
    only an entry's fields), or the problem that stops the manifest being read."""
    manifest = seeds_dir / MANIFEST_NAME
    data, problem = read_json(manifest, display_path(manifest), reader)
    entries = data.get("seeds") if isinstance(data, dict) else None
    found = {e["id"]: e for e in entries or [] if isinstance(e, dict) and isinstance(e.get("id"), str)}
    return found, problem


def _seed_file(reader: FileReader, seeds_dir: Path, seed: str) -> Path | None:
    file = read_seeds(seeds_dir, reader)[0].get(seed, {}).get("file")
    return seeds_dir / file if isinstance(file, str) else None


def find_source(
    spec: str, maps_dir: Path, seeds_dir: Path | None = None, ws: Workspace | None = None
) -> SourceText:
    """A seed id (seeds/seeds.json), a map name or file (the text its source names), or a path.

    A text named on the command line is the user's own choice; a text a map names is read under the
    rules validation applies to maps (inside the project, a regular file, under the size limit)."""
    ws = ws or Workspace(maps_dir, seeds_dir)
    seeds = seeds_dir or maps_dir.parent / "seeds"
    as_path = Path(spec)
    named = [maps_dir / f"{spec}{suffix}" for suffix in MAP_SUFFIXES] if "/" not in spec else []
    map_file = next((f for f in named if f.is_file()), as_path)
    if map_file.suffix in MAP_SUFFIXES and map_file.is_file():
        where = display_path(map_file)
        data, problem = read_json(map_file, where, ws.reader)
        if problem is not None:
            raise ArgmapError(str(problem))
        source = data.get("source") if isinstance(data, dict) else None
        project = [ws.project_for(map_file)]
        if isinstance(source, dict) and isinstance(source.get("seed"), str):
            folder = ws.seeds_for(map_file)
            seed_path = _seed_file(ws.reader, folder, source["seed"])
            if seed_path is None:
                raise ArgmapError(f"{where}::$.source.seed: unknown seed '{source['seed']}'")
            return _read_text(ws.reader, seed_path, f"{where}::$.source.seed", [folder, *project])
        if isinstance(source, dict) and isinstance(source.get("path"), str):
            path = map_file.parent / source["path"]
            return _read_text(ws.reader, path, f"{where}::$.source.path", project)
        raise ArgmapError(f"{where}::$.source: the map names no source text")
    if as_path.is_file():
        return _read_text(ws.reader, as_path, spec)
    seed_path = _seed_file(ws.reader, seeds, spec)
    if seed_path is not None:
        return _read_text(ws.reader, seed_path, spec)
    raise ArgmapError(
        f"'{spec}' is no text file, map in {display_path(maps_dir)}/ or seed in "
        f"{display_path(seeds / MANIFEST_NAME)}"
    )
