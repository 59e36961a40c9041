"""Pydantic models of maps, the catalogue and the seed manifest: the one source of truth."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "FORMAT_VERSION",
    "ArgumentMap",
    "EvidenceKind",
    "Node",
    "NodeKind",
    "Person",
    "Position",
    "Proposition",
    "PropositionCatalogue",
    "PropositionKind",
    "Relation",
    "RelationType",
    "ReportedBy",
    "Seed",
    "SeedManifest",
    "Source",
    "Stance",
]

# Version 2 added time: a stance's period, and a proposition's kind and timelessness.
FORMAT_VERSION = 2

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
# Length limits keep every output working (Graphviz refuses a token of 16 KB; a label of pages is
# unreadable) and are far above what real maps use (ids 22, quotes 357, descriptions 636 chars).
ID_MAX = 64
NAME_MAX = 200
TITLE_MAX = 500
TEXT_MAX = 1_000
REF_MAX = 2_000  # paths, URLs, citations
NOTE_MAX = 2_000
QUOTE_MAX = 5_000
DESCRIPTION_MAX = 10_000

Slug = Annotated[str, Field(pattern=SLUG, max_length=ID_MAX)]
LocalId = Annotated[str, Field(pattern=LOCAL_ID, max_length=ID_MAX)]
Name = Annotated[str, Field(min_length=1, max_length=NAME_MAX)]
Title = Annotated[str, Field(min_length=1, max_length=TITLE_MAX)]
Text = Annotated[str, Field(min_length=1, max_length=TEXT_MAX)]
Ref = Annotated[str, Field(min_length=1, max_length=REF_MAX)]
Description = Annotated[str, Field(min_length=1, max_length=DESCRIPTION_MAX)]
OptSlug = Slug | None
OptName = Name | None
OptTitle = Title | None
OptRef = Ref | None
OptNote = Annotated[str, Field(min_length=1, max_length=NOTE_MAX)] | None
OptQuote = Annotated[str, Field(min_length=1, max_length=QUOTE_MAX)] | None
OptDescription = Description | None


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


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


class PropositionKind(str, Enum):
    """What sort of statement a proposition is: how things are, how they should be, or will be."""

    DESCRIPTIVE = "descriptive"
    NORMATIVE = "normative"
    PREDICTIVE = "predictive"


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

    name: Name = Field(description="Full name as the source gives it.")
    affiliation: OptTitle = Field(default=None, description="Institution or role at the time of the source.")


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
    path: OptRef = Field(
        default=None,
        description="Path to a UTF-8 text file, relative to the map file. Give either seed or path.",
    )
    title: Title = Field(description="Title of the text.")
    outlet: OptTitle = Field(default=None, description="Where the text was published.")
    date: Annotated[str, Field(pattern=PARTIAL_DATE)] = Field(
        description="Publication date as an ISO partial date: 2014, 2014-08 or 2014-08-05."
    )
    url: OptRef = Field(default=None, description="Where the text can be found online.")


class ReportedBy(_Frozen):
    """Who reports the author's view when it is known only through someone else's text."""

    name: Name = Field(description="The reporter's name.")
    map: OptSlug = Field(default=None, description="Id of the reporter's own map, when there is one.")


class Stance(_Frozen):
    """A claim's position on a proposition of the shared catalogue."""

    proposition: Slug = Field(description="Id of a proposition in maps/propositions.json.")
    position: Position = Field(description="pro, con or neutral.")
    intensity: int = Field(
        default=2,
        ge=1,
        le=3,
        description="How strongly the claim takes the position: 1 hedged, 2 plain, 3 emphatic.",
    )
    period: Annotated[str, Field(pattern=DATE_OR_RANGE)] | None = Field(
        default=None,
        description=(
            "The time the stance is about, as an ISO partial date or a range start/end "
            "(2014-08, 2014-03/2014-08). Default: the source's date, the time of writing. "
            "Not allowed on a timeless proposition."
        ),
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

    id: LocalId = Field(description="Unique within the map (nodes and relations share one namespace).")
    kind: NodeKind = Field(description="claim or evidence.")
    text: Text = Field(description="A short paraphrase in the mapper's words.")
    quote: OptQuote = Field(
        default=None,
        description="Verbatim passage of the source that states this node. Required unless implicit.",
    )
    implicit: bool = Field(
        default=False,
        description="An unstated premise the mapper reconstructs; an implicit node has no quote.",
    )
    speaker: OptName = Field(default=None, description="Who says it, when it is not the map's author.")
    thesis: bool = Field(default=False, description="The map's main thesis; at most one per map.")
    tags: list[Annotated[str, Field(min_length=1, max_length=ID_MAX)]] = Field(
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
    citation: OptRef = Field(
        default=None, description="For evidence: the source the author cites (e.g. a footnote)."
    )
    base_score: Annotated[float, Field(ge=0, le=1)] | None = Field(
        default=None,
        description=(
            "Intrinsic strength in [0, 1] before any attack or support, for gradual semantics "
            "(argmap evaluate); when absent, 0.5 or the value given per evidence kind on the command line."
        ),
    )


# The models keep one class, Node, for claims and evidence (node.kind says which) so that error paths
# stay flat ($.nodes[3].quote). There is no Evidence alias: isinstance(claim, Evidence) would be true.


class Relation(_Frozen):
    """A support or attack from one or more premises to a node, a relation, or another map's node."""

    id: LocalId = Field(description="Unique within the map (nodes and relations share one namespace).")
    type: RelationType = Field(description="support or attack.")
    premises: list[LocalId] = Field(
        alias="from",
        min_length=1,
        json_schema_extra={"uniqueItems": True},
        description="Ids of the premise nodes in this map; several ids are linked premises.",
    )
    target: Annotated[str, Field(pattern=TARGET, max_length=2 * ID_MAX + 1)] = Field(
        alias="to",
        description=(
            "A node id, a relation id (an attack on a relation is an undercut), "
            "or mapid:nodeid for a node in another map."
        ),
    )
    note: OptNote = Field(default=None, description="The mapper's remark on this relation.")


_MAP_EXAMPLE: dict[str, Any] = {
    "version": 2,
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
            "stances": [{"proposition": "examples-help", "position": "pro", "period": "2014"}],
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

    schema_: OptRef = Field(
        default=None, alias="$schema", description="Optional pointer to this schema, for editors."
    )
    version: Literal[2] = Field(
        description="Format version of the map; currently 2 (upgrade version 1 with `argmap migrate`)."
    )
    id: Slug = Field(description="A slug naming the map; equal to the file's stem.")
    title: Title = Field(description="A title for the map.")
    author: Person = Field(description="The author whose position the map records.")
    source: Source = Field(description="The text the map is drawn from.")
    reported_by: ReportedBy | None = Field(
        default=None,
        description="Set when the author's view is known only through someone else's text.",
    )
    description: OptDescription = Field(default=None, description="The mapper's notes on the map.")
    nodes: list[Node] = Field(min_length=1, description="Claims and evidence.")
    relations: list[Relation] = Field(default_factory=list, description="Support and attack relations.")


class Proposition(_Frozen):
    """A neutrally worded proposition on which several authors can take a position."""

    id: Slug = Field(description="A slug naming the proposition.")
    text: Text = Field(description="The proposition, worded neutrally.")
    description: OptDescription = Field(default=None, description="What counts as pro and con.")
    kind: PropositionKind = Field(
        default=PropositionKind.DESCRIPTIVE,
        description=(
            "descriptive (how things are), normative (what should be done) or predictive (what will be)."
        ),
    )
    timeless: bool = Field(
        default=False,
        description=(
            "True when the proposition's truth does not depend on a period (normative and general "
            "propositions): stances on it take no period and always meet in comparison."
        ),
    )


class PropositionCatalogue(_Frozen):
    """The shared catalogue of propositions that maps take stances on."""

    model_config = ConfigDict(title="argmap proposition catalogue")

    schema_: OptRef = Field(
        default=None, alias="$schema", description="Optional pointer to this schema, for editors."
    )
    version: Literal[2] = Field(
        description="Format version; currently 2 (upgrade version 1 with `argmap migrate`)."
    )
    propositions: list[Proposition] = Field(description="The propositions.")


class Seed(_Frozen):
    """One source text in seeds/."""

    id: Slug = Field(description="A slug naming the text.")
    file: Ref = Field(description="File name inside seeds/.")
    title: Title = Field(description="Title of the text.")
    authors: list[Name] = Field(min_length=1, description="Author(s) or speakers.")
    outlet: Title = Field(description="Where it was published.")
    date: Annotated[str, Field(pattern=PARTIAL_DATE)] = Field(
        description="Publication date as an ISO partial date."
    )
    description: Description = Field(description="One line on what the text is.")
    sha256: Annotated[str, Field(pattern=SHA256)] | None = Field(
        default=None,
        description="SHA-256 of the file's bytes; validation fails if the text was edited.",
    )


class SeedManifest(_Frozen):
    """The manifest of source texts in seeds/."""

    model_config = ConfigDict(title="argmap seed manifest")

    schema_: OptRef = Field(
        default=None, alias="$schema", description="Optional pointer to this schema, for editors."
    )
    version: Literal[1] = Field(description="Format version; currently 1.")
    seeds: list[Seed] = Field(description="The texts.")
