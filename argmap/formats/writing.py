"""Write imported maps so that every file written validates, and nothing is ever half-written.

Each map is first written with its source text (and the catalogue its stances need) to a staging
folder beside the target, validated there by `argmap validate`'s own pipeline, and only then moved
into place, one atomic rename per file. A map that would not validate is reported, not written.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from argmap.core.errors import InvalidMapError, Problem
from argmap.core.model import FORMAT_VERSION, PropositionCatalogue
from argmap.core.reading import display_path
from argmap.core.workspace import CATALOGUE_NAME
from argmap.formats.common import FormatError, Imported

__all__ = ["Written", "map_json", "merged_catalogue", "write_imported"]


def map_json(imported: Imported) -> str:
    """The map as argmap writes it: fields in model order, defaults left out, two-space indent."""
    data = imported.map.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def merged_catalogue(path: Path, imported: Imported) -> PropositionCatalogue | None:
    """The catalogue at path with the import's propositions added (None: nothing to add)."""
    from argmap.core.load import load_catalogue

    existing = load_catalogue(path) if path.exists() else None
    known = {p.id for p in existing.propositions} if existing else set()
    new = [p for p in imported.propositions if p.id not in known]
    if not new:
        return None
    kept = list(existing.propositions) if existing else []
    return PropositionCatalogue(version=FORMAT_VERSION, propositions=[*kept, *new])


def _catalogue_json(catalogue: PropositionCatalogue) -> str:
    data = catalogue.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class Written:
    """Where an imported map landed, and the warnings `argmap validate` gives it."""

    path: Path
    warnings: tuple[str, ...]


def write_imported(
    imported: Imported, folder: Path, origin: str, inputs: frozenset[Path] = frozenset()
) -> Written:
    """Validate, then write MAP.json and MAP.txt into folder (and merge the catalogue)."""
    from argmap.core.load import Workspace, validate

    map_id = imported.map.id
    targets = {
        "map": folder / f"{map_id}.json",
        "text": folder / f"{map_id}.txt",
        "catalogue": folder / CATALOGUE_NAME,
    }
    for target in targets.values():
        if target.resolve() in inputs:
            raise FormatError(origin, f"importing would write over the input {display_path(target)}")
    catalogue = merged_catalogue(targets["catalogue"], imported)
    stage = Path(tempfile.mkdtemp(prefix=".argmap-import-", dir=folder))
    try:
        staged = {
            "map": stage / targets["map"].name,
            "text": stage / targets["text"].name,
            "catalogue": stage / CATALOGUE_NAME,
        }
        staged["map"].write_text(map_json(imported), encoding="utf-8")
        staged["text"].write_text(imported.source_text, encoding="utf-8")
        if catalogue is not None:
            staged["catalogue"].write_text(_catalogue_json(catalogue), encoding="utf-8")
        elif targets["catalogue"].exists():
            shutil.copyfile(targets["catalogue"], staged["catalogue"])
        # Other maps it points into are looked up where it is going, not in the staging folder.
        report = validate([staged["map"]], Workspace(maps_dir=folder, catalogue_path=staged["catalogue"]))
        errors = [p for p in report.problems if p.severity == "error"]
        # Name the files as they would have been, not the staging folder that is about to go.
        here, there = display_path(stage) + "/", display_path(folder) + "/"

        def moved(message: str) -> str:
            # Validation looks beside the staged map and in the target folder: once moved, one place.
            message = message.replace(f"{here} or {there}", there)
            return message.replace(here, there if str(folder) != "." else "")

        if errors:
            staged_name = display_path(staged["map"])
            raise InvalidMapError(
                [
                    Problem(
                        origin,
                        None,
                        "the imported map would not validate: "
                        + (f"{p.path}: " if p.path else "")
                        + moved(p.message),
                    )
                    if p.file == staged_name
                    else p
                    for p in errors
                ]
            )
        warnings = tuple(
            (f"{p.path}: " if p.path else "") + moved(p.message)
            for p in report.problems
            if p.severity == "warning"
        )
        # The catalogue first: a map must never land before the propositions its stances name.
        if catalogue is not None:
            os.replace(staged["catalogue"], targets["catalogue"])
        os.replace(staged["text"], targets["text"])
        os.replace(staged["map"], targets["map"])
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return Written(targets["map"], warnings)
