"""compare() on 100 generated maps of 1,000 claims each over 200 propositions, and every output format.

Part 1 prints the time of compare() and its ratio against a baseline measured in the same run: one
pass over every stance of every map (what any comparison must at least read). Target: under 1 s.

Part 2 (skipped with --no-formats) writes the same maps as files and times each output format two
ways: in-process, compare() + format_comparison() + writing the file, against compare() alone
(target: within 2x); and the whole CLI in a fresh process (`argmap compare --format F -o FILE`),
against `argmap validate` of the same maps, the loading every command pays first.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from argmap.comparing.formats import FORMATS, format_comparison
from argmap.comparing.matrix import compare
from argmap.core.load import LoadedMap, Span
from argmap.core.model import ArgumentMap, PropositionCatalogue
from argmap.core.output import write_atomic

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


def make_data(
    index: int, rng: random.Random, words: tuple[list[str], list[float]], evidence: int = EVIDENCE
) -> dict[str, Any]:
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
        # Into another map (a relation into its own map would target its own premise).
        {
            "id": f"x{i}",
            "type": "attack",
            "from": [f"c{i}"],
            "to": f"m{(index + 1 + rng.randrange(MAPS - 1)) % MAPS}:c{i}",
        }
        for i in range(5)
    ]
    return {
        "version": 2,
        "id": f"m{index}",
        "title": f"Map {index}",
        "author": {"name": f"Author {index}"},
        "source": {"path": f"m{index}.txt", "title": "generated", "date": f"20{10 + index % 10}"},
        "nodes": nodes,
        "relations": relations,
    }


def make_map(
    index: int, rng: random.Random, words: tuple[list[str], list[float]], evidence: int = EVIDENCE
) -> LoadedMap:
    m = ArgumentMap.model_validate(make_data(index, rng, words, evidence))
    text_parts, spans, offset = [], {}, 0
    for node in m.nodes:
        assert node.quote is not None
        spans[node.id] = Span(offset, offset + len(node.quote))
        text_parts.append(node.quote)
        offset += len(node.quote) + 1
    return LoadedMap(m, Path(f"m{index}.json"), Path(f"m{index}.txt"), "\n".join(text_parts), spans)


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


def write_files(folder: Path, evidence: int) -> None:
    """The same maps as bench_maps() (same seed), as map files with their source texts and catalogue."""
    rng = random.Random(7)
    words = make_words(rng)
    for i in range(MAPS):
        data = make_data(i, rng, words, evidence)
        (folder / f"m{i}.json").write_text(json.dumps(data), encoding="utf-8")
        quotes = [n["quote"] for n in data["nodes"]]
        (folder / f"m{i}.txt").write_text("\n".join(quotes) + "\n", encoding="utf-8")
    catalogue = {
        "version": 2,
        "propositions": [{"id": f"p{i}", "text": f"Proposition {i}."} for i in range(PROPOSITIONS)],
    }
    (folder / "propositions.json").write_text(json.dumps(catalogue), encoding="utf-8")


def cli(*args: str) -> float:
    """Wall time of one argmap command in a fresh process."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "argmap", *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def formats(maps: list[LoadedMap], catalogue: PropositionCatalogue, evidence: int) -> None:
    """Part 2: every output format, in-process and through the whole CLI."""
    with tempfile.TemporaryDirectory() as tmp:
        folder, outputs = Path(tmp) / "maps", Path(tmp) / "out"
        folder.mkdir()
        outputs.mkdir()
        write_files(folder, evidence)
        load = min(best_of(lambda: cli("validate", "--maps", str(folder)), 2))
        print("\nEach format: compare() alone and compare() + format + write, alternated, best of 3 each;")
        print(f"then the whole CLI in a fresh process, against `argmap validate` of the maps ({load:.2f} s).")
        print("format    compare()  +format+write  ratio   size     | CLI        CLI - validate")
        for fmt in FORMATS:
            out = outputs / f"out.{fmt}"

            def run(fmt: str = fmt, out: Path = out) -> None:
                write_atomic(out, format_comparison(compare(maps, catalogue), fmt))

            alone, total = [], []
            for _ in range(3):
                alone += best_of(lambda: compare(maps, catalogue), 1)
                total += best_of(run, 1)
            size = out.stat().st_size
            whole = cli("compare", "--maps", str(folder), "--format", fmt, "-o", str(out))
            print(
                f"{fmt:9} {min(alone):7.3f} s {min(total):9.3f} s {min(total) / min(alone):8.2f}x "
                f"{size / 1e6:6.1f} MB | {whole:6.2f} s {whole - load:8.2f} s"
            )


def best_of(func: Any, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    rng = random.Random(7)
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    evidence = int(args[0]) if args else EVIDENCE
    words = make_words(rng)
    maps = [make_map(i, rng, words, evidence) for i in range(MAPS)]
    catalogue = PropositionCatalogue(
        version=2, propositions=[{"id": f"p{i}", "text": f"Proposition {i}."} for i in range(PROPOSITIONS)]
    )
    base = best(lambda: baseline(maps))
    ours = best(lambda: compare(maps, catalogue))
    speakers = min(best_of(lambda: compare(maps, catalogue, speakers=True), 2))
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
    print(f"(best of {RUNS} runs each; speakers best of 2)")
    if "--no-formats" not in sys.argv:
        formats(maps, catalogue, evidence)


if __name__ == "__main__":
    main()
