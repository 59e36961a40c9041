"""Whose stance is it: the one speaker rule, and the actors (authors and quoted speakers) it makes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from argmap.comparing.comparison import Actor, ClaimRef
from argmap.comparing.evidence import POSITION_NAMES
from argmap.core.dates import dates_overlap
from argmap.core.load import LoadedMap
from argmap.core.model import Node

__all__ = ["ActorIndex", "Claims", "actors", "speaker_key", "speaks_in_own_voice"]

# Which actor a claim counts for: (map id, speaker key or None for the author) -> actor id.
ActorIndex = dict[tuple[str, str | None], str]
# An actor's claims, by proposition.
Claims = dict[str, list[ClaimRef]]


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def speaker_key(speaker: str | None, author: str) -> str | None:
    """Who a claim counts for: None for the author's own voice, else the speaker's key.

    The one rule everywhere (matrix, engagements, report): names are compared with case and runs of
    whitespace ignored, so "Mayor Diaz" and "mayor  diaz" are one speaker, and an author named as
    their own speaker is the author.
    """
    if speaker is None:
        return None
    key = _fold(speaker)
    return None if key == _fold(author) else key


def speaks_in_own_voice(lm: LoadedMap) -> bool:
    """Whether the map's author takes a stance in their own voice (a claim with stances counts for them)."""
    author = lm.map.author.name
    return any(node.stances and speaker_key(node.speaker, author) is None for node in lm.map.nodes)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "speaker"


def _speaker_ids(map_id: str, names: Iterable[str]) -> list[str]:
    """Stable actor ids MAP--SLUG; slugs never contain '--', so the id splits unambiguously."""
    ids: list[str] = []
    taken: set[str] = set()
    for name in names:
        base = f"{map_id}--{_slug(name)}"
        candidate, n = base, 2
        while candidate in taken:  # "Shinzo Abe" and "Shinzō Abe" slug alike
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        ids.append(candidate)
    return ids


def _add_claims(
    lm: LoadedMap, nodes: Iterable[Node], by_prop: Claims, timeless: frozenset[str], window: str | None
) -> None:
    """A ClaimRef per stance of the nodes, filed under its proposition, with the time it is about.

    With a window (a date or range), a stance on a time-bound proposition counts only when the time
    it is about overlaps the window."""
    # One flat loop without intermediate tuples: at 100,000 stances the allocations are the cost.
    # A stance without a period is about the year its source was written: texts of one year
    # describe the same present, texts years apart a changed one (docs/compare.md, "Time").
    map_id, spans, names, written = lm.id, lm.spans, POSITION_NAMES, lm.map.source.date[:4]
    for node in nodes:
        span = spans.get(node.id)
        start, end = (span.start, span.end) if span else (None, None)
        for stance in node.stances:
            period = None if stance.proposition in timeless else (stance.period or written)
            if window is not None and period is not None and not dates_overlap(period, window):
                continue
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
                period,
            )
            if stance.proposition in by_prop:
                by_prop[stance.proposition].append(ref)
            else:
                by_prop[stance.proposition] = [ref]


def actors(
    maps: Sequence[LoadedMap],
    speakers: bool,
    timeless: frozenset[str] = frozenset(),
    window: str | None = None,
) -> tuple[list[Actor], ActorIndex, dict[str, Claims]]:
    """One actor per map (its author), plus one per quoted speaker when speakers is set; claims on
    `timeless` propositions carry no period, and with a `window` only the claims about it count."""
    found: list[Actor] = []
    index: ActorIndex = {}
    claims: dict[str, Claims] = {}
    for lm in maps:
        author = lm.map.author.name
        by_speaker: dict[str | None, list[Node]] = {None: []}
        shown: dict[str, str] = {}  # speaker key -> the name as first spelt in the map
        for node in lm.map.nodes:
            if node.stances:
                key = speaker_key(node.speaker, author)
                by_speaker.setdefault(key, []).append(node)
                if key is not None and key not in shown:
                    shown[key] = " ".join(str(node.speaker).split())
        others = sorted(shown, key=lambda k: (k, shown[k]))
        names = tuple(shown[k] for k in others)
        date = lm.map.source.date
        reporter = lm.map.reported_by.name if lm.map.reported_by else None
        own = Actor(lm.id, author, author, lm.id, None, date, reporter, len(by_speaker[None]), names)
        groups: list[tuple[Actor, list[Node]]] = [(own, by_speaker[None])]
        index[(lm.id, None)] = lm.id
        if speakers:
            for key, name, actor_id in zip(others, names, _speaker_ids(lm.id, names), strict=True):
                actor = Actor(
                    id=actor_id,
                    label=f"{name} (in {lm.id})",
                    name=name,
                    map=lm.id,
                    speaker=name,
                    date=date,
                    # A speaker is known through the author's text (or its reporter's).
                    reported_by=reporter or author,
                    claims=len(by_speaker[key]),
                    excluded_speakers=(),
                )
                groups.append((actor, by_speaker[key]))
                index[(lm.id, key)] = actor_id
        for actor, nodes in groups:
            found.append(actor)
            claims[actor.id] = {}
            _add_claims(lm, nodes, claims[actor.id], timeless, window)
    return found, index, claims
