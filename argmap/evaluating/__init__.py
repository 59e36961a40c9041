"""Formal semantics over maps: which claims stand once the arguments meet, and how strongly.

A map, or several joined by their cross-map relations, becomes a bipolar argumentation framework
(`build_framework`); `evaluate` labels it in/out/undecided under grounded, complete, preferred or
stable semantics, or scores it with DF-QuAD or quadratic energy, keeping the reasons for each
verdict. `interchange` writes ICCMA and ASPARTIX files and reads a solver's extension back.
How supports and undercuts enter the computation: docs/evaluate.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.core.lazy import lazy_exports

__all__ = [
    "EVALUATION_FORMATS",
    "EXTENSION_SEMANTICS",
    "SEMANTICS",
    "Argument",
    "BaseScores",
    "Evaluation",
    "Framework",
    "build_framework",
    "evaluate",
    "evaluate_framework",
    "format_evaluation",
    "read_extension",
    "write_apx",
    "write_iccma",
]
_EXPORTS = {
    **dict.fromkeys(
        ["Argument", "BaseScores", "Framework", "build_framework"], "argmap.evaluating.framework"
    ),
    **dict.fromkeys(
        ["EXTENSION_SEMANTICS", "SEMANTICS", "Evaluation", "evaluate", "evaluate_framework"],
        "argmap.evaluating.evaluation",
    ),
    **dict.fromkeys(["EVALUATION_FORMATS", "format_evaluation"], "argmap.evaluating.formats"),
    **dict.fromkeys(["read_extension", "write_apx", "write_iccma"], "argmap.evaluating.interchange"),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

if TYPE_CHECKING:
    from argmap.evaluating.evaluation import (
        EXTENSION_SEMANTICS,
        SEMANTICS,
        Evaluation,
        evaluate,
        evaluate_framework,
    )
    from argmap.evaluating.formats import EVALUATION_FORMATS, format_evaluation
    from argmap.evaluating.framework import Argument, BaseScores, Framework, build_framework
    from argmap.evaluating.interchange import read_extension, write_apx, write_iccma
