"""The dated evidence of several maps on one timeline, and the pairs that report the same event."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from argmap.comparing.comparison import EvidenceItem, SharedEvent, StancePosition
from argmap.core.dates import dates_overlap, interval, not_after
from argmap.core.load import LoadedMap
from argmap.core.model import NodeKind, Position, RelationType

__all__ = [
    "DISTINCTIVE_USERS",
    "POSITION_NAMES",
    "SIMILARITY_THRESHOLD",
    "STOPWORDS",
    "dates_overlap",
    "event_words",
    "shared_events",
    "supported_stances",
    "timeline",
]

# Similarity (rapidfuzz token_set_ratio / 100) from which two paraphrases of evidence with overlapping
# dates may be one event (docs/compare.md). Alone it let "Japan joined the EU's third sanctions
# package" ~ "Russia retaliated against US/EU sanctions but not Japan's" through at 0.74: words
# every text of the period uses (Japan, Russia, EU, sanctions) say nothing about the event.
SIMILARITY_THRESHOLD = 0.60
# So the pair must also share a distinctive word: one that at most this many dated evidence items
# of the period use (the pair itself and at most one other). See `event_words`.
DISTINCTIVE_USERS = 3
# Function words never make two events one. A short, fixed list: the rule must be explainable.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "against",
        "also",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "but",
        "by",
        "can",
        "could",
        "during",
        "each",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "might",
        "more",
        "most",
        "must",
        "new",
        "no",
        "nor",
        "not",
        "of",
        "on",
        "only",
        "or",
        "other",
        "over",
        "said",
        "same",
        "says",
        "she",
        "should",
        "since",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "then",
        "these",
        "they",
        "this",
        "those",
        "to",
        "under",
        "until",
        "very",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
    ]
)
_WORD = re.compile(r"[^\W_]+")

# Position.X.value goes through an enum descriptor; a dict lookup is four times faster, which
# counts at 100,000 stances.
POSITION_NAMES: dict[Position, StancePosition] = {
    Position.PRO: "pro",
    Position.CON: "con",
    Position.NEUTRAL: "neutral",
}


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


def event_words(text: str) -> frozenset[str]:
    """The content words of a paraphrase, crudely stemmed: runs of letters and digits, lowercased, possessive
    's dropped, function words and single characters left out, each cut to its first six
    characters (so "retaliated" and "retaliatory", "sanction" and "sanctions" are one word)."""
    words = _WORD.findall(text.lower().replace("\u2019s", "").replace("'s", ""))
    return frozenset(w[:6] for w in words if len(w) > 1 and w not in STOPWORDS)


Dated = tuple[str, str, str, tuple[str, str], str]  # map, node, date, (start, end), processed text
Walker = Callable[[str], tuple[frozenset[str], frozenset[str]]]


def _months(date: str) -> Iterator[tuple[int, int]]:
    """Every (year, month) a partial date or range can fall in: the buckets of the pair search."""
    start, end = interval(date)
    year, month = int(start[:4]), int(start[5:7]) if len(start) >= 7 else 1
    last = (int(end[:4]), int(end[5:7]) if len(end) >= 7 else 12)
    while (year, month) <= last:
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def supported_stances(lm: LoadedMap) -> Walker:
    """A function giving, for a node, the propositions on which the claims it supports are pro and
    con, following support relations upward transitively within the map (attacks are not followed).
    """
    nodes = {node.id: node for node in lm.map.nodes}
    upward: dict[str, list[str]] = defaultdict(list)
    for rel in lm.map.relations:
        if rel.type is RelationType.SUPPORT and rel.target in nodes:
            for premise in rel.premises:
                upward[premise].append(rel.target)
    cache: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def stances(start: str) -> tuple[frozenset[str], frozenset[str]]:
        if start not in cache:
            # Iterative walk, each node once: support chains can be thousands of nodes long.
            seen = {start}
            stack = list(upward[start])
            sides: dict[str, set[str]] = {"pro": set(), "con": set(), "neutral": set()}
            while stack:
                current = stack.pop()
                if current in seen:
                    continue
                seen.add(current)
                for stance in nodes[current].stances:
                    sides[POSITION_NAMES[stance.position]].add(stance.proposition)
                stack.extend(upward[current])
            cache[start] = (frozenset(sides["pro"]), frozenset(sides["con"]))
        return cache[start]

    return stances


def _seen(seen: set[int], key: int) -> bool:
    """Whether key was seen before; remembers it."""
    if key in seen:
        return True
    seen.add(key)
    return False


class _Walkers(dict[str, Walker]):
    """supported_stances() of each map, built when the map first has a candidate event."""

    def __init__(self, maps: Sequence[LoadedMap]) -> None:
        super().__init__()
        self.maps = {lm.id: lm for lm in maps}

    def __missing__(self, map_id: str) -> Walker:
        self[map_id] = walker = supported_stances(self.maps[map_id])
        return walker


def _event(a: Dated, b: Dated, score: float, walkers: _Walkers, check_days: bool) -> SharedEvent | None:
    """The shared event of two similar evidence nodes, or None when one map or dates that miss."""
    map_a, node_a, _, (start_a, end_a), _ = a
    map_b, node_b, _, (start_b, end_b), _ = b
    if map_a == map_b:
        return None
    if check_days and not (not_after(start_a, end_b) and not_after(start_b, end_a)):
        return None
    pro_a, con_a = walkers[map_a](node_a)
    pro_b, con_b = walkers[map_b](node_b)
    opposite_on = tuple(sorted((pro_a & con_b) | (con_a & pro_b)))
    return SharedEvent(map_a, node_a, map_b, node_b, round(score / 100, 4), bool(opposite_on), opposite_on)


def shared_events(maps: Sequence[LoadedMap]) -> tuple[SharedEvent, ...]:
    """Evidence pairs from different maps with overlapping dates and similar paraphrases."""
    from rapidfuzz import fuzz, process, utils

    # Every dated evidence node, in (map id, node id) order, so the earlier of a pair is its "a".
    dated = sorted(
        (
            (lm.id, node.id, node.date, interval(node.date), utils.default_process(node.text))
            for lm in maps
            for node in lm.map.nodes
            if node.kind is NodeKind.EVIDENCE and node.date is not None
        ),
        key=lambda item: (item[0], item[1]),
    )
    # Only evidence that can share a month is compared: a bucket per month it may fall in.
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    months_of: list[list[tuple[int, int]]] = []
    for i, (_, _, date, _, _) in enumerate(dated):
        months = list(_months(date))
        months_of.append(months)
        for month in months:
            buckets[month].append(i)
    spread = [len(months) > 1 for months in months_of]  # falls in more than one month bucket
    # Which items of each month use each word: how distinctive a shared word is in its period.
    words = [event_words(text) for _, _, _, _, text in dated]
    users: dict[tuple[int, int], dict[str, list[int]]] = {}
    for month, members in buckets.items():
        by_word: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for word in words[i]:
                by_word[word].append(i)
        users[month] = by_word

    def distinctive(i: int, j: int) -> bool:
        """Whether i and j share a word that at most DISTINCTIVE_USERS items of their months use."""
        period = set(months_of[i]) | set(months_of[j])
        for word in sorted(words[i] & words[j]):
            using: set[int] = set()
            for month in period:
                using.update(users[month].get(word, ()))
                if len(using) > DISTINCTIVE_USERS:
                    break
            if len(using) <= DISTINCTIVE_USERS:
                return True
        return False

    # Within a shared month, dates can still miss each other only when both name a day.
    daily = [len(start) > 7 or len(end) > 7 for _, _, _, (start, end), _ in dated]
    walkers = _Walkers(maps)
    seen: set[int] = set()  # i * len(dated) + j for pairs of spread items already compared
    events = []
    for month in sorted(buckets):
        bucket = buckets[month]
        texts = [dated[i][4] for i in bucket]
        for x, i in enumerate(bucket):
            # rapidfuzz scores the rest of the bucket in one call, in C; few pairs come back.
            found = process.extract(
                texts[x],
                texts[x + 1 :],
                scorer=fuzz.token_set_ratio,
                score_cutoff=SIMILARITY_THRESHOLD * 100,
                limit=None,
            )
            for _, score, k in found:
                j = bucket[x + 1 + k]
                event = _event(dated[i], dated[j], score, walkers, daily[i] and daily[j])
                if event is None or (spread[i] and spread[j] and _seen(seen, i * len(dated) + j)):
                    continue
                if not distinctive(i, j):
                    continue
                events.append((min(dated[i][2], dated[j][2]), event))
    events.sort(key=lambda t: (t[0], t[1].a_map, t[1].a_node, t[1].b_map, t[1].b_node))
    return tuple(event for _, event in events)
