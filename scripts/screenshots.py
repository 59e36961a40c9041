"""Take the documentation's screenshots with headless Chromium: python scripts/screenshots.py OUT_DIR."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any


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


def shoot(url: str, out: Path, width: int, height: int, script: str = "") -> None:
    """Load url, run an optional script, save a PNG of the window."""
    driver = browser(width, height)
    try:
        driver.get(url)
        if script:
            driver.execute_script(script)
        driver.save_screenshot(str(out))
    finally:
        driver.quit()


if __name__ == "__main__":
    url, out, w, h = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    shoot(url, out, w, h, sys.argv[5] if len(sys.argv) > 5 else "")
