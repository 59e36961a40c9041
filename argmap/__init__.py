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
        "argmap.core",
    ),
    **dict.fromkeys(
        [
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
        "argmap.core",
    ),
    **dict.fromkeys(
        [
            "LoadedMap",
            "Span",
            "ValidationReport",
            "Workspace",
            "find_catalogue",
            "load_catalogue",
            "load_map",
            "load_maps",
            "validate",
        ],
        "argmap.core",
    ),
    **dict.fromkeys(["RenderOptions", "render", "render_bytes", "render_text"], "argmap.rendering"),
    **dict.fromkeys(["Report", "report"], "argmap.reporting"),
    **dict.fromkeys(["Comparison", "compare", "format_comparison", "speaker_key"], "argmap.comparing"),
    "to_networkx": "argmap.formats",
    **dict.fromkeys(["Evaluation", "evaluate", "format_evaluation"], "argmap.evaluating"),
}

__all__ = ["__version__", *sorted(_EXPORTS)]

if TYPE_CHECKING:
    # `X as X`: explicit re-exports, so type checkers in strict mode see the public names.
    from argmap.comparing import (
        Comparison as Comparison,
    )
    from argmap.comparing import (
        compare as compare,
    )
    from argmap.comparing import (
        format_comparison as format_comparison,
    )
    from argmap.comparing import (
        speaker_key as speaker_key,
    )
    from argmap.core import (
        ArgmapError as ArgmapError,
    )
    from argmap.core import (
        ArgumentMap as ArgumentMap,
    )
    from argmap.core import (
        EvidenceKind as EvidenceKind,
    )
    from argmap.core import (
        InvalidCatalogueError as InvalidCatalogueError,
    )
    from argmap.core import (
        InvalidFileError as InvalidFileError,
    )
    from argmap.core import (
        InvalidMapError as InvalidMapError,
    )
    from argmap.core import (
        LoadedMap as LoadedMap,
    )
    from argmap.core import (
        MapNotFoundError as MapNotFoundError,
    )
    from argmap.core import (
        Node as Node,
    )
    from argmap.core import (
        NodeKind as NodeKind,
    )
    from argmap.core import (
        Person as Person,
    )
    from argmap.core import (
        Position as Position,
    )
    from argmap.core import (
        Problem as Problem,
    )
    from argmap.core import (
        Proposition as Proposition,
    )
    from argmap.core import (
        PropositionCatalogue as PropositionCatalogue,
    )
    from argmap.core import (
        Relation as Relation,
    )
    from argmap.core import (
        RelationType as RelationType,
    )
    from argmap.core import (
        RenderError as RenderError,
    )
    from argmap.core import (
        ReportedBy as ReportedBy,
    )
    from argmap.core import (
        Seed as Seed,
    )
    from argmap.core import (
        SeedManifest as SeedManifest,
    )
    from argmap.core import (
        Source as Source,
    )
    from argmap.core import (
        Span as Span,
    )
    from argmap.core import (
        Stance as Stance,
    )
    from argmap.core import (
        UsageError as UsageError,
    )
    from argmap.core import (
        ValidationReport as ValidationReport,
    )
    from argmap.core import (
        Workspace as Workspace,
    )
    from argmap.core import (
        find_catalogue as find_catalogue,
    )
    from argmap.core import (
        load_catalogue as load_catalogue,
    )
    from argmap.core import (
        load_map as load_map,
    )
    from argmap.core import (
        load_maps as load_maps,
    )
    from argmap.core import (
        validate as validate,
    )
    from argmap.evaluating import Evaluation, evaluate, format_evaluation
    from argmap.formats import to_networkx
    from argmap.rendering import (
        RenderOptions as RenderOptions,
    )
    from argmap.rendering import (
        render as render,
    )
    from argmap.rendering import (
        render_bytes as render_bytes,
    )
    from argmap.rendering import (
        render_text as render_text,
    )
    from argmap.reporting import (
        Report as Report,
    )
    from argmap.reporting import (
        report as report,
    )


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
