"""argmap: argument maps of texts, validated against their sources, rendered and compared."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Names resolve on first use so that `argmap --help` does not pay for pydantic or jsonschema.
# The functions render, compare and report live in modules named rendering, comparing and
# reporting: importing a submodule binds its name on the package, and would hide a same-named
# function.
_EXPORTS = {
    "ArgmapError": "argmap.errors",
    "InvalidMapError": "argmap.errors",
    "MapNotFoundError": "argmap.errors",
    "Problem": "argmap.errors",
    "RenderError": "argmap.errors",
    "UsageError": "argmap.errors",
    "ArgumentMap": "argmap.model",
    "Evidence": "argmap.model",
    "EvidenceKind": "argmap.model",
    "Node": "argmap.model",
    "NodeKind": "argmap.model",
    "Person": "argmap.model",
    "Position": "argmap.model",
    "Proposition": "argmap.model",
    "PropositionCatalogue": "argmap.model",
    "Relation": "argmap.model",
    "RelationType": "argmap.model",
    "ReportedBy": "argmap.model",
    "Seed": "argmap.model",
    "SeedManifest": "argmap.model",
    "Source": "argmap.model",
    "Stance": "argmap.model",
    "LoadedMap": "argmap.load",
    "Span": "argmap.load",
    "ValidationReport": "argmap.load",
    "Workspace": "argmap.load",
    "load_map": "argmap.load",
    "load_maps": "argmap.load",
    "validate": "argmap.load",
    "RenderOptions": "argmap.dot",
    "render": "argmap.rendering",
    "report": "argmap.reporting",
    "Comparison": "argmap.comparison",
    "compare": "argmap.comparing",
    "format_comparison": "argmap.compare_formats",
    "load_catalogue": "argmap.load",
}

__all__ = ["__version__", *sorted(_EXPORTS)]

if TYPE_CHECKING:
    from argmap.compare_formats import format_comparison
    from argmap.comparing import compare
    from argmap.comparison import Comparison
    from argmap.errors import (
        ArgmapError,
        InvalidMapError,
        MapNotFoundError,
        Problem,
        RenderError,
        UsageError,
    )
    from argmap.load import (
        LoadedMap,
        Span,
        ValidationReport,
        Workspace,
        load_catalogue,
        load_map,
        load_maps,
        validate,
    )
    from argmap.model import (
        ArgumentMap,
        Evidence,
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
    from argmap.rendering import render
    from argmap.reporting import report


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
