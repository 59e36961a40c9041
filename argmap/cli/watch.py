"""`argmap watch`: a live preview of a map while you edit it."""

from __future__ import annotations

import threading
from pathlib import Path

import click

from argmap.cli.app import main
from argmap.cli.common import complete_map_names, make_workspace, workspace_options


@main.command()
@click.argument("name", metavar="MAP", shell_complete=complete_map_names)
@workspace_options
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one)."
)
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in the web browser.")
def watch(
    name: str,
    maps_dir: Path,
    seeds_dir: Path | None,
    propositions: Path | None,
    port: int,
    open_browser: bool,
) -> None:
    """Re-validate and re-draw a map on every save, in a page that updates itself.

    Serves on 127.0.0.1 only (a free port unless --port), printed on start:
    the rendered map, every problem with its place, and the source text with
    each quote highlighted. Watches the map, its source text and catalogue.
    Ctrl-C stops it.

    Example: argmap watch kendall --open
    """
    from argmap.authoring.watch import Watcher, serve
    from argmap.core.load import resolve_maps

    path = resolve_maps([name], maps_dir)[0]
    ws = make_workspace(maps_dir, seeds_dir, propositions)
    stop = threading.Event()
    watcher = Watcher(path, ws)
    try:
        for url in serve(watcher, port, stop, lambda p: click.echo(p.summary)):
            click.echo(f"watching {path} at {url} (ctrl-C stops)")
            if open_browser:
                import webbrowser

                if not webbrowser.open(url):
                    click.echo(f"no web browser could be opened here: open {url} yourself")
    except KeyboardInterrupt:
        stop.set()
    except OSError as exc:
        raise click.ClickException(f"cannot serve the preview: {exc.strerror or exc}") from None
    click.echo("stopped")
