"""Find the text a mapper is quoting: a seed id, a map (its source), or a text file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from argmap.core.errors import ArgmapError
from argmap.core.load import MAP_SUFFIXES
from argmap.core.provenance import SourceIndex
from argmap.core.reading import display_path, read_json
from argmap.core.workspace import MANIFEST_NAME

__all__ = ["SourceText", "find_source"]


@dataclass(frozen=True)
class SourceText:
    """A source text, where it came from, and its index for passage search."""

    path: Path
    label: str
    index: SourceIndex


def _read_text(path: Path, label: str) -> SourceText:
    if not path.is_file():
        raise ArgmapError(f"{label}: no such text file ({display_path(path)})")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise ArgmapError(f"{display_path(path)} is not UTF-8 text") from None
    except OSError as exc:
        raise ArgmapError(f"{display_path(path)} cannot be read: {exc.strerror or exc}") from None
    return SourceText(path, display_path(path), SourceIndex(text))


def _seed_file(seeds_dir: Path, seed: str) -> Path | None:
    data, problem = read_json(seeds_dir / MANIFEST_NAME, display_path(seeds_dir / MANIFEST_NAME))
    if problem is not None or not isinstance(data, dict):
        return None
    for entry in data.get("seeds") or []:
        file = entry.get("file") if isinstance(entry, dict) else None
        if isinstance(file, str) and entry.get("id") == seed:
            return seeds_dir / file
    return None


def find_source(spec: str, maps_dir: Path, seeds_dir: Path | None = None) -> SourceText:
    """A seed id (seeds/seeds.json), a map name or file (the text its source names), or a path."""
    seeds = seeds_dir or maps_dir.parent / "seeds"
    as_path = Path(spec)
    named = [maps_dir / f"{spec}{suffix}" for suffix in MAP_SUFFIXES] if "/" not in spec else []
    map_file = next((f for f in named if f.is_file()), as_path)
    if map_file.suffix in MAP_SUFFIXES and map_file.is_file():
        data, problem = read_json(map_file, display_path(map_file))
        if problem is not None:
            raise ArgmapError(str(problem))
        source = data.get("source") if isinstance(data, dict) else None
        if not isinstance(source, dict):
            raise ArgmapError(f"{display_path(map_file)}::$.source: the map names no source text")
        if isinstance(source.get("seed"), str):
            seed_path = _seed_file(seeds_dir or map_file.parent.parent / "seeds", source["seed"])
            if seed_path is None:
                raise ArgmapError(f"{display_path(map_file)}::$.source.seed: unknown seed '{source['seed']}'")
            return _read_text(seed_path, display_path(map_file))
        if isinstance(source.get("path"), str):
            return _read_text(map_file.parent / source["path"], display_path(map_file))
        raise ArgmapError(f"{display_path(map_file)}::$.source: the map names no source text")
    if as_path.is_file():
        return _read_text(as_path, spec)
    seed_path = _seed_file(seeds, spec)
    if seed_path is not None:
        return _read_text(seed_path, spec)
    raise ArgmapError(
        f"'{spec}' is no text file, map in {display_path(maps_dir)}/ or seed in "
        f"{display_path(seeds / MANIFEST_NAME)}"
    )
