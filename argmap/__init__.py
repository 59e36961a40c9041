"""argmap: argument maps of texts, validated against their sources, rendered and compared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.core.lazy import lazy_exports

__version__ = "0.1.0"

# Names resolve on first use so that `argmap --help` does not pay for pydantic or jsonschema.
# Each capability is a folder named for what it does (core, rendering, comparing, evaluating,
# reporting); the functions render, compare, evaluate and report keep the verbs. A folder named
# `render` would be bound on the package when imported and would hide the function of that name.
_EXPORTS = {
    **dict.fromkeys(
        ["ArgmapError", "InvalidMapError", "MapNotFoundError", "Problem", "RenderError", "UsageError"],
        "argmap.core",
    ),
    **dict.fromkeys(
        [
            "ArgumentMap",
            "Evidence",
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
        "argmap.core",
    ),
    **dict.fromkeys(
        [
            "LoadedMap",
            "Span",
            "ValidationReport",
            "Workspace",
            "load_catalogue",
            "load_map",
            "load_maps",
            "validate",
        ],
        "argmap.core",
    ),
    "RenderOptions": "argmap.rendering",
    "render": "argmap.rendering",
    "report": "argmap.reporting",
    "Comparison": "argmap.comparing",
    "compare": "argmap.comparing",
    "format_comparison": "argmap.comparing",
    "Evaluation": "argmap.evaluating",
    "evaluate": "argmap.evaluating",
    "format_evaluation": "argmap.evaluating",
}

__all__ = ["__version__", *sorted(_EXPORTS)]

if TYPE_CHECKING:
    from argmap.comparing import Comparison, compare, format_comparison
    from argmap.core import (
        ArgmapError,
        ArgumentMap,
        Evidence,
        EvidenceKind,
        InvalidMapError,
        LoadedMap,
        MapNotFoundError,
        Node,
        NodeKind,
        Person,
        Position,
        Problem,
        Proposition,
        PropositionCatalogue,
        Relation,
        RelationType,
        RenderError,
        ReportedBy,
        Seed,
        SeedManifest,
        Source,
        Span,
        Stance,
        UsageError,
        ValidationReport,
        Workspace,
        load_catalogue,
        load_map,
        load_maps,
        validate,
    )
    from argmap.evaluating import Evaluation, evaluate, format_evaluation
    from argmap.rendering import RenderOptions, render
    from argmap.reporting import report


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
