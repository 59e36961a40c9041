"""One entry point for writing a map in a foreign format: the text and what it could not hold."""

from __future__ import annotations

from argmap.core.load import LoadedMap
from argmap.core.model import PropositionCatalogue
from argmap.formats.common import EXPORTS, FormatError

__all__ = ["SUFFIXES", "export_map"]

SUFFIXES = {"aif": ".json", "xaif": ".json", "argdown": ".argdown", "graphml": ".graphml"}


def export_map(
    loaded: LoadedMap, fmt: str, catalogue: PropositionCatalogue | None = None
) -> tuple[str, list[str]]:
    """The map written as fmt (aif, xaif, argdown, graphml); and notes on what took a nearest form."""
    if fmt == "aif" or fmt == "xaif":
        from argmap.formats import aif

        return aif.dump(loaded.map, source_text=loaded.source_text, xaif=fmt == "xaif")
    if fmt == "argdown":
        from argmap.formats import argdown

        return argdown.dump(loaded.map, catalogue)
    if fmt == "graphml":
        from argmap.formats import graphml

        return graphml.dump(loaded.map), []
    raise FormatError(loaded.id, f"unknown export format '{fmt}' (known: {', '.join(EXPORTS)})")
