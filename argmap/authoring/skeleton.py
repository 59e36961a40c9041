"""A new map's first draft: valid from the start, its placeholders flagged until they are replaced."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.authoring.sources import read_seeds
from argmap.core.errors import ArgmapError, UsageError
from argmap.core.integrity import PLACEHOLDER
from argmap.core.model import FORMAT_VERSION, SLUG, EvidenceKind
from argmap.core.reading import display_path
from argmap.core.workspace import MANIFEST_NAME
from argmap.core.yamldoc import dump_yaml

__all__ = ["PLACEHOLDER", "Draft", "draft_map", "missing_schemas"]


@dataclass(frozen=True)
class Draft:
    """A new map: the file it goes to, its text, and what the mapper does next."""

    path: Path
    text: str
    next_steps: tuple[str, ...]


def _seed(seeds_dir: Path, seed: str) -> dict[str, Any]:
    manifest = seeds_dir / MANIFEST_NAME
    seeds, problem = read_seeds(seeds_dir)
    if problem is not None:
        raise ArgmapError(f"--seed needs the seed manifest: {problem}")
    if seed not in seeds:
        known = ", ".join(sorted(str(k) for k in seeds)) or "none"
        raise UsageError(f"--seed: no seed '{seed}' in {display_path(manifest)} (known: {known})")
    return seeds[seed]


def _schema_ref(folder: Path) -> str:
    """Where editors find the schema: the project's schema/ beside the maps folder (argmap new
    writes it there when it is missing, so the reference travels with the project)."""
    local = folder.parent / "schema" / "argmap.schema.json"
    return Path(os.path.relpath(local, folder)).as_posix()


def missing_schemas(maps_dir: Path) -> list[tuple[Path, Path]]:
    """(argmap's schema, where the project lacks it) for each schema the project's editors need."""
    from argmap.core.resources import schema_dir

    target = maps_dir.parent / "schema"
    names = ("argmap.schema.json", "propositions.schema.json")
    return [(schema_dir() / name, target / name) for name in names if not (target / name).exists()]


def draft_map(
    name: str,
    maps_dir: Path,
    *,
    seed: str | None = None,
    source: Path | None = None,
    seeds_dir: Path | None = None,
    author: str | None = None,
    title: str | None = None,
    date: str | None = None,
    fmt: str = "yaml",
) -> Draft:
    """The text of a new map of a seed or a text file, with metadata filled where known."""
    if not re.match(SLUG, name):
        raise UsageError(f"map name '{name}' must be a slug: lowercase letters and digits joined by hyphens")
    if (seed is None) == (source is None):
        raise UsageError("give the text to map: --seed ID or --source FILE (one of them)")
    path = maps_dir / f"{name}.{'yaml' if fmt == 'yaml' else 'json'}"
    existing = [p for p in (maps_dir / f"{name}.{s}" for s in ("json", "yaml", "yml")) if p.exists()]
    if existing:
        raise ArgmapError(f"{display_path(existing[0])} exists; argmap new never overwrites a map")
    src: dict[str, Any]
    if seed is not None:
        info = _seed(seeds_dir or maps_dir.parent / "seeds", seed)
        src = {
            "seed": seed,
            "title": title or info.get("title"),
            "outlet": info.get("outlet"),
            "date": date or info.get("date"),
        }
        author = author or next(iter(info.get("authors") or []), None)
    else:
        assert source is not None
        if not source.is_file():
            raise UsageError(f"--source: no such text file: {source}")
        relative = Path(os.path.relpath(source.resolve(), maps_dir.resolve())).as_posix()
        src = {"path": relative, "title": title or f"{PLACEHOLDER}: the text's title", "date": date or "2000"}
    data: dict[str, Any] = {"$schema": _schema_ref(maps_dir)}
    data.update(
        version=FORMAT_VERSION,
        id=name,
        title=f"{PLACEHOLDER}: a title saying whose position this is, on what",
        author={"name": author or f"{PLACEHOLDER}: the author's name"},
        source={k: v for k, v in src.items() if v},
        nodes=[
            {
                "id": "c1",
                "kind": "claim",
                "text": f"{PLACEHOLDER}: the author's main thesis, in your words",
                "implicit": True,
                "thesis": True,
            }
        ],
        relations=[],
    )
    # A map in ./maps is named by its id; elsewhere, by its path.
    ref = name if maps_dir == Path("maps") else path.as_posix()
    steps = (
        f'argmap quote {ref} "words you remember"   find the passage verbatim, ready to paste as a quote',
        f"argmap validate {ref}   check every quote against the text",
        f"argmap watch {ref} --open   re-validate and redraw on every save",
    )
    text = _yaml(data, steps) if fmt == "yaml" else json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return Draft(path, text, steps)


_KINDS = " | ".join(k.value for k in EvidenceKind)


def _yaml(data: dict[str, Any], steps: tuple[str, ...]) -> str:
    head = []
    if "$schema" in data:
        head.append(f"# yaml-language-server: $schema={data['$schema']}")
    head += ["# One author's position in one text. Next steps:", *(f"#   {s}" for s in steps), ""]
    body = dump_yaml(data).replace("relations: []\n", "")
    return "\n".join(head) + body + _EXAMPLES


# Commented examples of every kind of entry, with the allowed values, to copy and adapt.
_EXAMPLES = f"""\
    # Replace `implicit: true` with  quote: the thesis in the author's exact words
  # - id: c2
  #   kind: claim
  #   text: A reason the author gives, in your words.
  #   quote: the words of the text that state it
  #   stances:
  #     - proposition: an-id-from-propositions.json
  #       position: pro        # pro | con | neutral
  #       intensity: 2         # 1 hedged | 2 plain | 3 emphatic
  #       period: 2014-08      # the time it is about (default: the source's date)
  # - id: e1
  #   kind: evidence
  #   text: What the author cites.
  #   quote: the words of the text that cite it
  #   evidence_kind: event     # {_KINDS}
  #   date: 2014-08-05
  #   citation: the author's footnote
relations: []
  # - id: r1
  #   type: support            # support | attack
  #   from: [c2]               # several ids: linked premises, acting together
  #   to: c1                   # a node, a relation id (an undercut), or mapid:nodeid
"""
