"""argmap's Dung semantics against the Python peers on random frameworks, side by side in one run.

Grounded: frameworks of 1,000, 10,000 and 100,000 arguments, each attacking 2 or 3 others at
random. At 1,000 both peers run (pygarg, formal-argumentation); the faster one runs at every size.
Preferred and stable: frameworks of 200 to 500 arguments where the grounded extension leaves many
undecided (each argument attacks two others, a share of the attacks answered back), enumerated in
full by argmap and by pygarg (the SAT-based peer; formal-argumentation enumerates candidate
labellings and gives up near 30 arguments), plus the time to a first preferred extension on
frameworks with thousands of them. Every timing is the least CPU time of RUNS on each one's own input
(built beforehand, not timed). Run: python bench/evaluate_large.py
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from argumentation.core.dung import ArgumentationFramework, grounded_extension
from pygarg.dung import solver as pygarg

from argmap.evaluating.dung import IN, grounded
from argmap.evaluating.sat import enumerate_extensions

RUNS = 3
SEED = 2026


def best(fn: Callable[[], Any], runs: int = RUNS) -> tuple[float, Any]:
    """The least CPU time of `runs` calls, and the last result.

    CPU time of this process, not wall time: every contender runs in-process and single-threaded
    (pysat's solvers are C code inside this process), and on a shared machine wall time mostly
    measures the neighbours."""
    times, result = [], None
    for _ in range(runs):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return min(times), result


def random_af(
    n: int, rng: random.Random, low: int, high: int, answered: float = 0.0
) -> list[tuple[int, int]]:
    attacks: set[tuple[int, int]] = set()
    for a in range(n):
        for _ in range(rng.randint(low, high)):
            b = rng.randrange(n)
            if a != b:
                attacks.add((a, b))
                if rng.random() < answered:
                    attacks.add((b, a))
    return sorted(attacks)


def grounded_rows(rng: random.Random) -> None:
    print("Grounded (each argument attacks 2-3 others)")
    print(f"{'arguments':>10} {'attacks':>9} {'argmap':>9} {'peer':>26} {'ratio':>7}  in/out/undec")
    for n in (1_000, 10_000, 100_000):
        attacks = random_af(n, rng, 2, 3)
        ours_t, ours = best(partial(grounded, n, attacks))
        af = ArgumentationFramework(
            frozenset(map(str, range(n))), frozenset((str(a), str(b)) for a, b in attacks)
        )
        fa_t, theirs = best(partial(grounded_extension, af))
        assert {int(x) for x in theirs} == {i for i, label in enumerate(ours.labels) if label == IN}
        counts = "/".join(str(sum(label == k for label in ours.labels)) for k in ("in", "out", "undec"))
        print(
            f"{n:>10,} {len(attacks):>9,} {ours_t * 1000:>7.1f}ms {'formal-argumentation':>20} "
            f"{fa_t * 1000:>6.1f}ms {ours_t / fa_t:>6.2f}x  {counts}"
        )


def pygarg_grounded_row(rng: random.Random) -> None:
    """pygarg finds attackers by scanning the whole attack list for every argument, every round, so
    it runs only on a small framework here: enough to see that formal-argumentation is the peer."""
    n = 100
    attacks = random_af(n, rng, 2, 3)
    ours_t, _ = best(lambda: grounded(n, attacks))
    names = [str(i) for i in range(n)]
    pairs = [[str(a), str(b)] for a, b in attacks]
    pg_t, _ = best(lambda: pygarg.compute_grounded_extension(names, pairs), 1)
    print(
        f"{n:>10,} {len(attacks):>9,} {ours_t * 1000:>7.2f}ms {'pygarg':>20} {pg_t:>5.2f}s "
        f"{ours_t / pg_t:>7.4f}x"
    )


def enumeration_rows(rng: random.Random) -> None:
    print("\nPreferred and stable, every extension (each argument attacks 2 others, some answered)")
    print(
        f"{'arguments':>10} {'undec':>6} {'semantics':>10} {'count':>6} {'argmap':>9} {'pygarg':>9} "
        f"{'ratio':>7}"
    )
    for n, answered in ((200, 0.05), (200, 0.1), (300, 0.08), (500, 0.03)):
        attacks = random_af(n, rng, 2, 2, answered)
        undec = sum(label == "undec" for label in grounded(n, attacks).labels)
        names = [str(i + 1) for i in range(n)]
        pairs = [[str(a + 1), str(b + 1)] for a, b in attacks]
        peers: list[tuple[str, Callable[[], Any]]] = [
            ("preferred", partial(pygarg.preferred_extension_enumeration, names, pairs)),
            ("stable", partial(pygarg.extension_enumeration, names, pairs, "ST")),
        ]
        for semantics, peer in peers:
            ours_t, ours = best(
                partial(enumerate_extensions, n, attacks, semantics, limit=10**6, count_limit=10**6)
            )
            peer_t, theirs = best(peer)
            assert sorted(ours.extensions) == sorted(tuple(sorted(int(x) - 1 for x in e)) for e in theirs)
            print(
                f"{n:>10} {undec:>6} {semantics:>10} {ours.count:>6} {ours_t:>8.3f}s {peer_t:>8.3f}s "
                f"{ours_t / peer_t:>6.2f}x"
            )


def first_rows(rng: random.Random) -> None:
    print("\nA first preferred extension, and a count capped at 1,000 (half the attacks answered back)")
    print(f"{'arguments':>10} {'undec':>6} {'first: argmap':>14} {'pygarg':>9} {'1,000 extensions':>17}")
    for n in (200, 500):
        attacks = random_af(n, rng, 2, 2, 0.5)
        undec = sum(label == "undec" for label in grounded(n, attacks).labels)
        names = [str(i + 1) for i in range(n)]
        pairs = [[str(a + 1), str(b + 1)] for a, b in attacks]
        one_t, _ = best(partial(enumerate_extensions, n, attacks, "preferred", limit=1, count_limit=1))
        peer_t, _ = best(partial(pygarg.compute_some_preferred_extension, names, pairs))
        many_t, many = best(
            partial(enumerate_extensions, n, attacks, "preferred", limit=1, count_limit=1000), 1
        )
        more = "+" if not many.exhaustive else ""
        print(f"{n:>10} {undec:>6} {one_t:>13.3f}s {peer_t:>8.3f}s {many_t:>10.2f}s ({many.count}{more})")


def main() -> None:
    rng = random.Random(SEED)
    print(f"Python {sys.version.split()[0]}; least CPU time of {RUNS} runs")
    grounded_rows(rng)
    pygarg_grounded_row(rng)
    enumeration_rows(rng)
    first_rows(rng)


if __name__ == "__main__":
    main()
