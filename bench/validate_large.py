"""Validation speed on a generated 10,000-node map with 10,000 quotes over a 1 MB source text.

Prints nodes per second and the ratio against a naive baseline measured in the same run
(normalise the text, then `str.find` each quote), which is what an unindexed checker does.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from argmap.core.load import Workspace, validate
from argmap.core.provenance import normalise

NODES = 10_000
VOCABULARY = 3_000


def make_source(size: int, rng: random.Random) -> str:
    """English-like text: pseudo-words drawn with Zipf-like frequencies, so phrases repeat."""
    letters = "etaoinshrdlcumwfgypbvk"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(VOCABULARY)]
    weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
    sentences: list[str] = []
    length = 0
    n = 0
    while length < size:
        chosen = rng.choices(words, weights, k=rng.randint(8, 24))
        sentence = f"Sentence {n}: " + " ".join(chosen) + ".\n"
        sentences.append(sentence)
        length += len(sentence)
        n += 1
    return "".join(sentences)


def make_map(text: str, rng: random.Random) -> dict[str, Any]:
    lines = text.splitlines()
    nodes = []
    for i in range(NODES):
        line = lines[rng.randrange(len(lines))]
        words = line.split()
        a = rng.randrange(0, max(1, len(words) - 10))
        quote = " ".join(words[a : a + rng.randint(4, 10)])
        nodes.append({"id": f"n{i}", "kind": "claim", "text": f"node {i}", "quote": quote})
    relations = [
        {"id": f"r{i}", "type": "support", "from": [f"n{i}"], "to": f"n{i - 1}"} for i in range(1, NODES)
    ]
    return {
        "version": 2,
        "id": "large",
        "title": "generated",
        "author": {"name": "generator"},
        "source": {"path": "source.txt", "title": "generated", "date": "2024"},
        "nodes": nodes,
        "relations": relations,
    }


def main() -> None:
    rng = random.Random(42)
    text = make_source(1_000_000, rng)
    data = make_map(text, rng)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "source.txt").write_text(text, encoding="utf-8")
        (folder / "large.json").write_text(json.dumps(data), encoding="utf-8")

        start = time.perf_counter()
        norm, _ = normalise(text)
        found = sum(norm.find(normalise(n["quote"])[0]) >= 0 for n in data["nodes"])
        naive = time.perf_counter() - start

        start = time.perf_counter()
        report = validate([folder / "large.json"], Workspace(maps_dir=folder))
        ours = time.perf_counter() - start
    assert report.ok, report.problems[:3]
    assert found == NODES
    print(f"source: {len(text):,} chars; map: {NODES:,} nodes, {NODES - 1:,} relations, {NODES:,} quotes")
    print(f"naive normalise + str.find baseline: {naive:6.3f} s (quotes only)")
    print(f"argmap validate (whole pipeline):    {ours:6.3f} s  = {NODES / ours:,.0f} nodes/s")
    print(f"ratio argmap / naive:                {ours / naive:6.2f}x")


if __name__ == "__main__":
    main()
