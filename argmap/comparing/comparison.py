"""The Comparison value: frozen dataclasses, and the source of schema/comparison.schema.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

__all__ = [
    "Actor",
    "Cell",
    "CellPosition",
    "ClaimRef",
    "Comparison",
    "Direction",
    "Engagement",
    "EvidenceItem",
    "NodeRef",
    "Pair",
    "PropositionSummary",
    "SharedEvent",
    "StancePosition",
]

CellPosition = Literal["pro", "con", "neutral", "mixed", "silent"]
StancePosition = Literal["pro", "con", "neutral"]
Direction = Literal[-1, 0, 1]

# pydantic reads this when it generates schema/comparison.schema.json from these classes; at run time
# they are plain dataclasses and pydantic is never imported.
SCHEMA_CONFIG = {
    "use_attribute_docstrings": True,
    "extra": "forbid",
    "json_schema_serialization_defaults_required": True,
}
COMPARISON_CONFIG = {**SCHEMA_CONFIG, "title": "argmap comparison"}


@dataclass(frozen=True, slots=True)
class Actor:
    """Whose stances one column of the matrix holds: a map's author, or a speaker quoted in a map."""

    __pydantic_config__ = SCHEMA_CONFIG

    id: str
    """The map id for an author; MAP--SPEAKER for a speaker (the speaker's name as a slug)."""
    label: str
    """How the actor is shown: the author's name, or 'Speaker (in map)'."""
    name: str
    """The author's or speaker's name as the map gives it."""
    map: str
    """Id of the map whose claims the actor's stances come from."""
    speaker: str | None
    """The speaker's name for a speaker actor; null for a map's author."""
    date: str
    """Publication date of the map's source text."""
    reported_by: str | None
    """Through whose text the view is known: a reported map's reporter, a speaker's map author; or null."""
    claims: int
    """How many stance-taking claims are counted for this actor."""
    excluded_speakers: tuple[str, ...]
    """For an author: speakers in the map whose stance-taking claims are theirs, not the author's."""


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """One claim behind a cell, with the quote that proves it."""

    __pydantic_config__ = SCHEMA_CONFIG

    map: str
    """Id of the claim's map."""
    node: str
    """Id of the claim in its map."""
    text: str
    """The mapper's paraphrase."""
    quote: str | None
    """The verbatim passage of the source, or null for an implicit claim."""
    start: int | None
    """Offset of the quote's first character in the source text, or null."""
    end: int | None
    """Offset just past the quote's last character in the source text, or null."""
    speaker: str | None
    """Who says it, when the map names a speaker; null for the author."""
    position: StancePosition
    """The claim's position on the proposition."""
    intensity: int
    """How strongly: 1 hedged, 2 plain, 3 emphatic."""
    period: str | None = None
    """The time the stance is about (its own period, else its source's date); null when timeless."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One actor's stance on one proposition: all their claims on it, summed up."""

    __pydantic_config__ = SCHEMA_CONFIG

    proposition: str
    """Id of the proposition (the row)."""
    actor: str
    """Id of the actor (the column)."""
    position: CellPosition
    """pro or con (only that, perhaps with neutral), neutral (only neutral), mixed (pro and con), silent."""
    score: float
    """Mean of the pro and con claims' values (+intensity, -intensity) / 3; neutral ones left out. -1 to 1."""
    direction: Direction
    """Sign of the score, what every measure compares: 1 pro or mixed leaning pro, -1 the reverse, else 0."""
    intensity: int
    """Largest intensity among the pro and con claims; 0 when silent or only neutral."""
    claims: tuple[ClaimRef, ...]
    """The claims behind the cell, in map order."""
    period: str | None = None
    """The time the claims are about, earliest to latest (start/end); null when silent or timeless."""


@dataclass(frozen=True, slots=True)
class PropositionSummary:
    """How the actors divide on one proposition."""

    __pydantic_config__ = SCHEMA_CONFIG

    id: str
    """Id of the proposition in the catalogue."""
    text: str
    """The proposition, as the catalogue words it."""
    pro: int
    """Actors whose cell is pro."""
    con: int
    """Actors whose cell is con."""
    neutral: int
    """Actors whose cell is neutral."""
    mixed: int
    """Actors whose cell is mixed."""
    silent: int
    """Actors who take no stance on it."""
    leaning_pro: int
    """Actors whose cell's direction is 1: pro, or mixed leaning pro."""
    leaning_con: int
    """Actors whose cell's direction is -1: con, or mixed leaning con."""
    contestation: float
    """2 * min(leaning_pro, leaning_con) / (leaning_pro + leaning_con), 0 when nobody leans: 0 to 1."""
    consensus: bool
    """At least two actors address it and all their cells have one direction (at every time they share)."""
    kind: str = "descriptive"
    """descriptive (how things are), normative (what should be done) or predictive (what will be)."""
    timeless: bool = False
    """True when its truth does not depend on a period: stances on it always meet."""


@dataclass(frozen=True, slots=True)
class Pair:
    """How two actors compare across the compared propositions."""

    __pydantic_config__ = SCHEMA_CONFIG

    a: str
    """Id of the first actor (earlier in actor order)."""
    b: str
    """Id of the second actor."""
    shared: int
    """Propositions both address."""
    coverage: float | None
    """Jaccard index of the addressed propositions: shared / addressed by either; null if neither."""
    agreement: float | None
    """Share of the shared propositions where both cells have the same direction; null if none shared."""
    opposition: float | None
    """Share of the shared propositions where the directions are opposite; null if none shared."""
    cosine: float | None
    """Cosine similarity of the two score vectors (silent = 0): -1 to 1; null if either is all zero."""
    agree_on: tuple[str, ...]
    """Propositions where the two directions are equal."""
    disagree_on: tuple[str, ...]
    """Propositions where the two directions are opposite (pro or leaning pro against con or leaning con)."""
    only_a: tuple[str, ...]
    """Propositions only the first actor addresses."""
    only_b: tuple[str, ...]
    """Propositions only the second actor addresses."""
    apart_in_time: tuple[str, ...] = ()
    """Propositions both address, but never about the same time: change over time, not a clash (and
    not counted in shared, agreement or opposition)."""


@dataclass(frozen=True, slots=True)
class NodeRef:
    """A node (or, as a cross-map target, a relation) in a map, with its text."""

    __pydantic_config__ = SCHEMA_CONFIG

    map: str
    """Id of the map."""
    node: str
    """Id of the node or relation."""
    text: str
    """The node's paraphrase, or a description of the relation."""


@dataclass(frozen=True, slots=True)
class Engagement:
    """A relation from one compared map to a node of another: direct engagement between authors."""

    __pydantic_config__ = SCHEMA_CONFIG

    source_map: str
    """Id of the map the relation is in."""
    source_actor: str
    """Id of the actor making the move (the source map's author, or a speaker with speakers=True)."""
    relation: str
    """Id of the relation in the source map."""
    type: Literal["support", "attack"]
    """Whether the relation supports or attacks its target."""
    premises: tuple[NodeRef, ...]
    """The premises, in the source map."""
    target: NodeRef
    """The node (or relation) of the other map it points at."""
    target_actor: str
    """Id of the actor the target belongs to."""
    answered: bool
    """True when the target's map has a relation pointing back into the source map."""


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One dated piece of evidence on the shared timeline."""

    __pydantic_config__ = SCHEMA_CONFIG

    date: str
    """When the reported thing happened: an ISO partial date or a range start/end."""
    map: str
    """Id of the map the evidence is in."""
    node: str
    """Id of the evidence node in its map."""
    actor: str
    """Id of the actor whose map cites the evidence."""
    text: str
    """The mapper's paraphrase of the evidence."""
    kind: str | None
    """The evidence kind (event, statement, statistic ...), or null when the map gives none."""
    citation: str | None
    """The source the author cites for it, or null."""
    speaker: str | None
    """Who the evidence quotes, when not the author; null otherwise."""
    quote: str | None
    """The verbatim passage of the source, or null for an implicit node."""
    start: int | None
    """Offset of the quote's first character in the source text, or null."""
    end: int | None
    """Offset just past the quote's last character in the source text, or null."""


@dataclass(frozen=True, slots=True)
class SharedEvent:
    """Two evidence nodes from different maps that seem to report the same event."""

    __pydantic_config__ = SCHEMA_CONFIG

    a_map: str
    """Map of the first evidence node (the pair is ordered by map id, then node id)."""
    a_node: str
    """Id of the first evidence node."""
    b_map: str
    """Map of the second evidence node."""
    b_node: str
    """Id of the second evidence node."""
    similarity: float
    """rapidfuzz token_set_ratio of the two paraphrases divided by 100: 0.6 (the threshold) to 1."""
    opposite: bool
    """True when the two nodes support opposite positions on at least one proposition."""
    opposite_on: tuple[str, ...]
    """The propositions on which the claims they support take opposite positions."""


# Not slotted: the lookup index below is computed on first use and kept in the instance's __dict__.
@dataclass(frozen=True)
class Comparison:
    """Stances of several actors on shared propositions, how they pair up, and the evidence."""

    __pydantic_config__ = COMPARISON_CONFIG

    actors: tuple[Actor, ...]
    """The actors, in column order."""
    propositions: tuple[PropositionSummary, ...]
    """The compared propositions, in row order, with how the actors divide on each."""
    matrix: tuple[tuple[Cell, ...], ...]
    """One row per proposition (in the order of propositions), one cell per actor (in actor order)."""
    pairs: tuple[Pair, ...]
    """Every pair of actors, in actor order."""
    engagements: tuple[Engagement, ...]
    """Cross-map relations among the compared maps, by source map, then relation order."""
    consensus: tuple[str, ...]
    """Propositions with consensus: addressed by two or more actors, all in one direction."""
    most_contested: tuple[str, ...]
    """Propositions with actors leaning both ways, by contestation, then leaning actors, then id."""
    evidence: tuple[EvidenceItem, ...]
    """Dated evidence of every compared map, by date string, then map id, then node id."""
    shared_events: tuple[SharedEvent, ...]
    """Evidence pairs from different maps that seem to report the same event."""
    by_date: bool
    """Whether actors are ordered by their source's date."""
    speakers: bool
    """Whether quoted speakers are actors of their own."""
    only: tuple[str, ...] | None
    """The propositions the comparison was restricted to, or null for every addressed one."""
    version: Literal[1] = 1
    """Version of this format; changes only when a field changes meaning or goes away."""

    @cached_property
    def _index(self) -> _Index:
        """Positions of actors and propositions and every pair by its two ids, built once."""
        return _Index(
            actors={a.id: j for j, a in enumerate(self.actors)},
            propositions={p.id: k for k, p in enumerate(self.propositions)},
            pairs={key: pair for pair in self.pairs for key in ((pair.a, pair.b), (pair.b, pair.a))},
        )

    def cell(self, proposition: str, actor: str) -> Cell:
        """The cell of one proposition and one actor."""
        return self.matrix[self._proposition(proposition)][self._actor(actor)]

    def row(self, proposition: str) -> tuple[Cell, ...]:
        """The cells of one proposition, in actor order."""
        return self.matrix[self._proposition(proposition)]

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id."""
        return self.actors[self._actor(actor_id)]

    def summary(self, proposition: str) -> PropositionSummary:
        """How the actors divide on this proposition."""
        return self.propositions[self._proposition(proposition)]

    def pair(self, a: str, b: str) -> Pair:
        """The pair of two actors, in either order."""
        try:
            return self._index.pairs[(a, b)]
        except KeyError:
            raise KeyError(f"no pair of actors '{a}' and '{b}'") from None

    def _actor(self, actor_id: str) -> int:
        try:
            return self._index.actors[actor_id]
        except KeyError:
            raise KeyError(f"no actor '{actor_id}' in this comparison") from None

    def _proposition(self, proposition: str) -> int:
        try:
            return self._index.propositions[proposition]
        except KeyError:
            raise KeyError(f"no proposition '{proposition}' in this comparison") from None


@dataclass(frozen=True, slots=True)
class _Index:
    actors: dict[str, int]
    propositions: dict[str, int]
    pairs: dict[tuple[str, str], Pair]
