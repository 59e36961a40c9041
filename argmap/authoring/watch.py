"""`argmap watch`: re-validate and re-render a map on every save, served to a page that updates itself."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from argmap.authoring.preview import PAGE, PAGE_CSP, Preview, build_preview, state_json
from argmap.core.load import Workspace

__all__ = ["Watcher", "serve"]


@dataclass
class Watcher:
    """The watched map's current preview and its version; rebuilt whenever a watched file changes."""

    path: Path
    ws: Workspace
    version: int = 0
    preview: Preview | None = None
    changed: threading.Condition = field(default_factory=threading.Condition)

    def rebuild(self) -> Preview:
        preview = build_preview(self.path, self.ws, self.preview)
        with self.changed:
            self.preview = preview
            self.version += 1
            self.changed.notify_all()
        return preview

    def watched_files(self) -> set[Path]:
        """The map, its catalogue, and (once it loads) its source text and the seed manifest."""
        files = {self.path.resolve(), self.ws.catalogue_for(self.path).resolve()}
        files.add((self.ws.seeds_for(self.path) / "seeds.json").resolve())
        from argmap.core.reading import read_json

        data, _ = read_json(self.path, str(self.path), self.ws.reader)
        source = data.get("source") if isinstance(data, dict) else None
        if isinstance(source, dict) and isinstance(source.get("path"), str):
            files.add((self.path.parent / source["path"]).resolve())
        return files

    def state(self, after: int, timeout: float = 20.0) -> bytes:
        """The state once its version differs from `after` (a long poll), or after the timeout."""
        with self.changed:
            self.changed.wait_for(lambda: self.version != after, timeout=timeout)
            assert self.preview is not None
            return state_json(self.preview, self.version)


def _handler(watcher: Watcher, port_of: Callable[[], int]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            port = port_of()
            # Only this machine's names: a page elsewhere cannot reach the preview by DNS rebinding.
            if self.headers.get("Host") not in {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}:
                self.send_error(403, "argmap watch answers only on localhost")
                return
            url = urlsplit(self.path)
            if url.path == "/":
                self._send(PAGE, "text/html; charset=utf-8")
            elif url.path == "/state":
                after = parse_qs(url.query).get("after", ["-1"])[0]
                self._send(
                    watcher.state(int(after) if after.lstrip("-").isdigit() else -1), "application/json"
                )
            else:
                self.send_error(404)

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Security-Policy", PAGE_CSP)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the terminal shows what changed, not every request

    return Handler


def serve(
    watcher: Watcher, port: int, stop: threading.Event, on_change: Callable[[Preview], None]
) -> Iterator[str]:
    """Serve the preview on localhost and rebuild on every change until `stop` is set; yields the
    address once the server listens (so the caller can print or open it)."""
    from watchfiles import watch

    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(watcher, lambda: server.server_address[1]))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="argmap-watch-http", daemon=True)
    thread.start()
    try:
        # One set, updated in place: a map that gains a source path starts watching it too.
        files = watcher.watched_files()
        stamps = _stamps(files)
        on_change(watcher.rebuild())
        yield f"http://127.0.0.1:{server.server_address[1]}/"
        folders = sorted({f.parent for f in files if f.parent.is_dir()})
        # The file system's events come as they happen; every half second the files' stamps are
        # also compared, which catches a save made before the watch began (just after start).
        for _ in watch(
            *folders,
            stop_event=stop,
            watch_filter=lambda _, p: Path(p).resolve() in files,
            yield_on_timeout=True,
            rust_timeout=500,
        ):
            now = _stamps(files)
            if now != stamps:
                stamps = now
                on_change(watcher.rebuild())
                files.update(watcher.watched_files())
                stamps = _stamps(files)
    finally:
        server.shutdown()
        server.server_close()


def _stamps(files: set[Path]) -> dict[Path, tuple[int, int] | None]:
    """Each file's modification time and size (None when it is gone): what a save changes."""
    found: dict[Path, tuple[int, int] | None] = {}
    for f in files:
        try:
            info = f.stat()
        except OSError:
            found[f] = None
        else:
            found[f] = (info.st_mtime_ns, info.st_size)
    return found
