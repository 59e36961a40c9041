"""The dated evidence of several maps on one timeline, and the pairs that report the same event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from argmap.comparison import EvidenceItem, SharedEvent
from argmap.load import LoadedMap
from argmap.model import Node, NodeKind, RelationType

__all__ = [
    "SIMILARITY_THRESHOLD",
    "dates_overlap",
    "shared_events",
    "supported_stances",
    "timeline",
]

# Similarity (rapidfuzz token_set_ratio / 100) from which two paraphrases of evidence with overlapping
# dates count as one event. On the seed maps 0.60 finds seven pairs that are one event and two that
# are not, and misses paraphrases that share few words (docs/compare.md lists them).
SIMILARITY_THRESHOLD = 0.60


def timeline(maps: Sequence[LoadedMap]) -> tuple[EvidenceItem, ...]:
    """Every dated evidence node of the maps, by date string, then map id, then node id.

    Evidence carries no stances, so it always counts for the map's author, whose actor id is the map id.
    """
    items = [
        EvidenceItem(
            date=node.date,
            map=lm.id,
            node=node.id,
            actor=lm.id,
            text=node.text,
            kind=node.evidence_kind.value if node.evidence_kind else None,
            citation=node.citation,
            speaker=node.speaker,
            quote=node.quote,
            start=lm.spans[node.id].start if node.id in lm.spans else None,
            end=lm.spans[node.id].end if node.id in lm.spans else None,
        )
        for lm in maps
        for node in lm.map.nodes
        if node.kind is NodeKind.EVIDENCE and node.date is not None
    ]
    return tuple(sorted(items, key=lambda e: (e.date, e.map, e.node)))


def _interval(date: str) -> tuple[str, str]:
    start, _, end = date.partition("/")
    return start, end or start


def _not_after(x: str, y: str) -> bool:
    """x <= y for ISO partial dates, compared at the coarser precision of the two."""
    n = min(len(x), len(y))
    return x[:n] <= y[:n]


def dates_overlap(a: str, b: str) -> bool:
    """Whether two partial dates (or ranges) can name the same day, at the coarser precision."""
    a_start, a_end = _interval(a)
    b_start, b_end = _interval(b)
    return _not_after(a_start, b_end) and _not_after(b_start, a_end)


def _years(date: str) -> range:
    start, end = _interval(date)
    return range(int(start[:4]), int(end[:4]) + 1)


def supported_stances(lm: LoadedMap) -> Callable[[str], frozenset[tuple[str, str]]]:
    """A function giving, for a node, the (proposition, position) pairs of every claim it supports,
    following support relations upward transitively within the map (attacks are not followed)."""
    nodes = {node.id: node for node in lm.map.nodes}
    upward: dict[str, list[str]] = defaultdict(list)
    for rel in lm.map.relations:
        if rel.type is RelationType.SUPPORT and rel.target in nodes:
            for premise in rel.premises:
                upward[premise].append(rel.target)
    cache: dict[str, frozenset[tuple[str, str]]] = {}

    def stances(start: str) -> frozenset[tuple[str, str]]:
        if start not in cache:
            # Iterative walk: support chains in generated maps can be thousands of nodes deep.
            seen = {start}
            stack = list(upward[start])
            found: set[tuple[str, str]] = set()
            while stack:
                current = stack.pop()
                if current in seen:
                    continue
                seen.add(current)
                found.update((s.proposition, s.position.value) for s in nodes[current].stances)
                stack.extend(upward[current])
            cache[start] = frozenset(found)
        return cache[start]

    return stances


def _opposed(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> tuple[str, ...]:
    flipped = {(p, {"pro": "con", "con": "pro"}.get(pos, "")) for p, pos in b}
    return tuple(sorted({p for p, pos in a if (p, pos) in flipped}))


def _candidates(
    maps: Sequence[LoadedMap],
) -> Iterator[tuple[tuple[LoadedMap, Node], tuple[LoadedMap, Node]]]:
    """Pairs of dated evidence from different maps whose dates overlap, each pair once."""
    by_year: dict[int, list[tuple[LoadedMap, Node]]] = defaultdict(list)
    for lm in maps:
        for node in lm.map.nodes:
            if node.kind is NodeKind.EVIDENCE and node.date is not None:
                for year in _years(node.date):
                    by_year[year].append((lm, node))
    seen: set[tuple[str, str, str, str]] = set()
    for year in sorted(by_year):
        bucket = by_year[year]
        for i, (lm_a, a) in enumerate(bucket):
            for lm_b, b in bucket[i + 1 :]:
                if lm_a.id == lm_b.id or not dates_overlap(a.date or "", b.date or ""):
                    continue
                first, second = sorted([(lm_a, a), (lm_b, b)], key=lambda t: (t[0].id, t[1].id))
                key = (first[0].id, first[1].id, second[0].id, second[1].id)
                if key not in seen:
                    seen.add(key)
                    yield first, second


def shared_events(maps: Sequence[LoadedMap]) -> tuple[SharedEvent, ...]:
    """Evidence pairs from different maps with overlapping dates and similar paraphrases."""
    from rapidfuzz import fuzz, utils

    walkers = {lm.id: supported_stances(lm) for lm in maps}
    dates: dict[tuple[str, str], str] = {}
    events = []
    for (lm_a, a), (lm_b, b) in _candidates(maps):
        score = fuzz.token_set_ratio(a.text, b.text, processor=utils.default_process) / 100
        if score < SIMILARITY_THRESHOLD:
            continue
        dates[lm_a.id, a.id], dates[lm_b.id, b.id] = a.date or "", b.date or ""
        opposite_on = _opposed(walkers[lm_a.id](a.id), walkers[lm_b.id](b.id))
        events.append(
            SharedEvent(lm_a.id, a.id, lm_b.id, b.id, round(score, 4), bool(opposite_on), opposite_on)
        )
    return tuple(
        sorted(
            events,
            key=lambda e: (
                min(dates[e.a_map, e.a_node], dates[e.b_map, e.b_node]),
                e.a_map,
                e.a_node,
                e.b_map,
                e.b_node,
            ),
        )
    )
