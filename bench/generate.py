"""A generated argument of N nodes shaped like a real one: a thesis, a handful of reasons, each
reason argued for by a few claims, evidence at the leaves, a fifth of the relations attacks."""

from __future__ import annotations

import random
from collections import deque
from pathlib import Path
from typing import Any


def argument_map(n: int, seed: int = 15) -> Any:
    """A LoadedMap with n nodes: breadth first, each claim with 2-4 reasons, the thesis with 7."""
    from argmap.core.load import LoadedMap
    from argmap.core.model import ArgumentMap

    rng = random.Random(seed)
    nodes: list[dict[str, object]] = [
        {
            "id": "c0",
            "kind": "claim",
            "text": "Generated thesis that the other nodes argue for",
            "implicit": True,
            "thesis": True,
        }
    ]
    relations: list[dict[str, object]] = []
    queue = deque([("c0", 7)])
    while queue and len(nodes) < n:
        parent, wanted = queue.popleft()
        for _ in range(wanted):
            if len(nodes) >= n:
                break
            i = len(nodes)
            leaf = rng.random() < 0.35
            ident = f"e{i}" if leaf else f"c{i}"
            node: dict[str, object] = {
                "id": ident,
                "kind": "evidence" if leaf else "claim",
                "text": f"Generated {'evidence' if leaf else 'claim'} {i}, a few words long to wrap",
                "implicit": True,
            }
            if leaf:
                node["date"] = f"2014-{1 + i % 12:02d}"
            nodes.append(node)
            kind = "attack" if rng.random() < 0.2 else "support"
            relations.append({"id": f"r{i}", "type": kind, "from": [ident], "to": parent})
            if not leaf:
                queue.append((ident, rng.choice((2, 3, 3, 4))))
    data = {
        "version": 2,
        "id": f"gen{n}",
        "title": f"a generated {n}-node argument",
        "author": {"name": "Generator"},
        "source": {"path": "x.txt", "title": "generated", "date": "2020"},
        "nodes": nodes,
        "relations": relations,
    }
    return LoadedMap(ArgumentMap.model_validate(data), Path("x.json"), Path("x.txt"), "", {})
