"""The foreign formats written down once as types: AIF and OVA's xAIF, the microtext arggraph XML.

The converters read as mappings between these shapes and argmap's models. Sources: the AIF
specification (Chesñevar et al. 2006; AIFdb's JSON as served by aifdb.org), OVA3's xAIF export,
and the arggraph DTD of the Potsdam microtext corpus (Peldszus & Stede 2013, 2015).
"""

from __future__ import annotations

from enum import Enum
from typing import NotRequired, TypedDict

__all__ = [
    "AduType",
    "AifEdge",
    "AifGraph",
    "AifLocution",
    "AifNode",
    "AifNodeType",
    "AifParticipant",
    "EdgeType",
    "StanceType",
    "XaifGraph",
]


# ------------------------------------------------------------------ AIF (AIFdb JSON) and xAIF


class AifNodeType(str, Enum):
    """The node types of AIF and its dialogue extension AIF+."""

    I = "I"  # noqa: E741 - the name AIF gives it: an information node, a proposition
    L = "L"  # a locution: what someone said
    RA = "RA"  # rule application: premises -> RA -> conclusion (support)
    CA = "CA"  # conflict application: attacker -> CA -> target (attack; on an S-node: undercut)
    MA = "MA"  # rephrase (reformulation) between two propositions
    PA = "PA"  # preference application
    YA = "YA"  # illocutionary connection: L -> YA -> I (asserting), TA -> YA -> S (arguing)
    TA = "TA"  # transition between locutions in a dialogue


class AifNode(TypedDict):
    """One node; `scheme`/`schemeID` name an argumentation scheme, `timestamp` is local time."""

    nodeID: str
    text: str
    type: str
    timestamp: NotRequired[str]
    scheme: NotRequired[str]
    schemeID: NotRequired[str]


class AifEdge(TypedDict):
    """A directed edge; AIFdb writes ids as strings, OVA as numbers."""

    edgeID: str | int
    fromID: str
    toID: str
    formEdgeID: NotRequired[str | None]


class AifLocution(TypedDict):
    """Who uttered an L-node, and when."""

    nodeID: str
    personID: str | int
    timestamp: NotRequired[str]
    start: NotRequired[str | None]
    end: NotRequired[str | None]
    source: NotRequired[str | None]


class AifParticipant(TypedDict):
    """A speaker (xAIF and newer AIFdb exports)."""

    participantID: str | int
    firstname: str
    surname: str


class AifGraph(TypedDict):
    """AIFdb's JSON: nodes, edges and locutions; `participants` and `text` are optional additions."""

    nodes: list[AifNode]
    edges: list[AifEdge]
    locutions: NotRequired[list[AifLocution]]
    participants: NotRequired[list[AifParticipant]]


class XaifGraph(TypedDict):
    """OVA3's xAIF: the AIF graph under `AIF`, the analysed text (HTML) under `text`."""

    AIF: AifGraph
    text: NotRequired[str]
    OVA: NotRequired[dict[str, object]]


# ------------------------------------------------------------------ microtexts (arggraph.dtd)


class EdgeType(str, Enum):
    """Edge types of the arggraph DTD."""

    SEG = "seg"  # segmentation: EDU -> ADU, EDU -> joint, joint -> ADU
    SUP = "sup"  # support: ADU -> ADU
    EXA = "exa"  # support by example: ADU -> ADU
    ADD = "add"  # an additional premise of an existing edge (linked argument): ADU -> edge
    REB = "reb"  # rebutting attack: ADU -> ADU
    UND = "und"  # undercutting attack on an edge: ADU -> edge


class AduType(str, Enum):
    """The dialectical role of an ADU."""

    PRO = "pro"  # proponent: the author's own voice
    OPP = "opp"  # opponent: an objection the author voices in order to answer it


class StanceType(str, Enum):
    """The author's stance on the text's yes/no question (`topic_id`)."""

    PRO = "pro"
    CON = "con"
    UNCLEAR = "unclear"
