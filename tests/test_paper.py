"""Pictures for print and slides: PNG resolution, PDF on A4 or Letter, fitted or split into tiles."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pypdf
import pytest

from argmap.rendering.paper import MARGIN, paginate
from argmap.rendering.svg import render
from tests.conftest import REPO
from tests.test_cli_render import run
from tests.test_render import load


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_scale_and_dpi_multiply_the_pixels(work: Path) -> None:
    assert run("render", "essay", "-o", "one.png")[0] == 0
    assert run("render", "essay", "--scale", "2", "-o", "two.png")[0] == 0
    assert run("render", "essay", "--dpi", "288", "-o", "three.png")[0] == 0
    w1, h1 = _png_size((work / "one.png").read_bytes())
    w2, h2 = _png_size((work / "two.png").read_bytes())
    w3, h3 = _png_size((work / "three.png").read_bytes())
    # Graphviz rounds each size once; allow a pixel or two.
    assert abs(w2 - 2 * w1) <= 2 and abs(h2 - 2 * h1) <= 2
    assert abs(w3 - 3 * w1) <= 3 and abs(h3 - 3 * h1) <= 3


def _pages(data: bytes) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) for p in reader.pages]


def test_a_small_map_fits_on_one_a4_page() -> None:
    pdf = render(load("minimal"), "pdf", paper="a4", orientation="portrait")
    assert isinstance(pdf, bytes)
    assert _pages(pdf) == [(595.28, 841.89)]


def test_auto_orientation_turns_the_page_to_fit_a_wide_map() -> None:
    # The essay is 871 x 273 pt: on portrait A4 it would print at 0.6 (split), landscape at 0.88.
    landscape = render(load("essay"), "pdf", paper="a4")
    assert isinstance(landscape, bytes)
    assert _pages(landscape) == [(841.89, 595.28)]
    portrait = render(load("essay"), "pdf", paper="a4", orientation="portrait")
    assert isinstance(portrait, bytes)
    assert _pages(portrait) == [(595.28, 841.89)] * 3  # overview, then two tiles side by side


def test_letter_landscape() -> None:
    pdf = render(load("essay"), "pdf", paper="letter", orientation="landscape")
    assert isinstance(pdf, bytes)
    assert _pages(pdf) == [(792.0, 612.0)]


def test_panov_is_split_into_readable_tiles_after_an_overview() -> None:
    from argmap.core.load import load_map

    panov = load_map(str(REPO / "maps" / "panov.json"))
    raw = render(panov, "pdf")
    assert isinstance(raw, bytes)
    (dw, dh) = _pages(raw)[0]
    pdf = paginate(raw, "a4", "portrait", "auto")
    pages = _pages(pdf)
    # Fitting 1,449 pt on 523 pt of A4 would print 11 pt text at 4 pt: auto splits instead.
    inner_w, inner_h = 595.28 - 2 * MARGIN, 841.89 - 2 * MARGIN
    columns, rows = -(-int(dw * 0.8) // int(inner_w)), -(-int(dh * 0.8) // int(inner_h))
    assert len(pages) == 1 + columns * rows
    assert set(pages) == {(595.28, 841.89)}
    assert paginate(raw, "a4", "portrait", "fit") != pdf
    assert len(_pages(paginate(raw, "a4", "portrait", "fit"))) == 1
    # The overview numbers its tiles.
    overview = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert all(str(n) in overview for n in range(1, columns * rows + 1))
    assert paginate(raw, "a4", "portrait", "auto") == pdf  # same input, same bytes


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--paper", "a4", "-o", "x.svg"], "--paper applies to PDF; the format is svg"),
        (["--scale", "2", "-o", "x.pdf"], "--scale and --dpi apply to PNG; the format is pdf"),
        (["--scale", "2", "--dpi", "100", "-o", "x.png"], "give --scale or --dpi, not both"),
        (
            ["--pages", "split", "--paper", "none", "-o", "x.pdf"],
            "--orientation and --pages apply to PDF on paper (--paper a4|letter)",
        ),
        (
            ["--orientation", "portrait", "-o", "x.png"],
            "--orientation and --pages apply to PDF on paper (--paper a4|letter)",
        ),
    ],
)
def test_output_options_for_the_wrong_format_are_usage_errors(
    work: Path, args: list[str], message: str
) -> None:
    code, out, err = run("render", "essay", *args)
    assert (code, out) == (2, "")
    assert err.endswith(f"Error: {message}\n")
    assert not list(work.glob("x.*"))


def test_cli_pdf_goes_on_a4_unless_told_otherwise(work: Path) -> None:
    assert run("render", "essay", "-o", "a4.pdf")[0] == 0
    assert _pages((work / "a4.pdf").read_bytes()) == [(841.89, 595.28)]  # landscape fits the essay
    assert run("render", "essay", "--paper", "none", "-o", "raw.pdf")[0] == 0
    # The drawing (871 x 273 pt) with the half-inch margin Graphviz gives a PDF.
    assert _pages((work / "raw.pdf").read_bytes()) == [(943.0, 345.0)]
    assert run("render", "essay", "--paper", "letter", "--pages", "split", "-o", "l.pdf")[0] == 0
    assert _pages((work / "l.pdf").read_bytes()) == [(792.0, 612.0)] * 2  # overview and one tile
