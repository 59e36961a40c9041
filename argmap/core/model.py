"""Pydantic models of maps, the catalogue and the seed manifest: the one source of truth."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "FORMAT_VERSION",
    "ArgumentMap",
    "Evidence",
    "EvidenceKind",
    "Node",
    "NodeKind",
    "Person",
    "Position",
    "Proposition",
    "PropositionCatalogue",
    "Relation",
    "RelationType",
    "ReportedBy",
    "Seed",
    "SeedManifest",
    "Source",
    "Stance",
]

FORMAT_VERSION = 1

# Patterns are shared by the schema and the integrity checks, so they live here once.
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LOCAL_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
TARGET = r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*:)?[A-Za-z0-9][A-Za-z0-9_.-]*$"
_DAY = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
PARTIAL_DATE = rf"^{_DAY}$"
DATE_OR_RANGE = rf"^{_DAY}(?:/{_DAY})?$"
SHA256 = r"^[0-9a-f]{64}$"

# What each pattern means, for error messages a mapper can act on.
PATTERN_NAMES = {
    SLUG: "a slug: lowercase letters and digits joined by single hyphens",
    LOCAL_ID: "an id: letters, digits, '_', '.' or '-', starting with a letter or digit",
    TARGET: "a node or relation id, or mapid:nodeid",
    PARTIAL_DATE: "an ISO partial date: YYYY, YYYY-MM or YYYY-MM-DD",
    DATE_OR_RANGE: "an ISO partial date (YYYY, YYYY-MM or YYYY-MM-DD) or a range start/end",
    SHA256: "64 lowercase hexadecimal digits",
}

# A property that must be absent. `{"not": {}}` rather than `false`, because jsonschema leaves the
# property's name out of the error path for boolean schemas.
FORBIDDEN: dict[str, Any] = {"not": {}}

# Optional fields are `X | None` in Python; the schema generator drops the null branch, because a
# map file never contains null: an absent field is simply left out.
OptStr = Annotated[str, Field(min_length=1)] | None
OptSlug = Annotated[str, Field(pattern=SLUG)] | None


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class RelationType(str, Enum):
    """Whether a relation supports or attacks its target."""

    SUPPORT = "support"
    ATTACK = "attack"


class NodeKind(str, Enum):
    """The two kinds of node."""

    CLAIM = "claim"
    EVIDENCE = "evidence"


class Position(str, Enum):
    """A claim's position on a proposition."""

    PRO = "pro"
    CON = "con"
    NEUTRAL = "neutral"


class EvidenceKind(str, Enum):
    """What kind of thing a piece of evidence is."""

    EVENT = "event"
    STATEMENT = "statement"
    STATISTIC = "statistic"
    REPORT = "report"
    EXPERT_OPINION = "expert-opinion"
    HISTORICAL_ANALOGY = "historical-analogy"
    EXAMPLE = "example"
    POLICY = "policy"
    OTHER = "other"


class Person(_Frozen):
    """A person whose position a map records, or who reported it."""

    name: str = Field(min_length=1, description="Full name as the source gives it.")
    affiliation: OptStr = Field(default=None, description="Institution or role at the time of the source.")


class Source(_Frozen):
    """The text a map is drawn from: a seed from the manifest, or a path to a text file."""

    model_config = ConfigDict(
        json_schema_extra={
            "if": {"required": ["seed"]},
            "then": {"properties": {"path": FORBIDDEN}},
            "else": {"required": ["path"]},
        }
    )

    seed: OptSlug = Field(
        default=None, description="Id of a text in seeds/seeds.json. Give either seed or path."
    )
    path: OptStr = Field(
        default=None,
        description="Path to a UTF-8 text file, relative to the map file. Give either seed or path.",
    )
    title: str = Field(min_length=1, description="Title of the text.")
    outlet: OptStr = Field(default=None, description="Where the text was published.")
    date: Annotated[str, Field(pattern=PARTIAL_DATE)] = Field(
        description="Publication date as an ISO partial date: 2014, 2014-08 or 2014-08-05."
    )
    url: OptStr = Field(default=None, description="Where the text can be found online.")


class ReportedBy(_Frozen):
    """Who reports the author's view when it is known only through someone else's text."""

    name: str = Field(min_length=1, description="The reporter's name.")
    map: OptSlug = Field(default=None, description="Id of the reporter's own map, when there is one.")


class Stance(_Frozen):
    """A claim's position on a proposition of the shared catalogue."""

    proposition: Annotated[str, Field(pattern=SLUG)] = Field(
        description="Id of a proposition in maps/propositions.json."
    )
    position: Position = Field(description="pro, con or neutral.")
    intensity: int = Field(
        default=2,
        ge=1,
        le=3,
        description="How strongly the claim takes the position: 1 hedged, 2 plain, 3 emphatic.",
    )


class Node(_Frozen):
    """A claim or a piece of evidence, tied to a verbatim quote unless marked implicit."""

    model_config = ConfigDict(
        json_schema_extra={
            "allOf": [
                {
                    "if": {"properties": {"implicit": {"const": True}}, "required": ["implicit"]},
                    "then": {"properties": {"quote": FORBIDDEN}},
                    "else": {"required": ["quote"]},
                },
                {
                    "if": {"properties": {"kind": {"const": "claim"}}},
                    "then": {"properties": {"evidence_kind": FORBIDDEN, "citation": FORBIDDEN}},
                    # An empty list is what the model dumps by default, so only a non-empty one fails.
                    "else": {"properties": {"stances": {"maxItems": 0}}},
                },
            ]
        }
    )

    id: Annotated[str, Field(pattern=LOCAL_ID)] = Field(
        description="Unique within the map (nodes and relations share one namespace)."
    )
    kind: NodeKind = Field(description="claim or evidence.")
    text: str = Field(min_length=1, description="A short paraphrase in the mapper's words.")
    quote: OptStr = Field(
        default=None,
        description="Verbatim passage of the source that states this node. Required unless implicit.",
    )
    implicit: bool = Field(
        default=False,
        description="An unstated premise the mapper reconstructs; an implicit node has no quote.",
    )
    speaker: OptStr = Field(default=None, description="Who says it, when it is not the map's author.")
    thesis: bool = Field(default=False, description="The map's main thesis; at most one per map.")
    tags: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list, description="Free labels for filtering and styling."
    )
    stances: list[Stance] = Field(
        default_factory=list, description="Positions this claim takes on catalogue propositions."
    )
    evidence_kind: EvidenceKind | None = Field(
        default=None, description="For evidence: what kind of evidence it is."
    )
    date: Annotated[str, Field(pattern=DATE_OR_RANGE)] | None = Field(
        default=None,
        description="Date of what the node reports: an ISO partial date, or a range start/end.",
    )
    citation: OptStr = Field(
        default=None, description="For evidence: the source the author cites (e.g. a footnote)."
    )
    base_score: Annotated[float, Field(ge=0, le=1)] | None = Field(
        default=None,
        description=(
            "Intrinsic strength in [0, 1] before any attack or support, for gradual semantics "
            "(argmap evaluate); when absent, 0.5 or the value given per evidence kind on the command line."
        ),
    )


# The models keep one class for both kinds so that error paths stay flat ($.nodes[3].quote);
# `Evidence` is the name readers look for.
Evidence = Node


class Relation(_Frozen):
    """A support or attack from one or more premises to a node, a relation, or another map's node."""

    id: Annotated[str, Field(pattern=LOCAL_ID)] = Field(
        description="Unique within the map (nodes and relations share one namespace)."
    )
    type: RelationType = Field(description="support or attack.")
    premises: list[Annotated[str, Field(pattern=LOCAL_ID)]] = Field(
        alias="from",
        min_length=1,
        json_schema_extra={"uniqueItems": True},
        description="Ids of the premise nodes in this map; several ids are linked premises.",
    )
    target: Annotated[str, Field(pattern=TARGET)] = Field(
        alias="to",
        description=(
            "A node id, a relation id (an attack on a relation is an undercut), "
            "or mapid:nodeid for a node in another map."
        ),
    )
    note: OptStr = Field(default=None, description="The mapper's remark on this relation.")


_MAP_EXAMPLE: dict[str, Any] = {
    "version": 1,
    "id": "example",
    "title": "A short example",
    "author": {"name": "Jane Doe", "affiliation": "Example University"},
    "source": {"path": "example.txt", "title": "On examples", "date": "2014-08"},
    "nodes": [
        {
            "id": "c1",
            "kind": "claim",
            "text": "Examples help.",
            "quote": "Examples help readers",
            "thesis": True,
            "stances": [{"proposition": "examples-help", "position": "pro"}],
        },
        {
            "id": "e1",
            "kind": "evidence",
            "text": "A survey found readers prefer examples.",
            "quote": "readers preferred examples",
            "evidence_kind": "statistic",
            "date": "2014-05",
            "citation": "Survey, 2014",
        },
    ],
    "relations": [{"id": "r1", "type": "support", "from": ["e1"], "to": "c1"}],
}


class ArgumentMap(_Frozen):
    """One author's position in one text: claims, evidence, relations and stances."""

    model_config = ConfigDict(title="argmap map", json_schema_extra={"examples": [_MAP_EXAMPLE]})

    schema_: OptStr = Field(
        default=None, alias="$schema", description="Optional pointer to this schema, for editors."
    )
    version: Literal[1] = Field(description="Format version of the map; currently 1.")
    id: Annotated[str, Field(pattern=SLUG)] = Field(
        description="A slug naming the map; equal to the file's stem."
    )
    title: str = Field(min_length=1, description="A title for the map.")
    author: Person = Field(description="The author whose position the map records.")
    source: Source = Field(description="The text the map is drawn from.")
    reported_by: ReportedBy | None = Field(
        default=None,
        description="Set when the author's view is known only through someone else's text.",
    )
    description: OptStr = Field(default=None, description="The mapper's notes on the map.")
    nodes: list[Node] = Field(min_length=1, description="Claims and evidence.")
    relations: list[Relation] = Field(default_factory=list, description="Support and attack relations.")


class Proposition(_Frozen):
    """A neutrally worded proposition on which several authors can take a position."""

    id: Annotated[str, Field(pattern=SLUG)] = Field(description="A slug naming the proposition.")
    text: str = Field(min_length=1, description="The proposition, worded neutrally.")
    description: OptStr = Field(default=None, description="What counts as pro and con.")


class PropositionCatalogue(_Frozen):
    """The shared catalogue of propositions that maps take stances on."""

    model_config = ConfigDict(title="argmap proposition catalogue")

    schema_: OptStr = Field(
        default=None, alias="$schema", description="Optional pointer to this schema, for editors."
    )
    version: Literal[1] = Field(description="Format version; currently 1.")
    propositions: list[Proposition] = Field(description="The propositions.")


class Seed(_Frozen):
    """One source text in seeds/."""

    id: Annotated[str, Field(pattern=SLUG)] = Field(description="A slug naming the text.")
    file: str = Field(min_length=1, description="File name inside seeds/.")
    title: str = Field(min_length=1, description="Title of the text.")
    authors: list[Annotated[str, Field(min_length=1)]] = Field(
        min_length=1, description="Author(s) or speakers."
    )
    outlet: str = Field(min_length=1, description="Where it was published.")
    date: Annotated[str, Field(pattern=PARTIAL_DATE)] = Field(
        description="Publication date as an ISO partial date."
    )
    description: str = Field(min_length=1, description="One line on what the text is.")
    sha256: Annotated[str, Field(pattern=SHA256)] | None = Field(
        default=None,
        description="SHA-256 of the file's bytes; validation fails if the text was edited.",
    )


class SeedManifest(_Frozen):
    """The manifest of source texts in seeds/."""

    model_config = ConfigDict(title="argmap seed manifest")

    schema_: OptStr = Field(
        default=None, alias="$schema", description="Optional pointer to this schema, for editors."
    )
    version: Literal[1] = Field(description="Format version; currently 1.")
    seeds: list[Seed] = Field(description="The texts.")
