"""The ground floor: the map format, reading and checking maps, quote provenance, errors and safe output.

Everything else in argmap builds on these names; nothing here imports a higher folder at module
level. Names resolve on first use, so importing `argmap.core.errors` does not pay for pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.core.lazy import lazy_exports

__all__ = [
    "FORMAT_VERSION",
    "ArgmapError",
    "ArgumentMap",
    "EvidenceKind",
    "FileReport",
    "InvalidCatalogueError",
    "InvalidFileError",
    "InvalidMapError",
    "LoadedMap",
    "MapNotFoundError",
    "Node",
    "NodeKind",
    "Person",
    "Position",
    "Problem",
    "Proposition",
    "PropositionCatalogue",
    "Relation",
    "RelationType",
    "RenderError",
    "ReportedBy",
    "Seed",
    "SeedManifest",
    "Source",
    "SourceIndex",
    "Span",
    "Stance",
    "UsageError",
    "ValidationReport",
    "Workspace",
    "display_path",
    "find_catalogue",
    "load_catalogue",
    "load_from",
    "load_map",
    "load_maps",
    "load_peers",
    "normalise",
    "resolve_maps",
    "validate",
    "write_atomic",
]
_EXPORTS = {
    **dict.fromkeys(
        [
            "ArgmapError",
            "InvalidCatalogueError",
            "InvalidFileError",
            "InvalidMapError",
            "MapNotFoundError",
            "Problem",
            "RenderError",
            "UsageError",
        ],
        "argmap.core.errors",
    ),
    **dict.fromkeys(
        [
            "FORMAT_VERSION",
            "ArgumentMap",
            "EvidenceKind",
            "Node",
            "NodeKind",
            "Person",
            "Position",
            "Proposition",
            "PropositionCatalogue",
            "Relation",
            "RelationType",
            "ReportedBy",
            "Seed",
            "SeedManifest",
            "Source",
            "Stance",
        ],
        "argmap.core.model",
    ),
    **dict.fromkeys(
        [
            "FileReport",
            "LoadedMap",
            "Span",
            "ValidationReport",
            "Workspace",
            "display_path",
            "find_catalogue",
            "load_catalogue",
            "load_from",
            "load_map",
            "load_maps",
            "load_peers",
            "resolve_maps",
            "validate",
        ],
        "argmap.core.load",
    ),
    **dict.fromkeys(["SourceIndex", "normalise"], "argmap.core.provenance"),
    **dict.fromkeys(["write_atomic"], "argmap.core.output"),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

if TYPE_CHECKING:
    from argmap.core.errors import (
        ArgmapError,
        InvalidCatalogueError,
        InvalidFileError,
        InvalidMapError,
        MapNotFoundError,
        Problem,
        RenderError,
        UsageError,
    )
    from argmap.core.load import (
        FileReport,
        LoadedMap,
        Span,
        ValidationReport,
        Workspace,
        display_path,
        find_catalogue,
        load_catalogue,
        load_from,
        load_map,
        load_maps,
        load_peers,
        resolve_maps,
        validate,
    )
    from argmap.core.model import (
        FORMAT_VERSION,
        ArgumentMap,
        EvidenceKind,
        Node,
        NodeKind,
        Person,
        Position,
        Proposition,
        PropositionCatalogue,
        Relation,
        RelationType,
        ReportedBy,
        Seed,
        SeedManifest,
        Source,
        Stance,
    )
    from argmap.core.output import write_atomic
    from argmap.core.provenance import SourceIndex, normalise
