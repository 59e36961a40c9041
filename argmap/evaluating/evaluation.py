"""`evaluate`: maps in, one Evaluation out: labels or strengths per argument, with their reasons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.core.errors import UsageError
from argmap.core.load import LoadedMap
from argmap.core.model import ArgumentMap
from argmap.evaluating.dung import IN, OUT, UNDEC, grounded, is_complete, labelling_of
from argmap.evaluating.framework import BaseScores, Framework, build_framework
from argmap.evaluating.gradual import GRADUAL, Strengths, gradual_strengths

__all__ = [
    "EXTENSION_SEMANTICS",
    "SEMANTICS",
    "Evaluation",
    "evaluate",
    "evaluate_extension",
    "evaluate_framework",
]

EXTENSION_SEMANTICS = ("grounded", "complete", "preferred", "stable")
SEMANTICS = (*EXTENSION_SEMANTICS, *GRADUAL)
# Removal-based contributions recompute the strengths once per relation; past this many relations
# that is slower than an analyst wants to wait, so only the strengths are given.
CONTRIBUTION_LIMIT = 400


@dataclass(frozen=True)
class Evaluation:
    """What survives: a label per argument (extension semantics) or a strength (gradual semantics).

    For grounded, `labels` is the grounded labelling and `rounds` says when each label was
    settled. For complete, preferred and stable, `labels` is the sceptical verdict over all
    extensions (in: in every one; out: out in every one; otherwise undecided), `in_counts` how many
    extensions contain each argument, and `extensions` the first `limit` of them. For labels read
    back from a solver (semantics "extension"), `exhaustive` says whether its extension is complete."""

    framework: Framework
    semantics: str
    maps: tuple[str, ...]
    labels: tuple[str, ...] = ()
    rounds: tuple[int, ...] = ()
    extensions: tuple[tuple[int, ...], ...] = ()
    count: int = 0
    exhaustive: bool = True
    in_counts: tuple[int, ...] = ()
    strengths: Strengths | None = None
    contributions: tuple[tuple[tuple[int, float], ...], ...] = ()

    @property
    def gradual(self) -> bool:
        """True for a strength semantics."""
        return self.strengths is not None

    def label(self, key: str) -> str:
        """The label of an argument by key (map:id), under an extension semantics."""
        if not self.labels:
            raise UsageError(f"{self.semantics} gives strengths, not labels")
        return self.labels[self.framework.index[key]]

    def strength(self, key: str) -> float:
        """The strength of an argument by key (map:id), under a gradual semantics."""
        if self.strengths is None:
            raise UsageError(f"{self.semantics} gives labels, not strengths")
        return self.strengths.values[self.framework.index[key]]

    def defeaters(self, i: int) -> list[int]:
        """The attackers that are in, for an argument that is out: earliest settled first."""
        found = [a for a in self.framework.attackers[i] if self.labels[a] == IN]
        return sorted(found, key=lambda a: (self.rounds[a] if self.rounds else 0, a))


def evaluate_framework(
    fw: Framework,
    semantics: str = "grounded",
    *,
    maps: Sequence[str] = (),
    limit: int = 20,
    count_limit: int = 10_000,
    contributions: bool = True,
) -> Evaluation:
    """Evaluate a framework under one semantics (see SEMANTICS)."""
    if semantics not in SEMANTICS:
        raise UsageError(f"semantics must be one of {', '.join(SEMANTICS)}; got '{semantics}'")
    if limit < 0:
        raise UsageError(f"the extension limit must be 0 or more; got {limit}")
    n, attacks = fw.size, fw.attacks
    if semantics == "grounded":
        g = grounded(n, attacks)
        members = tuple(i for i in range(n) if g.labels[i] == IN)
        return Evaluation(fw, semantics, tuple(maps), g.labels, g.rounds, (members,), 1, True, ())
    if semantics in GRADUAL:
        strengths = gradual_strengths(fw, semantics)
        moved = _contributions(fw, strengths) if contributions else ()
        return Evaluation(fw, semantics, tuple(maps), strengths=strengths, contributions=moved)
    from argmap.evaluating.sat import enumerate_extensions

    found = enumerate_extensions(n, attacks, semantics, limit=limit, count_limit=count_limit)
    labels = (UNDEC,) * n
    if found.count:
        labels = tuple(
            IN if found.in_counts[i] == found.count else OUT if found.out_counts[i] == found.count else UNDEC
            for i in range(n)
        )
    return Evaluation(
        fw,
        semantics,
        tuple(maps),
        labels,
        (),
        found.extensions,
        found.count,
        found.exhaustive,
        found.in_counts,
    )


def _contributions(fw: Framework, strengths: Strengths) -> tuple[tuple[tuple[int, float], ...], ...]:
    """For each argument, the relations whose removal changes its strength, largest change first.

    The change is strength(with the relation) - strength(without it): removal-based contribution."""
    relations = [i for i, a in enumerate(fw.arguments) if a.is_relation]
    if len(relations) > CONTRIBUTION_LIMIT:
        return ()
    moved: list[list[tuple[int, float]]] = [[] for _ in fw.arguments]
    for r in relations:
        without = gradual_strengths(fw, strengths.semantics, removed=r).values
        for i, (now, then) in enumerate(zip(strengths.values, without, strict=True)):
            if abs(now - then) > 1e-9 and i != r:
                moved[i].append((r, now - then))
    return tuple(tuple(sorted(m, key=lambda x: (-abs(x[1]), x[0]))) for m in moved)


def evaluate(
    maps: LoadedMap | ArgumentMap | Sequence[LoadedMap | ArgumentMap],
    semantics: str = "grounded",
    *,
    base_scores: BaseScores | None = None,
    limit: int = 20,
    count_limit: int = 10_000,
) -> Evaluation:
    """Evaluate one map, or several joined by the relations between them, under one semantics."""
    group = [maps] if isinstance(maps, LoadedMap | ArgumentMap) else list(maps)
    if not group:
        raise UsageError("nothing to evaluate: no maps given")
    models = [m.map if isinstance(m, LoadedMap) else m for m in group]
    fw = build_framework(models, base_scores)
    return evaluate_framework(
        fw, semantics, maps=[m.id for m in models], limit=limit, count_limit=count_limit
    )


def evaluate_extension(fw: Framework, extension: Sequence[int], *, maps: Sequence[str] = ()) -> Evaluation:
    """Labels from an extension found elsewhere (a competition solver's answer): in, out when it
    attacks them, undecided otherwise. `complete` says whether it is a complete extension at all."""
    labels = labelling_of(fw.size, fw.attacks, extension)
    members = tuple(sorted(set(extension)))
    return Evaluation(
        fw, "extension", tuple(maps), labels, (), (members,), 1, is_complete(fw.size, fw.attacks, members)
    )
