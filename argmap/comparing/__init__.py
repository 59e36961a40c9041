"""Comparing authors: the stance matrix, pairwise measures, engagement and evidence, as one Comparison value.

`matrix.compare` builds the value from loaded maps; `formats/` writes it as text, Markdown, JSON,
CSV, GraphML or SVG.
"""

from __future__ import annotations

from argmap.comparing.actors import speaker_key
from argmap.comparing.comparison import Comparison
from argmap.comparing.formats import FORMATS, format_comparison
from argmap.comparing.matrix import compare

__all__ = ["FORMATS", "Comparison", "compare", "format_comparison", "speaker_key"]
