"""Gradual strength: DF-QuAD (Rago et al. 2016) and the quadratic energy model (Potyka 2018).

Nodes are arguments with a base score; a relation is an inference whose strength is that of its
weakest premise (linked premises act together), lowered by the undercuts aimed at it the same way
a node is lowered by its attackers (an inference's own base score is 1). A node's attackers and
supporters are the attack and support relations that point at it, with those strengths. On a map
with single-premise relations and no undercuts this is exactly the semantics of the papers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from argmap.evaluating.framework import Framework

__all__ = ["GRADUAL", "Strengths", "dfquad_score", "gradual_strengths", "quadratic_score"]

GRADUAL = ("dfquad", "quadratic")


@dataclass(frozen=True)
class Strengths:
    """Final strength of every argument, and whether the computation reached a fixed point."""

    semantics: str
    values: tuple[float, ...]
    converged: bool
    iterations: int


def dfquad_score(base: float, attacks: Sequence[float], supports: Sequence[float]) -> float:
    """DF-QuAD (Rago et al. 2016, Def. 3): combine probabilistic sums of attack and support."""
    va = 1.0 - math.prod(1.0 - s for s in attacks)
    vs = 1.0 - math.prod(1.0 - s for s in supports)
    if va >= vs:
        return base - base * (va - vs)
    return base + (1.0 - base) * (vs - va)


def _h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1.0 + x * x)


def quadratic_score(base: float, attacks: Sequence[float], supports: Sequence[float]) -> float:
    """Quadratic energy (Potyka 2018, Def. 2): the equilibrium for energy = supports - attacks."""
    energy = sum(supports) - sum(attacks)
    return base - base * _h(-energy) + (1.0 - base) * _h(energy)


_SCORES: dict[str, Callable[[float, Sequence[float], Sequence[float]], float]] = {
    "dfquad": dfquad_score,
    "quadratic": quadratic_score,
}


class _Graph:
    def __init__(self, fw: Framework, removed: int | None) -> None:
        attacked, supported = fw.incoming()
        if removed is not None:  # the counterfactual map without one relation
            attacked = [[r for r in rs if r != removed] for rs in attacked]
            supported = [[r for r in rs if r != removed] for rs in supported]
        self.attacked, self.supported = attacked, supported
        self.bases = [a.base for a in fw.arguments]
        self.premises = [a.premises for a in fw.arguments]
        self.relation = [a.is_relation for a in fw.arguments]

    def order(self) -> list[int] | None:
        """A topological order of the dependencies, or None when they form a cycle."""
        size = len(self.bases)
        deps = [[*self.attacked[i], *self.supported[i], *self.premises[i]] for i in range(size)]
        users: list[list[int]] = [[] for _ in range(size)]
        waiting = [len(d) for d in deps]
        for i, d in enumerate(deps):
            for j in d:
                users[j].append(i)
        ready = [i for i in range(size) if waiting[i] == 0]
        order: list[int] = []
        while ready:
            i = ready.pop()
            order.append(i)
            for u in users[i]:
                waiting[u] -= 1
                if waiting[u] == 0:
                    ready.append(u)
        return order if len(order) == size else None

    def update(self, score: Callable[..., float], values: Sequence[float], i: int) -> float:
        attacks = [values[r] for r in self.attacked[i]]
        supports = [values[r] for r in self.supported[i]]
        if not self.relation[i]:
            return score(self.bases[i], attacks, supports)
        weakest = min((values[p] for p in self.premises[i]), default=1.0)
        return weakest * score(1.0, attacks, supports)


def gradual_strengths(
    fw: Framework,
    semantics: str = "dfquad",
    *,
    removed: int | None = None,
    tolerance: float = 1e-10,
    max_iterations: int = 10_000,
) -> Strengths:
    """Strengths under DF-QuAD or quadratic energy; `removed` leaves one relation out."""
    if semantics not in _SCORES:
        raise ValueError(f"unknown gradual semantics {semantics!r}")
    score = _SCORES[semantics]
    g = _Graph(fw, removed)
    values = list(g.bases)
    order = g.order()
    if order is not None:  # acyclic: one pass in dependency order is the exact fixed point
        for i in order:
            values[i] = g.update(score, values, i)
        return Strengths(semantics, tuple(values), True, 1)
    size = len(values)
    for iteration in range(1, max_iterations + 1):
        if semantics == "dfquad":  # the fixed-point iteration of the score function
            new = [g.update(score, values, i) for i in range(size)]
        else:  # Potyka's continuous model ds/dt = score(s) - s, integrated by RK4 (step 0.5)
            new = _rk4(lambda v: [g.update(score, v, i) - v[i] for i in range(size)], values, 0.5)
        delta = max(abs(a - b) for a, b in zip(new, values, strict=True))
        values = new
        if delta < tolerance:
            return Strengths(semantics, tuple(values), True, iteration)
    return Strengths(semantics, tuple(values), False, max_iterations)


def _rk4(f: Callable[[list[float]], list[float]], y: list[float], h: float) -> list[float]:
    k1 = f(y)
    k2 = f([a + h / 2 * k for a, k in zip(y, k1, strict=True)])
    k3 = f([a + h / 2 * k for a, k in zip(y, k2, strict=True)])
    k4 = f([a + h * k for a, k in zip(y, k3, strict=True)])
    return [
        min(1.0, max(0.0, a + h / 6 * (p + 2 * q + 2 * r + s)))
        for a, p, q, r, s in zip(y, k1, k2, k3, k4, strict=True)
    ]
