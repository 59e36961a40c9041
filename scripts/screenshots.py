"""Take the documentation's screenshots with headless Chromium: python scripts/screenshots.py [OUT_DIR].

docs/report-map.png and docs/report-comparison.png: the HTML report of the seed maps (Panov's map
with its viewer toolbar; the stance heatmap). docs/panov-a4.png and docs/map500-a4.png: the
`render --split` overview and first part of Panov's map and of a generated 500-node map, on a page
794 CSS pixels wide (A4 at 96 dpi), as they print. Needs chromium and chromedriver (Debian).
"""

from __future__ import annotations

import html
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
A4_PX = 794


def browser(width: int, height: int) -> Any:
    """A headless Chromium of the given window size (selenium and Debian's chromium-driver)."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={width},{height}",
        f"--user-data-dir={tempfile.mkdtemp(prefix='argmap-shot-')}",
    ):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    return webdriver.Chrome(options=options, service=service)


def shoot(url: str, out: Path, width: int, height: int, script: str = "", full: bool = False) -> None:
    """Load url, run an optional script, save a PNG of the window (or of the whole page)."""
    driver = browser(width, height)
    try:
        driver.get(url)
        if script:
            driver.execute_script(script)
        if full:
            tall = int(driver.execute_script("return document.documentElement.scrollHeight"))
            driver.set_window_size(width, tall + 100)
            driver.get(url)
        driver.save_screenshot(str(out))
    finally:
        driver.quit()


def a4_page(folder: Path, title: str, pictures: list[str]) -> Path:
    """An A4-wide page showing pictures at the page's width, as a printout would."""
    body = "".join(
        f'<figure><img src="{html.escape(p)}" alt=""><figcaption>{html.escape(p)}</figcaption></figure>'
        for p in pictures
    )
    page = folder / "a4.html"
    page.write_text(
        "<!DOCTYPE html><meta charset='utf-8'><style>body{margin:0;padding:24px 38px;width:"
        f"{A4_PX}px;box-sizing:border-box;font:13px sans-serif}}img{{max-width:100%}}"
        "figure{margin:0 0 18px}figcaption{color:#555}</style>"
        f"<h1 style='font-size:16px'>{html.escape(title)}</h1>{body}",
        encoding="utf-8",
    )
    return page


def main(out: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from generate import argument_map

    from argmap.core.load import Workspace, load_catalogue, load_from, load_peers
    from argmap.rendering.split import render_split
    from argmap.reporting.build import report

    work = Path(tempfile.mkdtemp(prefix="argmap-docs-"))
    ws = Workspace(maps_dir=REPO / "maps")
    maps = sorted(load_from(ws, []), key=lambda m: (m.map.source.date, m.id))
    text = report(maps, "html", catalogue=load_catalogue(REPO / "maps" / "propositions.json"))
    (work / "report.html").write_text(text.text, encoding="utf-8")
    url = (work / "report.html").as_uri()
    shoot(
        url, out / "report-map.png", 1280, 900, "document.querySelector('#map-panov figure').scrollIntoView()"
    )
    shoot(
        url,
        out / "report-comparison.png",
        1280,
        900,
        "document.getElementById('stance-matrix').scrollIntoView()",
    )
    for m, name, title, part in (
        (load_from(ws, ["panov"])[0], "panov-a4.png", "Panov's map, render --split, at A4 width", 1),
        (argument_map(500), "map500-a4.png", "A generated 500-node map, render --split, at A4 width", 2),
    ):
        peers = load_peers(ws, [m]) if m.id == "panov" else {}
        folder = work / m.id
        folder.mkdir()
        pictures = render_split(m, "svg", peers=peers)
        for picture in pictures:
            (folder / picture.name).write_text(str(picture.rendered.data), encoding="utf-8")
        page = a4_page(folder, title, [pictures[0].name, pictures[part].name])
        shoot(page.as_uri(), out / name, A4_PX, 1100, full=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs")
