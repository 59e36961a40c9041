"""Cut a source text into segments, each marked with the quotes (node ids) that cover it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from argmap.core.load import LoadedMap, Span

__all__ = ["Segment", "segments"]


@dataclass(frozen=True)
class Segment:
    """A run of source text; `nodes` are the quotes covering it, `starts` those that begin here."""

    text: str
    nodes: tuple[str, ...]
    starts: tuple[str, ...]


def segments(text: str, spans: Mapping[str, Span]) -> list[Segment]:
    """Split text at every quote boundary; overlapping quotes give segments with several nodes."""
    cuts = sorted({0, len(text)} | {s.start for s in spans.values()} | {s.end for s in spans.values()})
    opening: dict[int, list[str]] = {}
    closing: dict[int, list[str]] = {}
    for node, span in spans.items():
        opening.setdefault(span.start, []).append(node)
        closing.setdefault(span.end, []).append(node)
    active: set[str] = set()
    result: list[Segment] = []
    # One sweep over the cuts: quotes open and close as it passes them.
    for start, end in pairwise(cuts):
        active.difference_update(closing.get(start, ()))
        active.update(opening.get(start, ()))
        covering = tuple(sorted(active, key=lambda n: (spans[n].start, n)))
        result.append(Segment(text[start:end], covering, tuple(sorted(opening.get(start, ())))))
    return result


def map_segments(m: LoadedMap) -> list[Segment]:
    """The segments of a loaded map's source."""
    return segments(m.source_text, m.spans)
