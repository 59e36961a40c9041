"""Per-node marks from outside the map (an evaluation, a review): a fill, a short note, and their key.

Rendering knows nothing of what the marks mean; `acceptance_marks` and `strength_marks` build
them from plain mappings so that any caller (the CLI, the report) can colour a map by a result.
Every mark also writes its note into the label, so nothing depends on colour alone.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field

import graphviz

from argmap.rendering.labels import clean

__all__ = ["NodeMarks", "acceptance_marks", "apply_mark", "mark_label", "marks_legend", "strength_marks"]


@dataclass(frozen=True)
class NodeMarks:
    """Fills and notes by node key ("map:node"), with the legend that explains them."""

    title: str
    fills: Mapping[str, str] = field(default_factory=dict)
    notes: Mapping[str, str] = field(default_factory=dict)
    legend: tuple[tuple[str, str], ...] = ()


# Okabe-Ito bluish green, vermillion and yellow, as tints light enough for dark text (and the
# reverse for the dark theme); print uses greys, the notes in the labels carry the meaning.
_ACCEPTANCE = {
    "light": {"in": "#b9e4d4", "out": "#f5c6a5", "undec": "#f6efa6"},
    "dark": {"in": "#1d5a46", "out": "#6e3412", "undec": "#5c561c"},
    "print": {"in": "#ffffff", "out": "#b8b8b8", "undec": "#e2e2e2"},
}
_WORDS = {"in": "\u2713 stands", "out": "\u2717 out", "undec": "? undecided"}


def acceptance_marks(labels: Mapping[str, str], theme: str, title: str) -> NodeMarks:
    """Marks for in/out/undec labels by node key."""
    colours = _ACCEPTANCE.get(theme, _ACCEPTANCE["light"])
    return NodeMarks(
        title=title,
        fills={k: colours[v] for k, v in labels.items()},
        notes={k: _WORDS[v] for k, v in labels.items()},
        legend=tuple((_WORDS[v], colours[v]) for v in ("in", "undec", "out")),
    )


def _mix(a: str, b: str, t: float) -> str:
    pa = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    pb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(pa, pb, strict=True))


def _scale(value: float, theme: str) -> str:
    """A diverging scale: out's colour at 0, a neutral at 0.5, in's colour at 1."""
    colours = _ACCEPTANCE.get(theme, _ACCEPTANCE["light"])
    neutral = "#3a3a3a" if theme == "dark" else "#ffffff"
    value = min(1.0, max(0.0, value))
    if value < 0.5:
        return _mix(colours["out"], neutral, value * 2)
    return _mix(neutral, colours["in"], (value - 0.5) * 2)


def strength_marks(strengths: Mapping[str, float], theme: str, title: str) -> NodeMarks:
    """Marks for strengths in [0, 1] by node key, on a five-step legend."""
    return NodeMarks(
        title=title,
        fills={k: _scale(v, theme) for k, v in strengths.items()},
        notes={k: f"strength {v:.2f}" for k, v in strengths.items()},
        legend=tuple((f"{v:.2f}", _scale(v, theme)) for v in (1.0, 0.75, 0.5, 0.25, 0.0)),
    )


def mark_label(label: str, note: str | None, colour: str) -> str:
    """An HTML label (`<...>`) with the note added as a last small line."""
    if not note:
        return label
    small = html.escape(clean(note), quote=True)
    return f'{label[:-1]}<FONT POINT-SIZE="9" COLOR="{colour}"><B>{small}</B></FONT><BR ALIGN="LEFT"/>>'


def apply_mark(marks: NodeMarks | None, key: str, attrs: dict[str, str], label: str, text: str) -> str | None:
    """Fill a node's attributes and label from its mark; return the note for its tooltip, if any."""
    if marks is None or (key not in marks.fills and key not in marks.notes):
        return None
    if key in marks.fills:
        attrs["fillcolor"] = marks.fills[key]
        styles = [s for s in attrs.get("style", "rounded,filled").split(",") if s]
        attrs["style"] = ",".join([*styles, "filled"] if "filled" not in styles else styles)
    attrs["class"] = attrs.get("class", "") + " marked"
    attrs["label"] = mark_label(label, marks.notes.get(key), text)
    return marks.notes.get(key)


def marks_legend(g: graphviz.Digraph, marks: NodeMarks, text: str, muted: str) -> None:
    """A key of its own for the marks: the title, then one filled box per entry."""
    with g.subgraph(name="cluster_marks") as key:
        key.attr(label=marks.title, id="marks-legend", style="rounded", color=muted, fontcolor=text)
        for n, (label, colour) in enumerate(marks.legend):
            key.node(
                f"marks__{n}",
                label=label,
                shape="box",
                style="rounded,filled",
                fillcolor=colour,
                fontcolor=text,
                id=f"marks-legend-{n}",
            )
