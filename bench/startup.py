"""Start-up cost of the CLI as whole processes, as ratios against floors measured in the same run.

Floors, each a fresh Python process:
- `python -c pass`, for `argmap --help`;
- pygraphviz alone laying out the very DOT `argmap render panov` lays out, for `render`;
- json + jsonschema-rs checking the same files against argmap's schema, for `validate`/`compare`
  (the least any checker of these files must do).
Rounds alternate between the commands so that a busy machine slows them all alike; each figure is
the median over the rounds. Usage: python bench/startup.py [ROUNDS]
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_SCHEMA_FLOOR = """
import json, sys, jsonschema_rs
validator = jsonschema_rs.validator_for(json.load(open("schema/argmap.schema.json")))
for name in sys.argv[1:]:
    data = json.load(open(f"maps/{name}.json"))
    assert validator.is_valid(data)
    open("seeds/" + {s["id"]: s["file"] for s in json.load(open("seeds/seeds.json"))["seeds"]}[
        data["source"]["seed"]], encoding="utf-8").read()
"""

_LAYOUT_FLOOR = """
import sys, pygraphviz
sys.stdout.buffer.write(pygraphviz.AGraph(string=open(sys.argv[1]).read()).draw(format="svg", prog="dot"))
"""


# The layout cache is off unless a command is marked as using it (a warm cache, filled in warm-up).
CACHE = Path(tempfile.mkdtemp(prefix="argmap-bench-cache-"))
WARM = "(layouts cached)"


def timed(cmd: list[str], name: str = "") -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of a command."""
    env = {**os.environ, "ARGMAP_CACHE_DIR": str(CACHE) if WARM in name else ""}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, check=False, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    py = sys.executable
    argmap = [py, "-m", "argmap"]
    dot = subprocess.run(
        [*argmap, "render", "panov", "--format", "dot", "-o", "-"], cwd=REPO, capture_output=True, check=True
    ).stdout
    with tempfile.NamedTemporaryFile("wb", suffix=".dot", delete=False) as f:
        f.write(dot)
    floors = {
        "python -c pass": [py, "-c", "pass"],
        "pygraphviz lays out panov's DOT": [py, "-c", _LAYOUT_FLOOR, f.name],
        "jsonschema-rs checks panov": [py, "-c", _SCHEMA_FLOOR, "panov"],
        "jsonschema-rs checks 3 maps": [py, "-c", _SCHEMA_FLOOR, "panov", "kobayashi", "brown"],
    }
    commands = {
        "argmap --help": ([*argmap, "--help"], "python -c pass"),
        "argmap render panov -o -": (
            [*argmap, "render", "panov", "-o", "-"],
            "pygraphviz lays out panov's DOT",
        ),
        "argmap validate panov": ([*argmap, "validate", "panov"], "jsonschema-rs checks panov"),
        "argmap compare panov kobayashi brown": (
            [*argmap, "compare", "panov", "kobayashi", "brown"],
            "jsonschema-rs checks 3 maps",
        ),
        f"argmap render panov -o - {WARM}": (
            [*argmap, "render", "panov", "-o", "-"],
            "pygraphviz lays out panov's DOT",
        ),
        "argmap report (7 maps)": (
            [*argmap, "report", "-o", str(CACHE.parent / "argmap-bench-r.html")],
            None,
        ),
        f"argmap report (7 maps) {WARM}": (
            [*argmap, "report", "-o", str(CACHE.parent / "argmap-bench-r.html")],
            None,
        ),
    }
    everything = {**floors, **{name: cmd for name, (cmd, _) in commands.items()}}
    for name, cmd in everything.items():
        timed(cmd, name)  # warm the file cache (and the layout cache)
    walls: dict[str, list[float]] = {name: [] for name in everything}
    cpus: dict[str, list[float]] = {name: [] for name in everything}
    for i in range(rounds):
        order = list(everything.items())
        for name, cmd in order if i % 2 == 0 else reversed(order):
            wall, cpu = timed(cmd, name)
            walls[name].append(wall)
            cpus[name].append(cpu)
    # CPU time is what the process itself costs; on a busy machine it is steadier than wall time.
    for title, times in (("wall time", walls), ("CPU time (user + system)", cpus)):
        median = {name: statistics.median(t) for name, t in times.items()}
        base = median["python -c pass"]
        print(f"{title}, median of {rounds} rounds")
        print(f"{'command':48s} {'time':>9s} {'vs pass':>8s} {'vs floor':>9s}")
        for name in floors:
            print(f"{name:48s} {median[name] * 1000:7.1f}ms {median[name] / base:7.2f}x")
        for name, (_, floor) in commands.items():
            against = f"{median[name] / median[floor]:8.2f}x" if floor else ""
            print(f"{name:48s} {median[name] * 1000:7.1f}ms {median[name] / base:7.2f}x {against}")
        print()
    Path(f.name).unlink()
    shutil.rmtree(CACHE)


if __name__ == "__main__":
    main()
