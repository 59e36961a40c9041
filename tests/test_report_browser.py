"""The HTML report in headless Chromium: no errors, visible maps, working links, no requests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.core.load import Workspace, load_catalogue, validate
from argmap.reporting.build import report
from tests.browser import require_chromium, start_chrome
from tests.conftest import DATA

require_chromium()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    maps = validate(
        [DATA / "valid" / "essay.json", DATA / "valid" / "reply.json"], Workspace(maps_dir=DATA / "valid")
    ).maps
    html = report(maps, "html", catalogue=load_catalogue(DATA / "valid" / "propositions.json")).text
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(html, encoding="utf-8")
    driver = start_chrome(tmp_path_factory.mktemp("chrome"))
    try:
        driver.get(path.as_uri())
        yield driver, path
    finally:
        driver.quit()


def test_no_console_errors(page: tuple[Any, Path]) -> None:
    driver, _ = page
    errors = [entry for entry in driver.get_log("browser") if entry["level"] in {"SEVERE", "ERROR"}]
    assert errors == []


def test_every_map_has_a_size(page: tuple[Any, Path]) -> None:
    driver, _ = page
    sizes = driver.execute_script(
        "return [...document.querySelectorAll('svg')].map(s => {const r = s.getBoundingClientRect();"
        " return [s.id || s.getAttribute('aria-labelledby'), r.width, r.height];});"
    )
    assert len(sizes) == 4  # two maps, the merged debate, the debate coloured by what survives
    assert all(width > 50 and height > 20 for _, width, height in sizes), sizes


def test_clicking_a_node_moves_to_its_passage_and_back(page: tuple[Any, Path]) -> None:
    driver, path = page
    driver.get(path.as_uri())
    # Ids hold "." (core/ids.py): attribute selectors need no CSS escaping.
    link = driver.find_element("css selector", '[id="essay._svg.essay.c2"] a')
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", link)
    assert driver.execute_script("return location.hash") == "#essay.c2"
    in_view = driver.execute_script(
        "const r = document.getElementById('essay.c2').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight;"
    )
    assert in_view
    passage = driver.find_element("css selector", 'mark:has([id="essay.c2"]) a')
    passage.click()
    assert driver.execute_script("return location.hash") == "#essay._svg.essay.c2"


def test_no_request_leaves_the_page(page: tuple[Any, Path]) -> None:
    driver, path = page
    driver.get(path.as_uri())
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == []


# ---------------------------------------------------------------- the map viewer (issue 15)


def _reload(driver: Any, path: Path, width: int = 1200, height: int = 900) -> None:
    driver.set_window_size(width, height)
    driver.get(path.as_uri())


def test_text_in_every_map_is_at_least_11_px_at_the_default_zoom(page: tuple[Any, Path]) -> None:
    driver, path = page
    _reload(driver, path)
    sizes = driver.execute_script(
        "return [...document.querySelectorAll('figure.mapview svg')].map(svg => {"
        " const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
        " return Math.min(...[...svg.querySelectorAll('text')].map("
        "   t => parseFloat(t.getAttribute('font-size')) * scale));});"
    )
    assert len(sizes) == 3
    assert min(sizes) >= 11, sizes


def _transform(driver: Any) -> str:
    return str(driver.execute_script("return document.querySelector('figure.mapview svg').style.transform"))


def test_zoom_buttons_keys_and_drag_change_the_transform(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    driver, path = page
    _reload(driver, path)
    start = _transform(driver)
    assert start == "translate(0px, 0px) scale(1)"
    driver.find_element("css selector", "figure.mapview button[data-act='in']").click()
    zoomed = _transform(driver)
    assert "scale(1.25)" in zoomed
    port = driver.find_element("css selector", "figure.mapview .viewport")
    port.send_keys("-")
    assert "scale(1)" in _transform(driver)
    before = _transform(driver)
    ActionChains(driver).move_to_element(port).click_and_hold().move_by_offset(-80, -30).release().perform()
    panned = _transform(driver)
    assert panned != before and "translate(-" in panned
    port.send_keys("0")
    assert _transform(driver) == start
    # Fit to width: the picture's width becomes the frame's.
    driver.find_element("css selector", "figure.mapview button[data-act='width']").click()
    fitted = driver.execute_script(
        "const p = document.querySelector('figure.mapview .viewport');"
        " return [p.querySelector('svg').getBoundingClientRect().width, p.clientWidth];"
    )
    assert abs(fitted[0] - fitted[1]) < 1, fitted


def test_the_neighbourhood_view_shows_only_the_neighbourhood(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.support.ui import Select

    from argmap.rendering.select import select

    driver, path = page
    _reload(driver, path)
    maps = validate([DATA / "valid" / "essay.json"], Workspace(maps_dir=DATA / "valid")).maps
    expected = select(maps, "c2", 1)
    figure = driver.find_element("css selector", "figure.mapview")
    Select(figure.find_element("css selector", "select.focus")).select_by_value("essay.c2")
    shown = driver.execute_script(
        "const svg = arguments[0].querySelector('svg');"
        " return [...svg.querySelectorAll('.argmap-node')].filter(n => n.style.display !== 'none')"
        "   .map(n => n.id.replace('essay._svg.', ''));",
        figure,
    )
    assert sorted(shown) == sorted(f"{m}.{n}" for m, n in expected.nodes)
    assert len(shown) < len(maps[0].map.nodes)
    figure.find_element("css selector", "button[data-act='all']").click()
    hidden = driver.execute_script(
        "return arguments[0].querySelectorAll('.argmap-node[style*=\"none\"]').length", figure
    )
    assert hidden == 0
    # The keyboard way: Tab to a node's link and press n.
    link = figure.find_element("css selector", "[id='essay._svg.essay.c2'] a")
    driver.execute_script("arguments[0].focus()", link)
    link.send_keys("n")
    assert figure.get_attribute("data-focus") == "essay.c2"
    visible = driver.execute_script(
        "return arguments[0].querySelectorAll('.argmap-node:not([style*=\"none\"])').length", figure
    )
    assert visible == len(expected.nodes)


def test_the_page_reads_at_420_px(page: tuple[Any, Path]) -> None:
    driver, path = page
    _reload(driver, path, 420, 800)
    widths = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], widths
    _reload(driver, path)


def test_without_scripts_maps_show_at_full_size_and_scroll(tmp_path: Path) -> None:
    maps = validate([DATA / "valid" / "essay.json"], Workspace(maps_dir=DATA / "valid")).maps
    path = tmp_path / "report.html"
    path.write_text(report(maps, "html").text, encoding="utf-8")
    driver = start_chrome(tmp_path / "chrome", 500, 800, scripts=False)
    try:
        driver.get(path.as_uri())
        state = driver.execute_script(
            "const f = document.querySelector('figure.mapview'), p = f.querySelector('.viewport'),"
            " s = p.querySelector('svg');"
            " return [f.querySelector('.toolbar').hidden, s.getBoundingClientRect().width,"
            "  s.viewBox.baseVal.width * 4 / 3, p.scrollWidth > p.clientWidth, !!window.argmapViewer];"
        )
    finally:
        driver.quit()
    hidden, width, natural, scrolls, _ = state
    assert hidden is True
    assert abs(width - natural) < 1
    assert scrolls is True


def test_the_policy_blocks_an_injected_inline_script(page: tuple[Any, Path]) -> None:
    driver, path = page
    _reload(driver, path)
    ran = driver.execute_script(
        "window.injected = false;"
        " const s = document.createElement('script'); s.textContent = 'window.injected = true;';"
        " document.body.appendChild(s); return window.injected;"
    )
    assert ran is False
    # The viewer itself ran: it revealed the toolbars.
    assert driver.execute_script("return document.querySelector('.toolbar').hidden") is False


def test_ctrl_wheel_zooms_at_the_pointer(page: tuple[Any, Path]) -> None:
    driver, path = page
    _reload(driver, path)
    transform = driver.execute_script(
        "const port = document.querySelector('figure.mapview .viewport');"
        " const r = port.getBoundingClientRect();"
        " port.dispatchEvent(new WheelEvent('wheel', {deltaY: -200, ctrlKey: true, bubbles: true,"
        "  cancelable: true, clientX: r.left + 100, clientY: r.top + 50}));"
        " return port.querySelector('svg').style.transform;"
    )
    # 1.0015^200 = 1.35; the point under the pointer stays put: x = 100 - 100 * 1.35 = -35,
    # y = 50 - 50 * 1.35 = -17.5 (to within the frame's 1 px border).
    x, y, k = (float(v) for v in re.findall(r"-?[\d.]+", transform))
    assert abs(k - 1.0015**200) < 0.001
    assert abs(x - (100 - 100 * k)) < 1 and abs(y - (50 - 50 * k)) < 1


def test_every_map_of_the_seed_report_reads_at_11_px(page: tuple[Any, Path], tmp_path: Path) -> None:
    from argmap.core.load import load_from, load_peers
    from tests.conftest import REPO

    driver, _ = page
    ws = Workspace(maps_dir=REPO / "maps")
    maps = load_from(ws, [])
    text = report(
        maps,
        "html",
        catalogue=load_catalogue(REPO / "maps" / "propositions.json"),
        peers=load_peers(ws, maps),
    )
    seed = tmp_path / "seed.html"
    seed.write_text(text.text, encoding="utf-8")
    driver.get(seed.as_uri())
    sizes = driver.execute_script(
        "return [...document.querySelectorAll('figure.mapview svg')].map(svg => {"
        " const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
        " return Math.min(...[...svg.querySelectorAll('text')].map("
        "   t => parseFloat(t.getAttribute('font-size')) * scale));});"
    )
    assert len(sizes) == len(maps) + 1  # every map and the merged debate
    assert min(sizes) >= 11, sizes


def test_a_spread_neighbourhood_in_a_big_map_opens_readable_on_its_node(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    import sys

    from tests.conftest import REPO

    sys.path.insert(0, str(REPO / "bench"))
    from generate import argument_map

    driver, _ = page
    big = tmp_path / "big.html"
    big.write_text(report([argument_map(300)], "html").text, encoding="utf-8")
    driver.get(big.as_uri())
    zoom, inside = driver.execute_script(
        "const f = document.querySelector('figure.mapview'); f.scrollIntoView();"
        " const s = f.querySelector('select.focus'); s.value = 'gen300.c4';"
        " s.dispatchEvent(new Event('change'));"
        " const port = f.querySelector('.viewport').getBoundingClientRect();"
        " const node = f.querySelector('.argmap-node.' + CSS.escape('gen300.c4')).getBoundingClientRect();"
        " return [parseFloat(f.getAttribute('data-zoom')), node.left >= port.left && node.right <= port.right"
        "   && node.top >= port.top && node.bottom <= port.bottom];"
    )
    # c4's neighbourhood reaches the thesis far away: fitting it all would shrink text to specks.
    assert zoom >= 0.6
    assert inside is True
