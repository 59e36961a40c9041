"""Import speed, as ratios against a baseline measured in the same run.

1. A generated 10,000-node AIF file (I-nodes each asserted by an L-node through a YA, RA and CA
   nodes between them, 2,000 undercuts): `argmap.formats.import_file` (read, check, convert, find
   every quote) against `json.load` of the same file; then the whole `write_imported` (stage,
   validate with `argmap validate`'s pipeline, move into place).
2. A folder of 1,000 microtext-sized arggraph files (5 EDUs and ADUs, 4 edges, a 400-character
   .txt each): `import_file` of each against `xml.etree.ElementTree.parse` of each; then the whole
   `argmap import` command (CLI included) against the same parses.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from argmap.cli import main
from argmap.formats.files import import_file
from argmap.formats.writing import write_imported

NODES = 10_000
TEXTS = 1_000
WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "is",
    "that",
    "it",
    "for",
    "as",
    "with",
    "was",
    "on",
    "be",
    "by",
    "this",
    "are",
    "from",
    "or",
    "an",
]


def timed(run: Callable[[], Any], repeat: int = 3) -> float:
    """Median wall time of run() over repeat runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def sentence(rng: random.Random, n: int) -> str:
    return f"Point {n} says " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))) + "."


def make_aif(rng: random.Random) -> dict[str, Any]:
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges)), "fromID": a, "toID": b})

    for i in range(NODES):
        text = sentence(rng, i)
        nodes += [
            {"nodeID": f"i{i}", "text": text, "type": "I", "timestamp": "2024-01-01 00:00:00"},
            {"nodeID": f"l{i}", "text": text, "type": "L"},
            {"nodeID": f"y{i}", "text": "Asserting", "type": "YA"},
        ]
        edge(f"l{i}", f"y{i}")
        edge(f"y{i}", f"i{i}")
        locutions.append({"nodeID": f"l{i}", "personID": str(i % 7)})
        if i:
            kind = "RA" if i % 3 else "CA"
            nodes.append({"nodeID": f"s{i}", "text": kind, "type": kind})
            edge(f"i{i}", f"s{i}")
            edge(f"s{i}", f"i{rng.randrange(i)}")
    for i in range(1, NODES, 5):  # undercuts of every fifth inference
        nodes.append({"nodeID": f"u{i}", "text": "CA", "type": "CA"})
        edge(f"i{rng.randrange(NODES)}", f"u{i}")
        edge(f"u{i}", f"s{i}")
    people = [{"participantID": str(k), "firstname": f"Speaker{k}", "surname": ""} for k in range(7)]
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": people}


def make_microtext(k: int, rng: random.Random) -> tuple[str, str]:
    edus = [sentence(rng, j) for j in range(5)]
    parts = [
        f'<arggraph id="micro_g{k:04d}" topic_id="school_uniforms" stance="{rng.choice(["pro", "con"])}">'
    ]
    parts += [f'  <edu id="e{j + 1}"><![CDATA[{e}]]></edu>' for j, e in enumerate(edus)]
    parts += [f'  <adu id="a{j + 1}" type="{"opp" if j == 1 else "pro"}"/>' for j in range(5)]
    parts += [f'  <edge id="c{j + 6}" src="e{j + 1}" trg="a{j + 1}" type="seg"/>' for j in range(5)]
    parts += [
        '  <edge id="c1" src="a2" trg="a1" type="reb"/>',
        '  <edge id="c2" src="a3" trg="c1" type="und"/>',
        '  <edge id="c3" src="a4" trg="a1" type="sup"/>',
        '  <edge id="c4" src="a5" trg="c3" type="add"/>',
        "</arggraph>",
    ]
    return "<?xml version='1.0' encoding='UTF-8'?>\n" + "\n".join(parts) + "\n", " ".join(edus) + "\n"


def main_bench() -> None:
    rng = random.Random(13)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        aif = root / "large.json"
        aif.write_text(json.dumps(make_aif(rng)), encoding="utf-8")
        size = aif.stat().st_size / 1e6

        def load_json() -> None:
            with aif.open(encoding="utf-8") as stream:
                json.load(stream)

        base = timed(load_json)
        imported = timed(lambda: import_file(aif))
        out = root / "out"
        out.mkdir()
        result, _ = import_file(aif)
        whole = timed(lambda: write_imported(result, out, "large.json"), repeat=1) + imported
        print(f"AIF, {NODES:,} I-nodes ({size:.1f} MB):")
        print(f"  json.load                       {base * 1000:8.0f} ms   1.00x")
        print(f"  import_file                     {imported * 1000:8.0f} ms   {imported / base:5.2f}x")
        print(f"  import_file + write (validated) {whole * 1000:8.0f} ms   {whole / base:5.2f}x")

        texts = root / "micro"
        texts.mkdir()
        for k in range(TEXTS):
            xml, txt = make_microtext(k, rng)
            (texts / f"micro_g{k:04d}.xml").write_text(xml, encoding="utf-8")
            (texts / f"micro_g{k:04d}.txt").write_text(txt, encoding="utf-8")
        files = sorted(texts.glob("*.xml"))
        parse = timed(lambda: [ET.parse(f) for f in files])
        convert = timed(lambda: [import_file(f) for f in files])

        def command() -> None:
            target = root / "imported"
            shutil.rmtree(target, ignore_errors=True)
            result = CliRunner().invoke(main, ["import", str(texts), "-o", str(target)])
            assert result.exit_code == 0, result.output

        cli = timed(command, repeat=1)
        print(f"Microtexts, {TEXTS:,} files:")
        print(f"  ElementTree.parse of each       {parse * 1000:8.0f} ms   1.00x")
        print(f"  import_file of each             {convert * 1000:8.0f} ms   {convert / parse:5.2f}x")
        print(f"  argmap import (validated)       {cli * 1000:8.0f} ms   {cli / parse:5.2f}x")


if __name__ == "__main__":
    main_bench()
