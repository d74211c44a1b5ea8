"""The fake TMDb served by a stdlib HTTP server in a thread (keep-alive, no Nagle): what
tests use, so they can script failures (`fail_next`) and read the request log."""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from revenge.testing.fake_tmdb.api import API_KEY, READ_TOKEN, FakeTmdbApi

__all__ = ["API_KEY", "READ_TOKEN", "FakeTmdb"]


class FakeTmdb(FakeTmdbApi):
    """`with FakeTmdb() as tmdb:` serves on a free loopback port; point the adapter at
    `tmdb.base_url` with `API_KEY` (or the v4 `READ_TOKEN`)."""

    def __init__(self, *, synthetic: int = 0) -> None:
        self._server = _QuietServer(("127.0.0.1", 0), _handler(self))
        super().__init__(synthetic=synthetic,
                         url=f"http://127.0.0.1:{self._server.server_address[1]}")
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client hanging up is fine
            super().handle_error(request, client_address)


def _handler(fake: FakeTmdbApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, like the real API
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, reply_headers, body = fake.answer(parts.path, query, headers)
            self.send_response(status)
            for name, value in {**reply_headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler
