"""Laid-out SVG kept on disk by a hash of its DOT, so a picture that did not change is not laid out again.

`argmap report` draws every map and every merged pair on each run; on the seed maps the layouts
are most of its time, and most pictures are the same as on the last run. The key is the SHA-256 of
the DOT text, the engine, the format and the versions of argmap and of the bundled Graphviz, so
the bytes returned are the bytes a fresh layout would give. Only SVG pictures that Graphviz laid out
without a message are kept. The folder: $ARGMAP_CACHE_DIR (empty: no cache), else
$XDG_CACHE_HOME/argmap/layouts, else ~/.cache/argmap/layouts. A cache that cannot be read or
written is simply not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

from argmap.rendering.layout import Layout, run_layout

__all__ = ["MAX_ENTRIES", "cache_folder", "cached_layout"]

# Each picture is tens of kilobytes; past this many the oldest are removed.
MAX_ENTRIES = 400


def cache_folder() -> Path | None:
    """Where layouts are kept, or None when caching is off."""
    explicit = os.environ.get("ARGMAP_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "argmap" / "layouts"


@cache
def _versions() -> str:
    """argmap's version and the identity of the Graphviz build pygraphviz bundles, found without
    importing either pygraphviz or importlib.metadata (a cache hit should cost neither)."""
    import importlib.util

    from argmap import __version__

    spec = importlib.util.find_spec("pygraphviz")
    builds: list[str] = []
    if spec is not None and spec.origin is not None:
        package = Path(spec.origin).parent
        for library in sorted([*package.glob("*.so*"), *package.parent.glob("pygraphviz.libs/*")]):
            info = library.stat()
            builds.append(f"{library.name}:{info.st_size}:{info.st_mtime_ns}")
    return f"argmap {__version__}; " + ", ".join(builds)


def cached_layout(
    dot_source: str, *, engine: str = "dot", fmt: str = "svg", isolate: bool = False, size: str = ""
) -> Layout:
    """run_layout, answered from the cache when the same DOT was laid out before."""
    folder = cache_folder()
    if folder is None or fmt != "svg":
        return run_layout(dot_source, engine=engine, fmt=fmt, isolate=isolate, size=size)
    key = hashlib.sha256(f"{_versions()}\n{engine}\n{fmt}\n{dot_source}".encode()).hexdigest()
    entry = folder / f"{key}.{fmt}"
    with contextlib.suppress(OSError):
        return Layout(entry.read_bytes(), ())
    layout = run_layout(dot_source, engine=engine, fmt=fmt, isolate=isolate, size=size)
    if not layout.messages:
        _store(folder, entry, layout.data)
    return layout


def _store(folder: Path, entry: Path, data: bytes) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temp, entry)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        entries = sorted(folder.glob(f"*{entry.suffix}"), key=lambda p: p.stat().st_mtime)
        for old in entries[: max(0, len(entries) - MAX_ENTRIES)]:
            old.unlink()
    except OSError:
        return  # a read-only or full disk only costs the next run its speed
