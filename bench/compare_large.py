"""compare() on 100 generated maps of 1,000 claims each over 200 propositions, built in memory.

Prints the time of compare() and its ratio against a baseline measured in the same run: one pass
over every stance of every map (what any comparison must at least read). Target: under 1 s.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path
from typing import Any

from argmap.comparing.matrix import compare
from argmap.core.load import LoadedMap, Span
from argmap.core.model import ArgumentMap, PropositionCatalogue

MAPS = 100
CLAIMS = 1_000
# Dated evidence per map, for the timeline and the shared-event search: the seed maps have 3 to 20
# (11 on average); `python bench/compare_large.py 50` runs a heavier variant.
EVIDENCE = 20
PROPOSITIONS = 200
RUNS = 5
VOCABULARY = 2_000


def make_words(rng: random.Random) -> tuple[list[str], list[float]]:
    """Pseudo-words with Zipf-like weights, so evidence paraphrases share common words, as prose does."""
    letters = "etaoinshrdlcumwfgypbvk"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(VOCABULARY)]
    return words, [1 / (rank + 1) for rank in range(VOCABULARY)]


def make_map(
    index: int, rng: random.Random, words: tuple[list[str], list[float]], evidence: int = EVIDENCE
) -> LoadedMap:
    nodes: list[dict[str, Any]] = []
    for i in range(CLAIMS):
        stance = {
            "proposition": f"p{rng.randrange(PROPOSITIONS)}",
            "position": rng.choice(["pro", "con", "neutral"]),
            "intensity": rng.randint(1, 3),
        }
        speaker = {"speaker": f"speaker {rng.randrange(5)}"} if rng.random() < 0.1 else {}
        claim = {"id": f"c{i}", "kind": "claim", "text": f"claim {i}", "quote": f"quote {index} {i}"}
        nodes.append({**claim, "stances": [stance], **speaker})
    for i in range(evidence):
        date = f"{rng.randint(2010, 2019)}-{rng.randint(1, 12):02d}"
        text = " ".join(rng.choices(words[0], words[1], k=rng.randint(6, 14)))
        nodes.append(
            {"id": f"e{i}", "kind": "evidence", "text": text, "quote": f"evidence {index} {i}", "date": date}
        )
    # A tree of supports (four premises per claim), evidence under random claims, cross-map attacks.
    relations: list[dict[str, Any]] = [
        {"id": f"r{i}", "type": "support", "from": [f"c{i}"], "to": f"c{(i - 1) // 4}"}
        for i in range(1, CLAIMS)
    ]
    relations += [
        {"id": f"s{i}", "type": "support", "from": [f"e{i}"], "to": f"c{rng.randrange(CLAIMS)}"}
        for i in range(evidence)
    ]
    relations += [
        {"id": f"x{i}", "type": "attack", "from": [f"c{i}"], "to": f"m{rng.randrange(MAPS)}:c{i}"}
        for i in range(5)
    ]
    data = {
        "version": 2,
        "id": f"m{index}",
        "title": f"Map {index}",
        "author": {"name": f"Author {index}"},
        "source": {"path": "source.txt", "title": "generated", "date": f"20{10 + index % 10}"},
        "nodes": nodes,
        "relations": relations,
    }
    m = ArgumentMap.model_validate(data)
    text_parts, spans, offset = [], {}, 0
    for node in m.nodes:
        assert node.quote is not None
        spans[node.id] = Span(offset, offset + len(node.quote))
        text_parts.append(node.quote)
        offset += len(node.quote) + 1
    return LoadedMap(m, Path(f"m{index}.json"), Path("source.txt"), "\n".join(text_parts), spans)


def baseline(maps: list[LoadedMap]) -> int:
    """One pass over every stance: the least any comparison must read."""
    total = 0
    for lm in maps:
        for node in lm.map.nodes:
            for stance in node.stances:
                total += stance.intensity if stance.position.value == "pro" else -stance.intensity
    return total


def best(func: Any) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rng = random.Random(7)
    evidence = int(sys.argv[1]) if len(sys.argv) > 1 else EVIDENCE
    words = make_words(rng)
    maps = [make_map(i, rng, words, evidence) for i in range(MAPS)]
    catalogue = PropositionCatalogue(
        version=2, propositions=[{"id": f"p{i}", "text": f"Proposition {i}."} for i in range(PROPOSITIONS)]
    )
    base = best(lambda: baseline(maps))
    ours = best(lambda: compare(maps, catalogue))
    speakers = best(lambda: compare(maps, catalogue, speakers=True))
    c = compare(maps, catalogue)
    stances = sum(len(n.stances) for lm in maps for n in lm.map.nodes)
    print(
        f"{MAPS} maps x {CLAIMS:,} claims ({stances:,} stances) + {evidence} dated evidence each, "
        f"{PROPOSITIONS} propositions"
    )
    print(
        f"result: {len(c.actors)} actors, {len(c.pairs):,} pairs, {len(c.engagements)} engagements, "
        f"{len(c.evidence):,} evidence, {len(c.shared_events):,} shared events"
    )
    print(f"baseline, one pass over every stance: {base:7.3f} s")
    print(f"compare():                            {ours:7.3f} s  = {ours / base:6.1f}x baseline")
    print(f"compare(speakers=True):               {speakers:7.3f} s  = {speakers / base:6.1f}x baseline")
    print(f"(best of {RUNS} runs each)")


if __name__ == "__main__":
    main()
