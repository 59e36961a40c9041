"""`argmap evaluate`: which claims stand once the arguments meet, why, and how strongly."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.app import main
from argmap.cli.common import choose_format, deliver, workspace_options

_SEMANTICS = ("grounded", "complete", "preferred", "stable", "dfquad", "quadratic")
_SUFFIXES = {".txt": "text", ".json": "json", ".csv": "csv", ".iccma": "iccma", ".af": "iccma", ".apx": "apx"}


def parse_base_scores(values: tuple[str, ...]) -> dict[str, float]:
    """--base-score KIND=X options as a mapping; KIND is an evidence kind, 'claim' or 'default'."""
    from argmap.core.errors import UsageError
    from argmap.core.model import EvidenceKind

    kinds = {k.value for k in EvidenceKind} | {"claim", "default"}
    scores: dict[str, float] = {}
    for value in values:
        kind, _, number = value.partition("=")
        if kind not in kinds:
            raise UsageError(f"--base-score {value}: KIND must be one of {', '.join(sorted(kinds))}")
        try:
            scores[kind] = float(number)
        except ValueError:
            raise UsageError(f"--base-score {value}: expected KIND=NUMBER, e.g. statistic=0.8") from None
        if not 0.0 <= scores[kind] <= 1.0:
            raise UsageError(f"--base-score {value}: the score must be between 0 and 1")
    return scores


@main.command()
@click.argument("names", metavar="MAP...", nargs=-1, required=True)
@workspace_options
@click.option(
    "--semantics",
    type=click.Choice(_SEMANTICS),
    default="grounded",
    show_default=True,
    help="Extension semantics (labels in/out/undecided) or gradual (dfquad, quadratic: strengths).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "csv", "iccma", "apx"]),
    default=None,
    help="Output format (default: from the -o suffix, else text); iccma and apx write the framework.",
)
@click.option("-o", "--output", type=str, default=None, help="Output file; - (the default) for stdout.")
@click.option(
    "--limit", type=click.IntRange(min=0), default=20, show_default=True, help="Extensions to list."
)
@click.option(
    "--base-score",
    "base_scores",
    multiple=True,
    metavar="KIND=X",
    help="Base score for gradual semantics per evidence kind, 'claim' or 'default' (default 0.5).",
)
@click.option(
    "--extension",
    "extension_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Label by a solver's extension (ICCMA 'w 1 2', or in(a1) ...) for the --format iccma/apx file.",
)
@click.option("--show", type=click.IntRange(min=1), default=3, show_default=True, help="Reasons per node.")
def evaluate(
    names: tuple[str, ...],
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    semantics: str,
    output_format: str | None,
    output: str | None,
    limit: int,
    base_scores: tuple[str, ...],
    extension_file: Path | None,
    show: int,
) -> None:
    """Say which claims stand once the maps' arguments meet, and why, quoting both sides.

    The maps, joined by the relations between them, become one argumentation
    framework: nodes and relations are arguments, an attack on a premise also
    hits every inference using it, an undercut attacks the inference it denies
    (docs/evaluate.md). Grounded (the default), complete, preferred or stable
    semantics label every node in (stands), out or undecided, naming for each
    node that is out the attackers that defeat it and why they stand. dfquad
    and quadratic give strengths in [0, 1] from base scores (a node's
    base_score, else --base-score, else 0.5), with the relations that move each
    strength most. --format iccma or apx writes the framework for a
    competition solver; --extension reads its answer back as labels.

    Example: argmap evaluate panov kobayashi
    """
    from argmap.core.load import Workspace, display_path, load_from
    from argmap.evaluating.evaluation import evaluate_extension, evaluate_framework
    from argmap.evaluating.formats import format_evaluation
    from argmap.evaluating.framework import BaseScores, build_framework
    from argmap.evaluating.interchange import read_extension, write_apx, write_iccma

    fmt = choose_format(output_format, output, _SUFFIXES, "text")
    scores = parse_base_scores(base_scores)
    default = scores.pop("default", 0.5)
    ws = Workspace(maps_dir=maps_dir, seeds_dir=seeds_dir, catalogue_path=propositions)
    maps = load_from(ws, names)
    ids = [m.id for m in maps]
    fw = build_framework([m.map for m in maps], BaseScores(default, scores))
    target = None if output in (None, "-") else Path(output)
    if fmt in ("iccma", "apx"):
        deliver(target, write_iccma(fw) if fmt == "iccma" else write_apx(fw))
        return
    if extension_file is not None:
        answer = extension_file.read_text(encoding="utf-8", errors="replace")
        found = read_extension(fw, answer, display_path(extension_file))
        result = evaluate_extension(fw, found, maps=ids)
    else:
        result = evaluate_framework(fw, semantics, maps=ids, limit=limit)
    deliver(target, format_evaluation(result, fmt, show=show))
