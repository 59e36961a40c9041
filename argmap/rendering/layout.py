"""The one place Graphviz runs: lay out DOT in-process with pygraphviz's bundled Graphviz.

Graphviz reports warnings and errors through one process-wide handler. Rather than swapping file
descriptor 2 for the whole process (which loses other threads' messages, and every later one if two
threads swap at once), argmap installs its own handler with `agseterrf` and collects the messages
of one layout at a time: Graphviz's C library keeps global state, so layouts are serialised by a
lock anyway. Only when that handler cannot be installed (a Graphviz that argmap cannot find) does it
fall back to capturing file descriptor 2, under the same lock.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from argmap.core.errors import RenderError
from argmap.rendering.options import ENGINES, FORMATS

__all__ = ["ENGINES", "FORMATS", "Layout", "run_layout", "with_graph_attributes"]


# Messages the bundled libraries print that say nothing about the picture: fontconfig complains
# about newer system configuration files it does not understand; sfdp tries a triangulation-based
# overlap removal first and says the bundled Graphviz lacks it (overlap=scale then does the work).
_NOISE = (
    "Fontconfig warning",
    "Fontconfig error",
    "Error: remove_overlap: Graphviz not built with triangulation library",
)

# Graphviz's C library is not thread-safe (error handler, caches, the layout engines' globals): one
# layout at a time in the process.
_LOCK = threading.Lock()

_ERRF = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_char_p)


@dataclass(frozen=True)
class Layout:
    """A laid-out picture and what Graphviz said while making it."""

    data: bytes
    messages: tuple[str, ...]


class _Handler:
    """Graphviz's error handler: receives message pieces ("Warning", ": ", "text\\n") while installed."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.callback = _ERRF(self._receive)  # kept referenced: Graphviz holds the C pointer
        self.installed: bool | None = None  # None: not tried yet

    def _receive(self, message: bytes | None) -> int:
        if message:
            self.pieces.append(message.decode("utf-8", errors="replace"))
        return 0

    def take(self) -> list[str]:
        text = "".join(self.pieces)
        self.pieces.clear()
        return [line for line in text.splitlines() if line.strip()]


_HANDLER = _Handler()


def _cgraph_candidates() -> Iterator[str]:
    """Where the cgraph library pygraphviz was linked with may be: bundled by the wheel, or the system's."""
    import pygraphviz

    here = os.path.dirname(pygraphviz.__file__)
    for pattern in ("../pygraphviz.libs/libcgraph*", ".dylibs/libcgraph*", "../pygraphviz.libs/cgraph*"):
        yield from sorted(glob.glob(os.path.join(here, pattern)))
    found = ctypes.util.find_library("cgraph")
    if found:
        yield found


def _install_handler(gv: Any) -> bool:
    """Install the handler in the cgraph that pygraphviz uses; proven by a test layout whose warning
    must arrive. Runs once, under _LOCK, with file descriptor 2 captured: fontconfig prints its
    complaints the first time a layout measures text, and this is that first time."""
    with _captured_fd2():
        for path in _cgraph_candidates():
            try:
                library = ctypes.CDLL(path)
                library.agseterrf.restype = ctypes.c_void_p
                library.agseterrf.argtypes = [_ERRF]
                library.agseterrf(_HANDLER.callback)
            except (OSError, AttributeError):
                continue
            _draw(gv, "digraph { a [shape=argmap_probe] }", "dot", "svg")
            if any("argmap_probe" in line for line in _HANDLER.take()):
                return True
            library.agseterrf(_ERRF())  # a null handler: another copy of cgraph: undo, try the next
    return False


@contextmanager
def _captured_fd2() -> Iterator[list[str]]:
    """Collect what C libraries write to file descriptor 2 (Python's sys.stderr cannot see it).

    Process-wide: only used under _LOCK, once per process, or when no handler could be installed.
    """
    lines: list[str] = []
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with tempfile.TemporaryFile(mode="w+b") as sink:
            os.dup2(sink.fileno(), 2)
            try:
                yield lines
            finally:
                os.dup2(saved, 2)
                sink.seek(0)
                text = sink.read().decode("utf-8", errors="replace")
                lines.extend(line for line in text.splitlines() if line.strip())
    finally:
        os.close(saved)


def _draw(gv: Any, dot_source: str, engine: str, fmt: str) -> bytes:
    """Parse, lay out and render with Graphviz's own calls (what AGraph.draw does, without its
    "layout may take a long time" print to sys.stderr: argmap warns before laying out)."""
    import pygraphviz

    graph = pygraphviz.AGraph(string=dot_source)
    context = gv.gvContextWithBuiltins()
    try:
        status = gv.gvLayout(context, graph.handle, engine.encode())
        if status:
            raise RenderError(f"Graphviz could not lay out the graph with {engine} (status {status})")
        try:
            status, data = gv.gvRenderData(context, graph.handle, fmt.encode())
        finally:
            gv.gvFreeLayout(context, graph.handle)
    finally:
        gv.gvFreeContext(context)
    if status:
        raise RenderError(f"Graphviz could not write {fmt} (status {status})")
    return bytes(data)


def with_graph_attributes(dot_source: str, attributes: Mapping[str, str]) -> str:
    """DOT with graph attributes set for one drawing (a PNG's dpi): appended as the last statements
    of the top graph, where they win over earlier settings, so the cache keys on them too."""
    body = dot_source.rstrip()
    if not body.endswith("}"):
        raise RenderError("not a DOT graph: it does not end with '}'")
    settings = "".join(f'\t{name}="{value}"\n' for name, value in sorted(attributes.items()))
    return body[:-1] + settings + "}\n"


def run_layout(
    dot_source: str, *, engine: str = "dot", fmt: str = "svg", isolate: bool = False, size: str = ""
) -> Layout:
    """Lay out DOT text with a Graphviz engine and return the picture in the given format.

    Safe to call from several threads: layouts run one at a time, and nothing of the process's
    standard error is touched after the first call. With `isolate`, the layout runs in a child
    process: Graphviz ends its process when it runs out of memory, and the caller's process (a
    notebook, a web service, the CLI) then survives to say so. `size` describes the picture for
    that message ("1,000 nodes and 10,000 edges").
    """
    if engine not in ENGINES:
        raise RenderError(f"unknown layout engine '{engine}' (choose from {', '.join(ENGINES)})")
    if fmt not in FORMATS:
        raise RenderError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    if isolate:
        return _run_in_child(dot_source, engine, fmt, size)
    import pygraphviz
    from pygraphviz import graphviz as gv

    with _LOCK:
        if _HANDLER.installed is None:
            _HANDLER.installed = _install_handler(gv)
        _HANDLER.take()
        failure: RenderError | None = None
        data = b""
        with _captured_fd2() if not _HANDLER.installed else _no_capture() as captured:
            try:
                data = _draw(gv, dot_source, engine, fmt)
            except RenderError as exc:
                failure = exc
            except (pygraphviz.DotError, OSError, ValueError) as exc:
                failure = RenderError(f"Graphviz failed: {str(exc).strip() or type(exc).__name__}")
        messages = _HANDLER.take() + captured
    useful = tuple(m for m in messages if not m.startswith(_NOISE))
    if failure is not None:
        # Graphviz's own words say more than the binding's ("Invalid Input").
        detail = next((m for m in useful if m.startswith("Error")), None)
        raise RenderError(f"Graphviz failed: {detail}") if detail else failure
    if not data:
        said = "; ".join(useful) or "no message"
        raise RenderError(f"Graphviz produced no output ({said})")
    return Layout(data, useful)


@contextmanager
def _no_capture() -> Iterator[list[str]]:
    yield []


# The child reports a RenderError on its last stderr line after this marker, with exit status 3.
_CHILD_ERROR = "argmap-layout-error: "
_CHILD_FAILED = 3


def _run_in_child(dot_source: str, engine: str, fmt: str, size: str) -> Layout:
    """run_layout in a fresh Python process; a child that dies is explained, never silent."""
    import argmap

    env = dict(os.environ)
    # The child must import this very argmap, installed or not.
    root = os.path.dirname(os.path.dirname(os.path.abspath(argmap.__file__)))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, "-m", "argmap.rendering.layout", engine, fmt],
        input=dot_source.encode("utf-8"),
        capture_output=True,
        env=env,
        check=False,
    )
    lines = [x for x in done.stderr.decode("utf-8", errors="replace").splitlines() if x.strip()]
    useful = [x for x in lines if not x.startswith(_NOISE)]
    if done.returncode == 0:
        return Layout(done.stdout, tuple(useful))
    if done.returncode == _CHILD_FAILED and useful and useful[-1].startswith(_CHILD_ERROR):
        raise RenderError(useful[-1][len(_CHILD_ERROR) :])
    raise RenderError(_death(done.returncode, useful, engine, size))


def _death(status: int, said: list[str], engine: str, size: str) -> str:
    """Why Graphviz's process ended, in words: its signal or exit status, and its last words."""
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        how = f"was killed by {name}"
        if -status == signal.SIGKILL:
            how += " (on Linux, usually the kernel's out-of-memory killer)"
    else:
        how = f"stopped with exit status {status}"
    last = f": {said[-1]}" if said else " without a message"
    what = f" laying out {size}" if size else ""
    return (
        f"Graphviz {how}{what} with {engine}{last}; draw less with --focus NODE --depth N, "
        "or try --layout sfdp"
    )


def _child_main(engine: str, fmt: str) -> int:
    """The child's side: DOT on stdin, the picture on stdout, Graphviz's messages on stderr."""
    try:
        layout = run_layout(sys.stdin.buffer.read().decode("utf-8"), engine=engine, fmt=fmt)
    except RenderError as exc:
        sys.stderr.write(f"{_CHILD_ERROR}{exc}\n")
        return _CHILD_FAILED
    sys.stdout.buffer.write(layout.data)
    sys.stderr.write("".join(f"{m}\n" for m in layout.messages))
    return 0


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1], sys.argv[2]))
