"""`argmap render`: draw maps as SVG, PNG, PDF or DOT."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.app import main
from argmap.cli.common import (
    choose_format,
    complete_map_names,
    deliver,
    make_workspace,
    refuse_inputs,
    say,
    workspace_options,
)

_SUFFIX_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


def _refuse_options_without_effect(
    fmt: str, layout: str, embed: bool, links: bool, id_prefix: str | None
) -> None:
    """An option the picture would silently ignore is a usage error: the user expects it to do something."""
    ctx = click.get_current_context()
    if fmt != "svg":
        given = [
            name for name, on in (("--embed", embed), ("--links", links), ("--id-prefix", id_prefix)) if on
        ]
        if given:
            verb = "applies" if len(given) == 1 else "apply"
            raise click.UsageError(f"{' and '.join(given)} only {verb} to SVG; the output format is {fmt}")
    if layout != "dot" and ctx.get_parameter_source("rankdir") is not click.core.ParameterSource.DEFAULT:
        raise click.UsageError(f"--rankdir only applies to --layout dot; {layout} does not rank nodes")


@main.command()
@click.argument("names", metavar="MAP...", nargs=-1, required=True, shell_complete=complete_map_names)
@workspace_options
@click.option("-o", "--output", type=str, default=None, help="Output file, folder, or - for stdout.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["svg", "png", "pdf", "dot"]),
    default=None,
    help="Picture format (default: from the output suffix, else svg).",
)
@click.option("--merge", is_flag=True, help="Draw all maps in one picture, one cluster per author.")
@click.option(
    "--labels",
    type=click.Choice(["text", "quote", "id"]),
    default="text",
    show_default=True,
    help="What nodes show: the paraphrase, the verbatim quote, or the id.",
)
@click.option(
    "--rankdir",
    type=click.Choice(["RL", "LR", "BT", "TB"]),
    default="RL",
    show_default=True,
    help="Direction of the arrows (RL: conclusions on the left).",
)
@click.option("--focus", default=None, help="Draw only the neighbourhood of this node (id or map:id).")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=None,
    help="Relations from --focus (default: 2); only with --focus.",
)
@click.option(
    "--layout",
    type=click.Choice(["dot", "neato", "fdp", "sfdp", "circo", "twopi"]),
    default="dot",
    show_default=True,
    help="Graphviz layout engine.",
)
@click.option("--theme", type=click.Choice(["light", "dark", "print"]), default="light", show_default=True)
@click.option("--legend", is_flag=True, help="Add a small key.")
@click.option("--links", is_flag=True, help="Link each node to #MAP.NODE anchors (for reports).")
@click.option("--embed", is_flag=True, help="SVG for inlining in HTML: no prolog, prefixed ids, scalable.")
@click.option("--id-prefix", default=None, help="Prefix for every SVG id (default with --embed: MAP._svg.).")
@click.option("-v", "--verbose", is_flag=True, help="Show Graphviz's own messages.")
def render(
    names: tuple[str, ...],
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    output: str | None,
    output_format: str | None,
    merge: bool,
    labels: str,
    rankdir: str,
    focus: str | None,
    depth: int | None,
    layout: str,
    theme: str,
    legend: bool,
    links: bool,
    embed: bool,
    id_prefix: str | None,
    verbose: bool,
) -> None:
    """Draw maps as argument graphs: SVG (default), PNG, PDF or DOT.

    Writes NAME.svg in the current folder and prints its path; -o sets the
    file (or a folder for several maps), -o - writes to standard output.
    With --merge, several maps share one picture and cross-map attacks run
    between the authors' clusters.

    Example: argmap render panov kobayashi --merge -o debate.svg
    """
    from argmap.core.ids import group_id
    from argmap.core.load import LoadedMap, load_from, load_peers
    from argmap.rendering.dot import RenderOptions, build_dot
    from argmap.rendering.svg import lay_out

    fmt = choose_format(output_format, output, _SUFFIX_FORMATS, "svg")
    _refuse_options_without_effect(fmt, layout, embed, links, id_prefix)
    if verbose and fmt == "dot":
        raise click.UsageError("--verbose shows Graphviz's messages, and --format dot does not run Graphviz")
    options = RenderOptions(
        labels=labels,
        rankdir=rankdir,
        focus=focus,
        depth=depth,
        layout=layout,
        theme=theme,
        legend=legend,
        links=links,
        embed=embed,
        id_prefix=id_prefix,
    )
    ws = make_workspace(maps_dir, seeds_dir, propositions)
    maps = load_from(ws, names)
    groups = [maps] if merge else [[m] for m in maps]
    if len(groups) > 1 and output == "-":
        raise click.UsageError("-o - writes one picture: give one map, or add --merge")
    if len(groups) > 1 and output is not None and not Path(output).is_dir():
        raise click.UsageError(f"several maps need -o to be an existing folder, or --merge; got {output}")

    peers = load_peers(ws, maps)

    def target_of(group: list[LoadedMap]) -> Path | None:
        # One name per picture: a merged a+b (a_b) is never a map named a-b (core/ids.py).
        stem = group_id(m.id for m in group)
        if output == "-":
            return None
        if output is None:
            return Path(f"{stem}.{fmt}")
        if Path(output).is_dir():
            return Path(output) / f"{stem}.{fmt}"
        return Path(output)

    targets = [target_of(group) for group in groups]
    refuse_inputs(ws, targets)
    for group, target in zip(groups, targets, strict=True):
        doc = build_dot(group, options, peers)
        # Before the layout, which may be what takes minutes.
        for warning in doc.warnings:
            say(f"warning: {warning}", err=True)
        result = lay_out(doc, group, fmt, options)
        if verbose:
            for message in result.graphviz_messages:
                say(f"graphviz: {message}", err=True)
        deliver(target, result.data)
