"""Complete, preferred and stable extensions by SAT: the labelling encoding, with blocking clauses.

The encoding is the complete-labelling one of Cerutti, Dunne, Giacomin and Vallati (2013/2014,
ArgSemSAT): for each argument a, variables in(a) and out(a), with in(a) <-> every attacker is out,
out(a) <-> some attacker is in, never both. Stable needs only in(a): no two arguments that attack
each other are both in, and each argument is in or has an attacker in. Preferred extensions come
from the PrefSAT loop: find a complete extension, grow it while a strictly larger complete one
exists, record it, then ask only for extensions that are not inside any recorded one. The grounded
labelling is fixed up front, which prunes the search without changing any answer (grounded is
contained in every complete extension, and stable ones are complete).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from argmap.evaluating.dung import IN, OUT, grounded, labelling_of

__all__ = ["Enumeration", "enumerate_extensions"]


@dataclass(frozen=True)
class Enumeration:
    """The first `limit` extensions (each a sorted tuple of indices) and how many there are, with
    how many of the counted extensions label each argument in and out.

    `exhaustive` is False when counting stopped at `count_limit`: there are at least `count`."""

    extensions: tuple[tuple[int, ...], ...]
    count: int
    exhaustive: bool
    in_counts: tuple[int, ...]
    out_counts: tuple[int, ...]


class _Encoding:
    def __init__(self, size: int, attacks: Sequence[tuple[int, int]], stable: bool) -> None:
        from pysat.solvers import Solver  # imported here: the CLI starts without it

        self.size = size
        # Stable needs one variable per argument (out is "not in"); the labelling needs two.
        self.width = 1 if stable else 2
        self.solver: Any = Solver(name="g4")
        self.next_var = self.width * size + 1
        attackers: list[list[int]] = [[] for _ in range(size)]
        for a, b in attacks:
            attackers[b].append(a)
        fixed = grounded(size, attacks).labels
        add = self.solver.add_clause
        for a in range(size):
            i, o = self.in_(a), self.out(a)
            if stable:  # conflict-free, and whatever is not in is attacked by something in
                add([i, *[self.in_(b) for b in attackers[a]]])
                for b in attackers[a]:
                    add([-i, -self.in_(b)])
            else:
                add([-i, -o])
                add([i, *[-self.out(b) for b in attackers[a]]])
                add([-o, *[self.in_(b) for b in attackers[a]]])
                for b in attackers[a]:
                    add([-i, self.out(b)])
                    add([o, -self.in_(b)])
            if fixed[a] == IN:
                add([i])
            elif fixed[a] == OUT:
                add([o])

    def in_(self, a: int) -> int:
        return self.width * a + 1

    def out(self, a: int) -> int:
        return self.width * a + 2 if self.width == 2 else -(a + 1)

    def fresh(self) -> int:
        self.next_var += 1
        return self.next_var

    def solve(self, assumptions: Sequence[int] = ()) -> tuple[int, ...] | None:
        found = self.solve_literals(assumptions)
        return None if found is None else tuple(i for i, lit in enumerate(found) if lit > 0)

    def solve_literals(self, assumptions: Sequence[int] = ()) -> list[int] | None:
        """The in(a) literals of a model, in argument order (positive: a is in), or None."""
        if not self.solver.solve(assumptions=list(assumptions)):
            return None
        model: list[int] = self.solver.get_model()
        return model[0 : self.width * self.size : self.width]

    def close(self) -> None:
        self.solver.delete()


def _all(enc: _Encoding) -> Iterator[tuple[int, ...]]:
    while (literals := enc.solve_literals()) is not None:
        yield tuple(i for i, lit in enumerate(literals) if lit > 0)
        # The in-set fixes a complete labelling, so blocking it blocks exactly this extension.
        enc.solver.add_clause([-lit for lit in literals])


def _preferred(enc: _Encoding) -> Iterator[tuple[int, ...]]:
    while (found := enc.solve()) is not None:
        while True:  # grow to a maximal complete extension
            members = set(found)
            outside = [enc.in_(a) for a in range(enc.size) if a not in members]
            if not outside:
                break
            switch = enc.fresh()
            enc.solver.add_clause([-switch, *outside])
            larger = enc.solve([switch, *[enc.in_(a) for a in found]])
            enc.solver.add_clause([-switch])
            if larger is None:
                break
            found = larger
        yield found
        outside = [enc.in_(a) for a in range(enc.size) if a not in set(found)]
        if not outside:
            return
        enc.solver.add_clause(outside)  # the next one must not lie inside this one


def enumerate_extensions(
    size: int,
    attacks: Sequence[tuple[int, int]],
    semantics: str,
    *,
    limit: int = 20,
    count_limit: int = 10_000,
) -> Enumeration:
    """The extensions of a Dung framework under complete, preferred or stable semantics."""
    if semantics not in ("complete", "preferred", "stable"):
        raise ValueError(f"no SAT enumeration for {semantics!r}")
    enc = _Encoding(size, attacks, stable=semantics == "stable")
    try:
        found: list[tuple[int, ...]] = []
        count = 0
        ins, outs = [0] * size, [0] * size
        source = _preferred(enc) if semantics == "preferred" else _all(enc)
        exhaustive = True
        for extension in source:
            count += 1
            if len(found) < limit:
                found.append(extension)
            if semantics == "stable":  # outside a stable extension everything is out: see below
                for i in extension:
                    ins[i] += 1
            else:
                for i, label in enumerate(labelling_of(size, attacks, extension)):
                    ins[i] += label == IN
                    outs[i] += label == OUT
            if count >= count_limit:
                exhaustive = next(source, None) is None
                break
        if semantics == "stable":
            outs = [count - i for i in ins]
        return Enumeration(tuple(sorted(found)), count, exhaustive, tuple(ins), tuple(outs))
    finally:
        enc.close()
