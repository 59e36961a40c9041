"""Map names to map files: a name is maps/NAME.json, .yaml or .yml; one file per name."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from argmap.core.errors import MapNotFoundError
from argmap.core.files import PathArg, display_path
from argmap.core.workspace import CATALOGUE_NAME, MAP_SUFFIXES

__all__ = ["available_maps", "resolve_maps"]


def _map_files(maps_dir: Path) -> dict[str, list[Path]]:
    """Map files in a folder (JSON or YAML, not the catalogue), by name."""
    if not maps_dir.is_dir():
        return {}
    found: dict[str, list[Path]] = {}
    for path in sorted(maps_dir.iterdir()):
        if path.suffix.lower() in MAP_SUFFIXES and path.stem != Path(CATALOGUE_NAME).stem and path.is_file():
            found.setdefault(path.stem, []).append(path)
    return found


def _one_file(name: str, files: list[Path]) -> Path:
    if len(files) > 1:
        listing = " and ".join(display_path(f) for f in files)
        raise MapNotFoundError(f"map '{name}' has {len(files)} files ({listing}); keep one")
    return files[0]


def available_maps(maps_dir: Path) -> list[str]:
    """The map names in a folder (every *.json, *.yaml and *.yml but the catalogue), sorted."""
    return sorted(_map_files(maps_dir))


def resolve_maps(names: Sequence[str], maps_dir: PathArg) -> list[Path]:
    """Turn map names or paths into files; no names means every map in maps_dir."""
    maps_dir = Path(maps_dir)
    in_folder = _map_files(maps_dir)
    if not names:
        if not in_folder:
            raise MapNotFoundError(
                f"no maps found: {display_path(maps_dir)}/ has no *.json or *.yaml files "
                "(argmap examples DIR copies the example maps into DIR)"
            )
        return [_one_file(name, files) for name, files in sorted(in_folder.items())]
    paths: list[Path] = []
    for name in names:
        as_path = Path(name)
        explicit = "/" in name or "\\" in name or as_path.suffix.lower() in MAP_SUFFIXES
        if not explicit and name in in_folder:
            paths.append(_one_file(name, in_folder[name]))
        elif as_path.exists() or explicit:
            # An explicit path: missing files are reported by the reader as a problem of that file.
            paths.append(as_path)
        else:
            listing = ", ".join(sorted(in_folder)) or "none"
            hint = "" if in_folder else "; argmap examples DIR copies the example maps into DIR"
            raise MapNotFoundError(
                f"no map named '{name}': looked for {display_path(maps_dir / name)}.json or .yaml "
                f"(available maps: {listing}{hint})"
            )
    return paths
