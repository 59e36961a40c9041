"""The example corpus (seed maps and their texts), shipped inside the package for a first try."""

from __future__ import annotations

import shutil
from pathlib import Path

from argmap.core.errors import ArgmapError

__all__ = ["copy_examples", "examples_dir"]

_PACKAGE = Path(__file__).parent.parent  # argmap/, where the wheel puts examples/
_PACKAGED = _PACKAGE / "examples"
_CHECKOUT = _PACKAGE.parent  # a checkout: maps/ and seeds/ at the top


def examples_dir() -> Path:
    """The folder holding maps/ and seeds/: the wheel's copy first, then the checkout's."""
    for candidate in (_PACKAGED, _CHECKOUT):
        if (candidate / "maps" / "panov.json").is_file() and (candidate / "seeds" / "seeds.json").is_file():
            return candidate
    raise ArgmapError(f"argmap's example maps are missing: looked in {_PACKAGED} and {_CHECKOUT}")


def copy_examples(target: Path) -> list[Path]:
    """Copy maps/, seeds/, texts/ (the walk-through's text) and schema/ (for editors) into target;
    refuse before copying anything if a file would be replaced."""
    from argmap.core.resources import schema_dir

    source = examples_dir()
    files = sorted(p for folder in ("maps", "seeds") for p in (source / folder).iterdir() if p.is_file())
    destinations = [target / p.relative_to(source) for p in files]
    # The walk-through's text (docs/authoring.md): texts/ in the wheel, docs/walkthrough/ in a checkout.
    for folder in (source / "texts", source / "docs" / "walkthrough"):
        if folder.is_dir():
            texts = sorted(folder.glob("*.txt"))
            files += texts
            destinations += [target / "texts" / p.name for p in texts]
            break
    schemas = sorted(schema_dir().glob("*.schema.json"))
    files += schemas
    destinations += [target / "schema" / p.name for p in schemas]
    clashes = [d for d in destinations if d.exists()]
    if clashes:
        raise ArgmapError(
            f"{clashes[0]} exists; argmap examples never overwrites a file (choose another folder)"
        )
    for src, dst in zip(files, destinations, strict=True):
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
    return destinations
