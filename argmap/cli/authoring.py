"""`argmap new`, `argmap convert`, `argmap examples`: start a map, switch JSON and YAML, get examples."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import click

from argmap.cli.app import main
from argmap.cli.common import maps_and_seeds_options


@main.command()
@click.argument("name")
@click.option(
    "--seed", default=None, help="Map a text of seeds/seeds.json (fills title, author, outlet, date)."
)
@click.option(
    "--source", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Map a UTF-8 text file."
)
@click.option("--author", default=None, help="The author whose position the map records.")
@click.option("--title", default=None, help="The text's title.")
@click.option("--date", default=None, help="The text's date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="File format.",
)
@functools.partial(maps_and_seeds_options, maps_help="Folder the map is written to (created if missing).")
def new(
    name: str,
    seed: str | None,
    source: Path | None,
    author: str | None,
    title: str | None,
    date: str | None,
    fmt: str,
    maps_dir: Path,
    seeds_dir: Path | None,
) -> None:
    """Start a map of a text: a valid first draft to fill in, never over an existing map.

    The draft has a placeholder thesis and, in YAML, commented examples of a
    claim, a piece of evidence and a relation with every allowed value.
    Validation flags each TODO until it is replaced. --title and --date
    describe the text (a seed's are filled in); the map's own title is yours
    to write. The project gets schema/ for editors if it has none.

    Example: argmap new kendall --source texts/kendall.txt --author "Ann Kendall"
    """
    import shutil

    from argmap.authoring.skeleton import draft_map, missing_schemas

    draft = draft_map(
        name,
        maps_dir,
        seed=seed,
        source=source,
        seeds_dir=seeds_dir,
        author=author,
        title=title,
        date=date,
        fmt=fmt,
    )
    draft.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: the one check that cannot race with another writer.
        fd = os.open(draft.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise click.ClickException(f"{draft.path} exists; argmap new never overwrites a map") from None
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(draft.text)
    click.echo(str(draft.path))
    # Editors check the map against the schema its $schema names: give the project its own copy.
    for schema, target in missing_schemas(maps_dir):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(schema, target)
        click.echo(f"{target} (for editors: completion and checking as you type)")
    click.echo("next:")
    for step in draft.next_steps:
        click.echo(f"  {step}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Where to write."
)
def convert(file: Path, output: Path | None) -> None:
    """Turn a JSON map or catalogue into YAML, or YAML into JSON, losslessly.

    The output defaults to the same name with the other suffix; an existing
    file is never replaced. The result is read back and compared with the
    input before it is written.

    Example: argmap convert maps/panov.json -o drafts/panov.yaml
    """
    from argmap.authoring.convert import convert_file

    target = convert_file(file, output)
    click.echo(str(target))
    twin = file.with_suffix(target.suffix)
    if output is None and twin == target:
        click.echo(
            f"note: {file.parent}/ now holds {file.name} and {target.name}; a map named "
            f"'{file.stem}' must have one file, so move or delete one of them",
            err=True,
        )


@main.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=Path("argmap-examples"))
def examples(folder: Path) -> None:
    """Copy the example corpus (seed maps and their texts) into FOLDER to try argmap on.

    Installed from a wheel, argmap carries the five texts on Japan-Russia
    relations and their maps; this writes FOLDER/maps, FOLDER/seeds, FOLDER/texts
    (the text docs/authoring.md maps) and FOLDER/schema (for editors),
    never replacing a file. Then `cd FOLDER` and try the README's commands.

    Example: argmap examples try-argmap && cd try-argmap && argmap render panov
    """
    from argmap.authoring.examples import copy_examples

    written = copy_examples(folder)
    click.echo(
        f"{folder}: {len(written)} files (maps/, seeds/, schema/); try: cd {folder} && argmap render panov"
    )
