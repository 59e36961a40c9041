"""Compare the stances of several maps' authors, keeping the quotes behind every position."""

from __future__ import annotations

import gc
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from argmap.comparing.comparison import (
    Actor,
    Cell,
    CellPosition,
    ClaimRef,
    Comparison,
    Engagement,
    NodeRef,
    PropositionSummary,
)
from argmap.comparing.evidence import POSITION_NAMES, shared_events, timeline
from argmap.comparing.pairs import pairs
from argmap.core.errors import ArgmapError, UsageError
from argmap.core.load import LoadedMap, display_path
from argmap.core.model import Node, PropositionCatalogue

__all__ = ["compare", "speaker_key"]

# Which actor a claim counts for: (map id, speaker key or None for the author) -> actor id.
ActorIndex = dict[tuple[str, str | None], str]
# An actor's claims, by proposition.
Claims = dict[str, list[ClaimRef]]


def compare(
    maps: Sequence[LoadedMap],
    catalogue: PropositionCatalogue,
    *,
    propositions: Sequence[str] | None = None,
    by_date: bool = False,
    speakers: bool = False,
    catalogue_name: str = "the proposition catalogue",
) -> Comparison:
    """Compare the stances of the maps' authors (and, with speakers=True, of quoted speakers).

    Raises UsageError for fewer than two maps, ArgmapError for a map without any stance, two maps
    with one id, or a proposition that is not in the catalogue (named catalogue_name in messages).
    """
    _check(maps, catalogue, propositions, catalogue_name)
    with _gc_paused():
        return _compare(maps, catalogue, propositions, by_date, speakers)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration.

    compare() allocates about one object per stance and makes no reference cycles, so pausing loses
    nothing; but each full collection it would trigger walks every object of every loaded map: at
    100 maps of 1,000 claims that was 0.4 s of 1.1 s (bench/compare_large.py).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compare(
    maps: Sequence[LoadedMap],
    catalogue: PropositionCatalogue,
    propositions: Sequence[str] | None,
    by_date: bool,
    speakers: bool,
) -> Comparison:
    ordered = sorted(maps, key=lambda m: (m.map.source.date, m.id)) if by_date else list(maps)
    actors, index, claims = _actors(ordered, speakers)
    if propositions is None:
        addressed = {p for by_prop in claims.values() for p in by_prop}
        compared = [p.id for p in catalogue.propositions if p.id in addressed]
    else:
        compared = list(dict.fromkeys(propositions))
    texts = {p.id: p.text for p in catalogue.propositions}
    columns = [(a.id, claims[a.id]) for a in actors]
    matrix = tuple(tuple(_cell(p, actor, by_prop.get(p, ())) for actor, by_prop in columns) for p in compared)
    summaries = tuple(_summary(p, texts[p], row) for p, row in zip(compared, matrix, strict=True))
    contested = sorted(
        (s for s in summaries if s.contestation > 0),
        key=lambda s: (-s.contestation, -(s.pro + s.con), s.id),
    )
    return Comparison(
        actors=tuple(actors),
        propositions=summaries,
        matrix=matrix,
        pairs=pairs(actors, matrix, compared),
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


def _check(
    maps: Sequence[LoadedMap],
    catalogue: PropositionCatalogue,
    propositions: Sequence[str] | None,
    catalogue_name: str,
) -> None:
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
    known = {p.id for p in catalogue.propositions}
    for proposition in propositions or ():
        if proposition not in known:
            raise ArgmapError(f"unknown proposition '{proposition}' (not in {catalogue_name})")
    for lm in maps:
        if not any(node.stances for node in lm.map.nodes):
            raise ArgmapError(f"map '{lm.id}' takes no stance on any proposition; nothing to compare")
        for node in lm.map.nodes:
            for stance in node.stances:
                if stance.proposition not in known:
                    raise ArgmapError(
                        f"map '{lm.id}', node '{node.id}': unknown proposition "
                        f"'{stance.proposition}' (not in {catalogue_name})"
                    )


# ---------------------------------------------------------------- actors and cells


def speaker_key(speaker: str | None, author: str) -> str | None:
    """The speaker a claim counts for, whitespace folded; None when it is the author's own claim."""
    if speaker is None:
        return None
    key = " ".join(speaker.split())
    return None if key.casefold() == " ".join(author.split()).casefold() else key


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "speaker"


def _speaker_ids(map_id: str, speakers: Iterable[str]) -> dict[str, str]:
    """Stable actor ids MAP--SLUG; slugs never contain '--', so the id splits unambiguously."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for speaker in speakers:
        base = f"{map_id}--{_slug(speaker)}"
        candidate, n = base, 2
        while candidate in taken:  # "Shinzo Abe" and "Shinzō Abe" slug alike
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        ids[speaker] = candidate
    return ids


def _add_claims(lm: LoadedMap, nodes: Iterable[Node], by_prop: Claims) -> None:
    """A ClaimRef per stance of the nodes, filed under its proposition."""
    # One flat loop without intermediate tuples: at 100,000 stances the allocations are the cost.
    map_id, spans, names = lm.id, lm.spans, POSITION_NAMES
    for node in nodes:
        span = spans.get(node.id)
        start, end = (span.start, span.end) if span else (None, None)
        for stance in node.stances:
            ref = ClaimRef(
                map_id,
                node.id,
                node.text,
                node.quote,
                start,
                end,
                node.speaker,
                names[stance.position],
                stance.intensity,
            )
            if stance.proposition in by_prop:
                by_prop[stance.proposition].append(ref)
            else:
                by_prop[stance.proposition] = [ref]


def _actors(maps: Sequence[LoadedMap], speakers: bool) -> tuple[list[Actor], ActorIndex, dict[str, Claims]]:
    """One actor per map (its author), plus one per quoted speaker when speakers is set."""
    actors: list[Actor] = []
    index: ActorIndex = {}
    claims: dict[str, Claims] = {}
    for lm in maps:
        author = lm.map.author.name
        by_speaker: dict[str | None, list[Node]] = defaultdict(list)
        for node in lm.map.nodes:
            if node.stances:
                by_speaker[speaker_key(node.speaker, author)].append(node)
        others = sorted((s for s in by_speaker if s is not None), key=lambda s: (s.casefold(), s))
        date = lm.map.source.date
        reporter = lm.map.reported_by.name if lm.map.reported_by else None
        own = Actor(lm.id, author, author, lm.id, None, date, reporter, len(by_speaker[None]), tuple(others))
        groups: list[tuple[Actor, list[Node]]] = [(own, by_speaker[None])]
        index[(lm.id, None)] = lm.id
        if speakers:
            ids = _speaker_ids(lm.id, others)
            for speaker in others:
                actor = Actor(
                    id=ids[speaker],
                    label=f"{speaker} (in {lm.id})",
                    name=speaker,
                    map=lm.id,
                    speaker=speaker,
                    date=date,
                    # A speaker is known through the author's text (or its reporter's).
                    reported_by=reporter or author,
                    claims=len(by_speaker[speaker]),
                    excluded_speakers=(),
                )
                groups.append((actor, by_speaker[speaker]))
                index[(lm.id, speaker)] = actor.id
        for actor, nodes in groups:
            actors.append(actor)
            claims[actor.id] = {}
            _add_claims(lm, nodes, claims[actor.id])
    return actors, index, claims


def _cell(proposition: str, actor: str, claims: Sequence[ClaimRef]) -> Cell:
    if not claims:
        return Cell(proposition, actor, "silent", 0.0, 0, ())
    pro = con = total = 0  # pro and con: the largest intensity on each side
    for claim in claims:
        if claim.position == "pro":
            pro = max(pro, claim.intensity)
            total += claim.intensity
        elif claim.position == "con":
            con = max(con, claim.intensity)
            total -= claim.intensity
    position: CellPosition = "mixed" if pro and con else "pro" if pro else "con" if con else "neutral"
    return Cell(proposition, actor, position, total / len(claims) / 3, max(pro, con), tuple(claims))


def _summary(proposition: str, text: str, row: Sequence[Cell]) -> PropositionSummary:
    counts = {"pro": 0, "con": 0, "neutral": 0, "mixed": 0, "silent": 0}
    for cell in row:
        counts[cell.position] += 1
    pro, con = counts["pro"], counts["con"]
    contestation = 2 * min(pro, con) / (pro + con) if pro + con else 0.0
    # A mixed actor holds both sides, so a proposition with one is not settled.
    consensus = pro + con + counts["neutral"] >= 2 and not (pro and con) and not counts["mixed"]
    return PropositionSummary(proposition, text, contestation=contestation, consensus=consensus, **counts)


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
        rel = next(r for r in lm.map.relations if r.id == local)  # validation: it is a relation
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
