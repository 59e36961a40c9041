"""Upgrade maps and proposition catalogues written in an older format version to the current one."""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.core.errors import ArgmapError
from argmap.core.model import FORMAT_VERSION

__all__ = ["migrate_data", "migrate_text"]


def migrate_data(data: Any, file: str) -> tuple[dict[str, Any], list[str]]:
    """The upgraded document and one line per change; raises ArgmapError for what is not a map or
    catalogue of a known version. Keys keep their order, so a diff shows only what changed."""
    if not isinstance(data, dict) or not ({"nodes", "propositions"} & set(data)):
        raise ArgmapError(f"{file}: not an argmap map or proposition catalogue")
    version = data.get("version")
    if version == FORMAT_VERSION:
        return dict(data), []
    if version != 1:
        known = f"this argmap reads 1 and {FORMAT_VERSION}"
        raise ArgmapError(f"{file}::$.version: unknown format version {version!r} ({known})")
    upgraded = {key: (FORMAT_VERSION if key == "version" else value) for key, value in data.items()}
    changes = [f"version 1 -> {FORMAT_VERSION}"]
    # Version 1 had no time: every stance was about the time of writing, which is exactly what a
    # version 2 stance without a period means, and every proposition was descriptive and
    # time-bound, which are version 2's defaults. Nothing else needs rewriting.
    if "propositions" in data:
        changes.append("propositions: kind defaults to descriptive, timeless to false; review both")
    elif any(isinstance(n, dict) and n.get("stances") for n in data.get("nodes") or []):
        changes.append("stances keep no period: each is about the source's date, as before")
    return upgraded, changes


_VERSION = re.compile(r'("version"\s*:\s*)1(?=\s*[,}])')


def migrate_text(text: str, file: str) -> tuple[str, list[str]]:
    """The upgraded text of a JSON map or catalogue, keeping the author's own layout: only the
    version number is rewritten (checked by parsing both), else the whole file is re-indented."""
    data = json.loads(text)
    upgraded, changes = migrate_data(data, file)
    if not changes:
        return text, changes
    edited = _VERSION.sub(lambda m: m.group(1) + str(FORMAT_VERSION), text, count=1)
    if json.loads(edited) == upgraded:
        return edited, changes
    return json.dumps(upgraded, indent=2, ensure_ascii=False) + "\n", changes
