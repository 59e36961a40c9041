"""Themes for rendered maps: colour-blind-safe colours that also read in grey print."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["THEMES", "Theme"]


@dataclass(frozen=True)
class Theme:
    """Colours and fonts of one look. Support and attack also differ in line style and arrowhead,
    so nothing depends on colour alone."""

    name: str
    background: str
    text: str
    muted: str
    claim_fill: str
    evidence_fill: str
    thesis_fill: str
    border: str
    support: str
    attack: str
    cluster: str
    font: str = "Helvetica"


# Okabe-Ito palette: blue (#0072B2) and vermillion (#D55E00) stay distinct for the common forms of
# colour blindness and differ in lightness, so they separate in greyscale too.
THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        background="white",
        text="#1a1a1a",
        muted="#555555",
        claim_fill="#ffffff",
        evidence_fill="#eef4fa",
        thesis_fill="#fff4d6",
        border="#333333",
        support="#0072B2",
        attack="#D55E00",
        cluster="#f7f7f7",
    ),
    "dark": Theme(
        name="dark",
        background="#1e1e1e",
        text="#f0f0f0",
        muted="#b0b0b0",
        claim_fill="#2b2b2b",
        evidence_fill="#22303c",
        thesis_fill="#4a3f1f",
        border="#d0d0d0",
        support="#56B4E9",
        attack="#E69F00",
        cluster="#262626",
    ),
    "print": Theme(
        name="print",
        background="white",
        text="black",
        muted="#444444",
        claim_fill="white",
        evidence_fill="#eeeeee",
        thesis_fill="#dddddd",
        border="black",
        support="black",
        attack="#555555",
        cluster="#f4f4f4",
    ),
}
