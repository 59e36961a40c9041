"""Convert maps and catalogues between JSON and YAML, checking that nothing is lost on the way."""

from __future__ import annotations

import json
from pathlib import Path

from argmap.core.errors import ArgmapError
from argmap.core.output import write_atomic
from argmap.core.reading import YAML_SUFFIXES, display_path, read_json
from argmap.core.yamldoc import dump_yaml, parse_yaml

__all__ = ["YAML_SUFFIXES", "convert_file"]


def _read(path: Path) -> object:
    # The checked reader (regular file, size limit) reads YAML or JSON by the file's suffix.
    data, problem = read_json(path, display_path(path))
    if problem is not None:
        raise ArgmapError(str(problem))
    return data


def convert_file(source: Path, target: Path | None = None) -> Path:
    """Write source (.json or .yaml/.yml) in the other format; return the file written."""
    to_yaml = source.suffix.lower() not in YAML_SUFFIXES
    target = target or source.with_suffix(".yaml" if to_yaml else ".json")
    if target.suffix.lower() not in (YAML_SUFFIXES if to_yaml else (".json",)):
        raise ArgmapError(
            f"{target}: a {'YAML' if to_yaml else 'JSON'} file needs a {'.yaml' if to_yaml else '.json'} name"
        )
    if target.exists():
        raise ArgmapError(f"{display_path(target)} exists; argmap convert never replaces a file")
    data = _read(source)
    text = dump_yaml(data) if to_yaml else json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    back = parse_yaml(text, str(target))[0] if to_yaml else json.loads(text)
    if back != data:  # pragma: no cover - a guard against a YAML library surprise
        raise ArgmapError(
            f"{display_path(source)}: the {'YAML' if to_yaml else 'JSON'} copy would differ; nothing written"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text)
    return target
