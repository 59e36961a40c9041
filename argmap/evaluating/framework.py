"""Maps as one argumentation framework: nodes and relations become arguments, attacks are flattened."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from argmap.core.errors import UsageError
from argmap.core.model import ArgumentMap, NodeKind, RelationType

__all__ = ["DEFAULT_BASE_SCORE", "Argument", "BaseScores", "Framework", "build_framework"]

DEFAULT_BASE_SCORE = 0.5


@dataclass(frozen=True)
class BaseScores:
    """Base scores for gradual semantics: a default, and overrides per evidence kind (and for claims).

    A node's own `base_score` in the map wins over both."""

    default: float = DEFAULT_BASE_SCORE
    by_kind: Mapping[str, float] = field(default_factory=dict)

    def check(self) -> None:
        """Raise UsageError for a score outside [0, 1]."""
        for name, value in [("default", self.default), *sorted(self.by_kind.items())]:
            if not 0.0 <= value <= 1.0:
                raise UsageError(f"base score for {name} must be between 0 and 1; got {value}")


@dataclass(frozen=True)
class Argument:
    """One argument of the framework: a node of a map, or a relation read as the inference it makes."""

    key: str  # "map:local", unique in the framework
    map_id: str
    local: str
    kind: str  # "claim", "evidence", "support" or "attack"
    text: str
    quote: str | None = None
    author: str = ""
    thesis: bool = False
    base: float = 1.0
    premises: tuple[int, ...] = ()  # relations only: the argument indices of their premises
    target: int | None = None  # relations only: the argument index of what they point at

    @property
    def is_relation(self) -> bool:
        """True for a support or attack relation."""
        return self.kind in ("support", "attack")


@dataclass(frozen=True)
class Framework:
    """A bipolar framework and its flattening to a Dung framework over the same arguments.

    `attacks` are the pairs (attacker, attacked) of the flattened framework (docs/evaluate.md):
    an attack relation attacks its target; whatever attacks a premise attacks every relation that
    uses it; whatever attacks a node attacks the supports that conclude it."""

    arguments: tuple[Argument, ...]
    attacks: tuple[tuple[int, int], ...]
    left_out: tuple[str, ...] = ()  # relations pointing into maps that were not evaluated
    index: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.index:
            object.__setattr__(self, "index", {a.key: i for i, a in enumerate(self.arguments)})

    @property
    def size(self) -> int:
        """How many arguments."""
        return len(self.arguments)

    @cached_property
    def attackers(self) -> tuple[tuple[int, ...], ...]:
        """For each argument, its attackers in the flattened framework, in index order."""
        found: list[list[int]] = [[] for _ in self.arguments]
        for a, b in self.attacks:
            found[b].append(a)
        return tuple(tuple(f) for f in found)

    def incoming(self) -> tuple[list[list[int]], list[list[int]]]:
        """For each argument, the attack relations and the support relations that point at it."""
        attacked: list[list[int]] = [[] for _ in self.arguments]
        supported: list[list[int]] = [[] for _ in self.arguments]
        for i, arg in enumerate(self.arguments):
            if arg.target is not None:
                (attacked if arg.kind == "attack" else supported)[arg.target].append(i)
        return attacked, supported

    @classmethod
    def from_attacks(cls, names: Sequence[str], attacks: Sequence[tuple[str, str]]) -> Framework:
        """A plain Dung framework (no relations as arguments), for tests, interchange and benchmarks."""
        args = tuple(Argument(key=n, map_id="", local=n, kind="claim", text=n) for n in names)
        index = {a.key: i for i, a in enumerate(args)}
        pairs = sorted({(index[a], index[b]) for a, b in attacks})
        return cls(args, tuple(pairs), (), index)


def _node_base(kind: NodeKind, evidence_kind: str | None, own: float | None, scores: BaseScores) -> float:
    if own is not None:
        return own
    if kind is NodeKind.EVIDENCE and evidence_kind is not None and evidence_kind in scores.by_kind:
        return scores.by_kind[evidence_kind]
    if kind is NodeKind.CLAIM and "claim" in scores.by_kind:
        return scores.by_kind["claim"]
    return scores.default


def _included(maps: Sequence[ArgumentMap]) -> tuple[dict[str, str], list[str]]:
    """Each relation that can be evaluated, with its full target key; and those left out, because
    they point into a map that was not given (or at a relation that is itself left out)."""
    nodes = {f"{m.id}:{n.id}" for m in maps for n in m.nodes}
    pending = {
        f"{m.id}:{r.id}": (r.target if ":" in r.target else f"{m.id}:{r.target}")
        for m in maps
        for r in m.relations
    }
    kept: dict[str, str] = {}
    changed = True
    while changed:  # an undercut resolves once the relation it aims at does
        changed = False
        for key, target in list(pending.items()):
            if target in nodes or target in kept:
                kept[key] = pending.pop(key)
                changed = True
    return kept, sorted(pending)


def build_framework(maps: Sequence[ArgumentMap], base_scores: BaseScores | None = None) -> Framework:
    """The framework of one map, or of several joined by the relations between them."""
    scores = base_scores or BaseScores()
    scores.check()
    kept, left_out = _included(maps)
    keys = [f"{m.id}:{n.id}" for m in maps for n in m.nodes]
    keys += [f"{m.id}:{r.id}" for m in maps for r in m.relations if f"{m.id}:{r.id}" in kept]
    index = {k: i for i, k in enumerate(keys)}
    args: list[Argument] = []
    for m in maps:
        for node in m.nodes:
            kind = node.evidence_kind.value if node.evidence_kind else None
            args.append(
                Argument(
                    key=f"{m.id}:{node.id}",
                    map_id=m.id,
                    local=node.id,
                    kind=node.kind.value,
                    text=node.text,
                    quote=node.quote,
                    author=node.speaker or m.author.name,
                    thesis=node.thesis,
                    base=_node_base(node.kind, kind, node.base_score, scores),
                )
            )
    for m in maps:
        for rel in m.relations:
            key = f"{m.id}:{rel.id}"
            if key in kept:
                args.append(
                    Argument(
                        key=key,
                        map_id=m.id,
                        local=rel.id,
                        kind=rel.type.value,
                        text=rel.note or "",
                        author=m.author.name,
                        premises=tuple(index[f"{m.id}:{p}"] for p in rel.premises),
                        target=index[kept[key]],
                    )
                )
    return _flatten(tuple(args), tuple(left_out))


def _flatten(args: tuple[Argument, ...], left_out: tuple[str, ...]) -> Framework:
    direct: list[list[int]] = [[] for _ in args]  # attack relations aimed at each argument
    for i, arg in enumerate(args):
        if arg.kind == RelationType.ATTACK.value and arg.target is not None:
            direct[arg.target].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, arg in enumerate(args):
        if not arg.is_relation or arg.target is None:
            continue
        if arg.kind == RelationType.ATTACK.value:
            pairs.add((i, arg.target))  # the attack itself, or an undercut when the target is a relation
        for p in arg.premises:  # linked premises: the inference needs every one of them
            pairs.update((a, i) for a in direct[p])
        if arg.kind == RelationType.SUPPORT.value:  # an inference falls with its conclusion
            pairs.update((a, i) for a in direct[arg.target])
    return Framework(args, tuple(sorted(pairs)), left_out)
