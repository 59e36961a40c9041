"""Maps on paper: a Graphviz PDF fitted to A4 or Letter, or split across pages after an overview.

Graphviz's PDF is one page the size of the drawing (a 40-node map is 20 inches wide); cairo does
not paginate. pypdf places that page on real sheets: scaled down to fit when the text stays
readable, otherwise at a readable scale in tiles, with a first page showing the whole map and the
numbered tiles. Pages are built from the same drawing, so nothing is laid out twice.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from argmap.core.errors import UsageError
from argmap.rendering.options import ORIENTATIONS, PAGES

__all__ = ["ORIENTATIONS", "PAGES", "PAPERS", "Sheet", "paginate", "sheet"]

# Sizes in PostScript points (1/72 inch), portrait.
PAPERS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
MARGIN = 36.0  # half an inch
# Node text is 11 pt; below 0.7 it prints under 8 pt, the smallest size that reads comfortably.
MIN_FIT_SCALE = 0.7
TILE_SCALE = 0.8


@dataclass(frozen=True)
class Sheet:
    """A page size and its printable area."""

    width: float
    height: float

    @property
    def inner(self) -> tuple[float, float]:
        return self.width - 2 * MARGIN, self.height - 2 * MARGIN


def sheet(paper: str, orientation: str, drawing: tuple[float, float]) -> Sheet:
    """The page for a drawing: `auto` turns the sheet to match the drawing's shape."""
    if paper not in PAPERS:
        raise UsageError(f"--paper must be one of {', '.join(PAPERS)}; got '{paper}'")
    if orientation not in ORIENTATIONS:
        raise UsageError(f"--orientation must be one of {', '.join(ORIENTATIONS)}; got '{orientation}'")
    short, long = PAPERS[paper]
    landscape = orientation == "landscape" or (orientation == "auto" and drawing[0] > drawing[1])
    return Sheet(long, short) if landscape else Sheet(short, long)


def _grid_stream(boxes: list[tuple[float, float, float, float]]) -> bytes:
    """PDF operators drawing numbered tile outlines (font resource /ArgmapF1, Helvetica)."""
    ops = ["q 0.835 0.369 0 RG 0.8 w [4 3] 0 d"]
    for x, y, w, h in boxes:
        ops.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re S")
    ops.append("Q")
    for number, (x, y, _, h) in enumerate(boxes, start=1):
        ops.append(f"BT /ArgmapF1 9 Tf 0.835 0.369 0 rg {x + 3:.2f} {y + h - 11:.2f} Td ({number}) Tj ET")
    return "\n".join(ops).encode("ascii")


def paginate(pdf: bytes, paper: str, orientation: str = "auto", pages: str = "auto") -> bytes:
    """Put a one-page drawing on sheets of paper: fitted on one, or an overview then tiles.

    The drawing becomes one form XObject that every sheet places with its own scale, offset and
    clip: nothing is copied or re-parsed per page, so a split costs little more than a fit.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject

    if pages not in PAGES:
        raise UsageError(f"--pages must be one of {', '.join(PAGES)}; got '{pages}'")
    drawing = PdfReader(io.BytesIO(pdf)).pages[0]
    dw, dh = float(drawing.mediabox.width), float(drawing.mediabox.height)
    page = sheet(paper, orientation, (dw, dh))
    iw, ih = page.inner
    fit = min(iw / dw, ih / dh, 1.0)
    split = pages == "split" or (pages == "auto" and fit < MIN_FIT_SCALE)
    writer = PdfWriter()

    contents = drawing.get_contents()
    assert contents is not None  # Graphviz always draws something
    form = DecodedStreamObject()
    form.set_data(contents.get_data())
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(
                [FloatObject(0), FloatObject(0), FloatObject(dw), FloatObject(dh)]
            ),
            NameObject("/Resources"): drawing["/Resources"].clone(writer),
        }
    )
    form_ref = writer._add_object(form.flate_encode())
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    resources = DictionaryObject(
        {
            NameObject("/XObject"): DictionaryObject({NameObject("/ArgmapMap"): form_ref}),
            NameObject("/Font"): DictionaryObject({NameObject("/ArgmapF1"): font}),
        }
    )

    def sheet_page(operators: str) -> None:
        target = writer.add_blank_page(page.width, page.height)
        target[NameObject("/Resources")] = resources
        stream = DecodedStreamObject()
        stream.set_data(operators.encode("ascii"))
        target[NameObject("/Contents")] = writer._add_object(stream)

    def place(scale: float, dx: float, dy: float, clip: str = "") -> str:
        return f"q {clip}{scale:.5f} 0 0 {scale:.5f} {dx:.2f} {dy:.2f} cm /ArgmapMap Do Q\n"

    ox = (page.width - dw * fit) / 2
    oy = (page.height - dh * fit) / 2
    overview = place(fit, ox, oy)
    tiles: list[str] = []
    if split:
        # Tiles at a readable scale, in reading order (rows from the top, left to right).
        columns = max(1, math.ceil(dw * TILE_SCALE / iw))
        rows = max(1, math.ceil(dh * TILE_SCALE / ih))
        tw, th = dw / columns, dh / rows  # each tile's share of the drawing, in drawing points
        scale = min(iw / tw, ih / th, 1.0)
        boxes = []
        for row in range(rows):
            for column in range(columns):
                x0, y0 = column * tw, dh - (row + 1) * th
                boxes.append((ox + x0 * fit, oy + y0 * fit, tw * fit, th * fit))
                top = MARGIN + ih - th * scale
                clip = f"{MARGIN:.2f} {top:.2f} {tw * scale:.2f} {th * scale:.2f} re W n "
                tiles.append(place(scale, MARGIN - x0 * scale, top - y0 * scale, clip))
        overview += _grid_stream(boxes).decode("ascii")
    for operators in [overview, *tiles]:
        sheet_page(operators)
    # Same input, same bytes: a fixed producer, and pypdf derives the document id from the content.
    writer.add_metadata({"/Producer": "argmap"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
