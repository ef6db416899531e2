"""A tracker's HTTP API on 127.0.0.1, for tests: real sockets, real httpx, nothing mocked.

A fake is an object with `handle(request) -> Reply`; `serve(fake)` runs it on a free port of
the loopback interface in a thread and yields its base URL. `Request` holds what the client
sent (method, path, query, headers, JSON body), kept in `fake.requests`-style lists by the
fakes, so tests can say what went over the wire (and that no token went anywhere but a header).
Faults are the fake's business: a fake can answer 401, 429 with Retry-After, 500 or stall.
"""

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any
    raw: bytes


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (for timeouts): waited on an Event, never slept."""


class Fake(Protocol):
    def handle(self, request: Request) -> Reply: ...


class _Handler(BaseHTTPRequestHandler):
    fake: Fake
    stop: threading.Event

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        return

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        parts = urlsplit(self.path)
        request = Request(
            self.command,
            parts.path,
            parse_qs(parts.query),
            {k.lower(): v for k, v in self.headers.items()},
            body,
            raw,
        )
        reply = self.fake.handle(request)
        if reply.delay:
            self.stop.wait(reply.delay)
        payload = b"" if reply.body is None else json.dumps(reply.body).encode()
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if payload:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve


@contextmanager
def serve(fake: Fake) -> Iterator[str]:
    """Run `fake` on 127.0.0.1 (a free port) until the block ends; yields the base URL."""
    stop = threading.Event()
    handler = type("Handler", (_Handler,), {"fake": fake, "stop": stop})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join()
