"""The two shared files beside maps, the catalogue and the manifest: recognised and checked."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from argmap.core.construct import build
from argmap.core.files import FileReader, RefusedFile, display_path
from argmap.core.model import PropositionCatalogue, SeedManifest
from argmap.core.reading import Collector, check_schema, model_problems

__all__ = ["DocumentKind", "check_document", "check_manifest_files", "document_kind"]

DocumentKind = Literal["map", "catalogue", "manifest"]

SCHEMAS: dict[DocumentKind, str] = {
    "map": "argmap.schema.json",
    "catalogue": "propositions.schema.json",
    "manifest": "seeds.schema.json",
}


def document_kind(data: Any) -> DocumentKind:
    """What a parsed file is: by its $schema, else by its shape; a map when in doubt."""
    if not isinstance(data, dict):
        return "map"
    pointer = data.get("$schema")
    if isinstance(pointer, str):
        for kind, schema in SCHEMAS.items():
            if pointer.rsplit("/", 1)[-1] == schema:
                return kind
    if "nodes" in data or "relations" in data:
        return "map"
    if "propositions" in data:
        return "catalogue"
    if "seeds" in data:
        return "manifest"
    return "map"


def check_document(collector: Collector, kind: DocumentKind) -> Any:
    """Check a catalogue or manifest against its schema and for repeated ids; its model, or None."""
    check_schema(collector, SCHEMAS[kind])
    if collector.failed:
        return None
    model: type[PropositionCatalogue | SeedManifest] = (
        PropositionCatalogue if kind == "catalogue" else SeedManifest
    )
    try:
        value = build(model, collector.data)  # the schema has accepted the data
    except Exception as exc:  # the schema and the models disagree: report, do not crash
        model_problems(collector, exc)
        return None
    key = "propositions" if isinstance(value, PropositionCatalogue) else "seeds"
    ids = (
        [p.id for p in value.propositions]
        if isinstance(value, PropositionCatalogue)
        else [s.id for s in value.seeds]
    )
    seen: dict[str, int] = {}
    for i, item_id in enumerate(ids):
        if item_id in seen:
            collector.add([key, i, "id"], f"duplicate id '{item_id}' (first at $.{key}[{seen[item_id]}])")
        seen.setdefault(item_id, i)
    return None if collector.failed else value


def check_manifest_files(
    manifest: SeedManifest, path: Path, reader: FileReader, collector: Collector, allowed: Sequence[Path]
) -> int:
    """Every text the manifest lists must be readable where a map may read it, and match its
    sha256; returns how many texts were checked."""
    checked = 0
    for i, seed in enumerate(manifest.seeds):
        text_path = path.parent / seed.file
        try:
            raw = reader.read_bytes(text_path, inside=allowed)
        except RefusedFile as exc:
            collector.add(["seeds", i, "file"], f"source text {display_path(text_path)} {exc.reason}")
            continue
        checked += 1
        if seed.sha256 and hashlib.sha256(raw).hexdigest() != seed.sha256:
            collector.add(
                ["seeds", i, "sha256"],
                f"source text {display_path(text_path)} does not match this sha256; "
                "seeds must stay byte for byte as published",
            )
    return checked
