"""Headless Chromium for the browser tests: found, or a skip outside CI and a failure inside it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


def require_chromium() -> None:
    """CI installs Chromium (.ci/run), so there a browser test must run; elsewhere it may skip."""
    if not (CHROMIUM and DRIVER):
        if os.environ.get("CI"):
            raise RuntimeError("CI must have chromium and chromedriver for the browser tests (see .ci/run)")
        pytest.skip(
            "headless Chromium is not installed (apt-get install chromium chromium-driver)",
            allow_module_level=True,
        )


def start_chrome(profile: Path, width: int = 1200, height: int = 900, *, scripts: bool = True) -> Any:
    """A headless Chromium that makes no network requests of its own (and, with scripts=False, runs
    no JavaScript, as a reader who turned it off)."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not scripts:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=DRIVER))
