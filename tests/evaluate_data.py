"""Build small maps for evaluation tests: implicit claims only, so no source text is needed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from argmap.core.model import ArgumentMap


def small_map(
    nodes: Sequence[str] | Mapping[str, float | None],
    relations: Sequence[Mapping[str, Any]],
    map_id: str = "t",
) -> ArgumentMap:
    """A map whose nodes are implicit claims (with base scores when given as a mapping)."""
    scores = nodes if isinstance(nodes, Mapping) else dict.fromkeys(nodes)
    return ArgumentMap.model_validate(
        {
            "version": 2,
            "id": map_id,
            "title": "A textbook case",
            "author": {"name": "Test"},
            "source": {"path": "none.txt", "title": "none", "date": "2020"},
            "nodes": [
                {"id": n, "kind": "claim", "text": n, "implicit": True}
                | ({"base_score": s} if s is not None else {})
                for n, s in scores.items()
            ],
            "relations": list(relations),
        }
    )
