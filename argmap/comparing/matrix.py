"""Compare the stances of several maps' authors, keeping the quotes behind every position."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from argmap.comparing.actors import ActorIndex, actors, speaker_key
from argmap.comparing.comparison import Cell, ClaimRef, Comparison, Engagement, NodeRef, PropositionSummary
from argmap.comparing.evidence import shared_events, timeline
from argmap.comparing.gcpause import gc_paused
from argmap.comparing.measures import cell_measures, contestation, direction, is_consensus
from argmap.comparing.pairs import pairs
from argmap.comparing.periods import Slice, cell_period, row_is_uniform, slices
from argmap.core.dates import is_reversed
from argmap.core.errors import ArgmapError, UsageError
from argmap.core.load import LoadedMap, display_path, find_catalogue, load_catalogue
from argmap.core.model import (
    DATE_OR_RANGE,
    PARTIAL_DATE,
    PATTERN_NAMES,
    Node,
    Proposition,
    PropositionCatalogue,
)

__all__ = ["compare"]


def compare(
    maps: Sequence[LoadedMap],
    catalogue: PropositionCatalogue | Path | None = None,
    *,
    propositions: Sequence[str] | None = None,
    by_date: bool = False,
    speakers: bool = False,
    as_of: str | None = None,
    period: str | None = None,
) -> Comparison:
    """Compare the stances of the maps' authors (and, with speakers=True, of quoted speakers).

    catalogue: the proposition catalogue, or its file; by default the one the maps were validated
    against (argmap.find_catalogue). Raises UsageError for fewer than two maps or maps with different
    catalogues, InvalidCatalogueError for a bad catalogue, ArgmapError for a map without any stance,
    two maps with one id, a proposition that is not in the catalogue, or a relation into another
    compared map whose target that map does not have.

    Time (docs/compare.md, "Time"): a stance is about its period (else its source's date); two
    stances on a time-bound proposition meet only when their times overlap. as_of (a date) or period
    (a date or range start/end) keeps only the stances about that time.
    """
    _check_maps(maps)
    if isinstance(catalogue, PropositionCatalogue):
        name = "the proposition catalogue"
    else:
        path = find_catalogue(maps, catalogue)
        catalogue, name = load_catalogue(path), display_path(path)
    _check_propositions(maps, catalogue, propositions, name)
    window = _window(as_of, period)
    with gc_paused():
        return _compare(maps, catalogue, propositions, by_date, speakers, window)


def _window(as_of: str | None, period: str | None) -> str | None:
    """The time the comparison is restricted to, checked: one date, or a range."""
    if as_of is not None and period is not None:
        raise UsageError("give --as-of DATE or --period START/END, not both")
    for name, value, pattern in (("as-of", as_of, PARTIAL_DATE), ("period", period, DATE_OR_RANGE)):
        if value is None:
            continue
        if not re.match(pattern, value):
            raise UsageError(f"--{name} must be {PATTERN_NAMES[pattern]}; got '{value}'")
        if is_reversed(value):
            raise UsageError(f"--{name}: the range '{value}' ends before it starts")
    return as_of or period


def _compare(
    maps: Sequence[LoadedMap],
    catalogue: PropositionCatalogue,
    propositions: Sequence[str] | None,
    by_date: bool,
    speakers: bool,
    window: str | None = None,
) -> Comparison:
    ordered = sorted(maps, key=lambda m: (m.map.source.date, m.id)) if by_date else list(maps)
    timeless = frozenset(p.id for p in catalogue.propositions if p.timeless)
    columns, index, claims = actors(ordered, speakers, timeless, window)
    if propositions is None:
        addressed = {p for by_prop in claims.values() for p in by_prop}
        compared = [p.id for p in catalogue.propositions if p.id in addressed]
    else:
        compared = list(dict.fromkeys(propositions))
    entries = {p.id: p for p in catalogue.propositions}
    by_actor = [(a.id, claims[a.id]) for a in columns]
    matrix = tuple(
        tuple(_cell(p, actor, by_prop.get(p, ())) for actor, by_prop in by_actor) for p in compared
    )
    # Rows whose stances are about times that do not all overlap: compared slice by slice.
    timed = {k: slices(row) for k, row in enumerate(matrix) if not row_is_uniform(row)}
    summaries = tuple(
        _summary(entries[p], row, timed.get(k))
        for k, (p, row) in enumerate(zip(compared, matrix, strict=True))
    )
    contested = sorted(
        (s for s in summaries if s.contestation > 0),
        key=lambda s: (-s.contestation, -(s.leaning_pro + s.leaning_con), s.id),
    )
    return Comparison(
        actors=tuple(columns),
        propositions=summaries,
        matrix=matrix,
        pairs=pairs(columns, matrix, compared, timed),
        engagements=_engagements(ordered, index),
        consensus=tuple(s.id for s in summaries if s.consensus),
        most_contested=tuple(s.id for s in contested),
        evidence=timeline(ordered),
        shared_events=shared_events(ordered),
        by_date=by_date,
        speakers=speakers,
        only=None if propositions is None else tuple(compared),
    )


# ---------------------------------------------------------------- checks


def _check_maps(maps: Sequence[LoadedMap]) -> None:
    if len(maps) < 2:
        named = f": {', '.join(m.id for m in maps)}" if maps else ""
        raise UsageError(f"compare needs at least two maps; got {len(maps)}{named}")
    seen: dict[str, LoadedMap] = {}
    for lm in maps:
        if lm.id not in seen:
            seen[lm.id] = lm
            continue
        first = seen[lm.id]
        if first.path.resolve() == lm.path.resolve():
            raise ArgmapError(f"map '{lm.id}' is given twice; name each map once")
        raise ArgmapError(
            f"two maps have the id '{lm.id}': {display_path(first.path)} and {display_path(lm.path)}"
        )
    for lm in maps:
        if not any(node.stances for node in lm.map.nodes):
            raise ArgmapError(f"map '{lm.id}' takes no stance on any proposition; nothing to compare")
    # Maps loaded one by one were never checked against each other: a relation into another
    # compared map must find its target there.
    ids = {lm.id: {n.id for n in lm.map.nodes} | {r.id for r in lm.map.relations} for lm in maps}
    for lm in maps:
        for i, rel in enumerate(lm.map.relations):
            other, sep, local = rel.target.partition(":")
            if sep and other != lm.id and other in ids and local not in ids[other]:
                raise ArgmapError(
                    f"{display_path(lm.path)}::$.relations[{i}].to: unknown node '{local}' in map "
                    f"'{other}' ({display_path(seen[other].path)}); validate the maps together"
                )


def _check_propositions(
    maps: Sequence[LoadedMap],
    catalogue: PropositionCatalogue,
    propositions: Sequence[str] | None,
    catalogue_name: str,
) -> None:
    known = {p.id for p in catalogue.propositions}
    for proposition in propositions or ():
        if proposition not in known:
            raise ArgmapError(f"unknown proposition '{proposition}' (not in {catalogue_name})")
    for lm in maps:
        for node in lm.map.nodes:
            for stance in node.stances:
                if stance.proposition not in known:
                    raise ArgmapError(
                        f"map '{lm.id}', node '{node.id}': unknown proposition "
                        f"'{stance.proposition}' (not in {catalogue_name})"
                    )


# ---------------------------------------------------------------- actors and cells


def _cell(proposition: str, actor: str, claims: Sequence[ClaimRef]) -> Cell:
    position, score, intensity = cell_measures(claims)
    return Cell(
        proposition, actor, position, score, direction(score), intensity, tuple(claims), cell_period(claims)
    )


def _summary(
    proposition: Proposition, row: Sequence[Cell], timed: Sequence[Slice] | None
) -> PropositionSummary:
    counts = {"pro": 0, "con": 0, "neutral": 0, "mixed": 0, "silent": 0}
    for cell in row:
        counts[cell.position] += 1
    directions = [cell.direction for cell in row if cell.position != "silent"]
    leaning_pro, leaning_con = directions.count(1), directions.count(-1)
    contested = contestation(leaning_pro, leaning_con)
    consensus = is_consensus(directions)
    if timed is not None:
        # In time, actors divide only where they speak of the same time: the most divided slice
        # counts, and consensus needs agreement in every slice where two or more speak.
        sided = [[d for d in piece.directions if d is not None] for piece in timed]
        contested = max((contestation(s.count(1), s.count(-1)) for s in sided), default=0.0)
        shared = [s for s in sided if len(s) >= 2]
        consensus = bool(shared) and all(is_consensus(s) for s in shared)
    return PropositionSummary(
        proposition.id,
        proposition.text,
        **counts,
        leaning_pro=leaning_pro,
        leaning_con=leaning_con,
        contestation=contested,
        consensus=consensus,
        kind=proposition.kind.value,
        timeless=proposition.timeless,
    )


# ---------------------------------------------------------------- direct engagement


def _engagements(maps: Sequence[LoadedMap], index: ActorIndex) -> tuple[Engagement, ...]:
    by_id = {lm.id: lm for lm in maps}
    # (map, other map) for every map that points at least once into the other.
    points_to = {
        (lm.id, rel.target.partition(":")[0]) for lm in maps for rel in lm.map.relations if ":" in rel.target
    }

    nodes: dict[str, dict[str, Node]] = {}  # built for the maps that take part, on first use

    def node_of(lm: LoadedMap, local: str) -> Node | None:
        if lm.id not in nodes:
            nodes[lm.id] = {node.id: node for node in lm.map.nodes}
        return nodes[lm.id].get(local)

    def actor_for(lm: LoadedMap, local: str) -> str:
        node = node_of(lm, local)
        speaker = speaker_key(node.speaker, lm.map.author.name) if node else None
        return index.get((lm.id, speaker), lm.id)

    def text_of(lm: LoadedMap, local: str) -> str:
        node = node_of(lm, local)
        if node is not None:
            return node.text
        # _check_maps made sure a cross-map target exists: not a node, so a relation.
        [rel] = [r for r in lm.map.relations if r.id == local]
        return f"({rel.type.value} relation from {', '.join(rel.premises)} to {rel.target})"

    found = []
    for lm in maps:
        for rel in lm.map.relations:
            other, sep, local = rel.target.partition(":")
            # Relations to maps outside the comparison are left out: nothing there to answer them.
            if not sep or other == lm.id or other not in by_id:
                continue
            target_map = by_id[other]
            found.append(
                Engagement(
                    source_map=lm.id,
                    source_actor=actor_for(lm, rel.premises[0]),
                    relation=rel.id,
                    type=rel.type.value,
                    premises=tuple(NodeRef(lm.id, p, text_of(lm, p)) for p in rel.premises),
                    target=NodeRef(other, local, text_of(target_map, local)),
                    target_actor=actor_for(target_map, local),
                    answered=(other, lm.id) in points_to,
                )
            )
    return tuple(found)
