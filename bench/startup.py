"""Start-up cost of the CLI as whole processes, as ratios against `python -c pass` in the same run."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNS = 15


def best_of(cmd: list[str]) -> float:
    """Median wall time of a command over RUNS runs (after one warm-up)."""
    subprocess.run(cmd, cwd=REPO, capture_output=True, check=False)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=REPO, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    py = sys.executable
    cases = {
        "python -c pass": [py, "-c", "pass"],
        "argmap --help": [py, "-m", "argmap", "--help"],
        "argmap validate kobayashi": [py, "-m", "argmap", "validate", "kobayashi"],
        "argmap validate panov": [py, "-m", "argmap", "validate", "panov"],
        "argmap validate (all maps)": [py, "-m", "argmap", "validate"],
        "argmap render panov -o -": [py, "-m", "argmap", "render", "panov", "-o", "-"],
        "argmap render panov --format dot": [
            py,
            "-m",
            "argmap",
            "render",
            "panov",
            "-o",
            "-",
            "--format",
            "dot",
        ],
    }
    extra = sys.argv[1:]
    if extra:
        cases[" ".join(["argmap", *extra])] = [py, "-m", "argmap", *extra]
    base = best_of(cases.pop("python -c pass"))
    print(f"{'python -c pass':32s} {base * 1000:8.1f} ms   1.00x (baseline)")
    for name, cmd in cases.items():
        t = best_of(cmd)
        print(f"{name:32s} {t * 1000:8.1f} ms  {t / base:5.2f}x")


if __name__ == "__main__":
    main()
