"""A fake Radarr: a local HTTP server speaking API v3 (the endpoints Revenge calls) from a
`RadarrLibrary`, with Radarr's authentication (`X-Api-Key` header or `apikey` query) and
failures on demand.

    with FakeRadarr(generated(200)) as radarr:
        ... point the adapter at radarr.url with API_KEY ...
"""

from __future__ import annotations

import json
import sys
import threading
from collections import deque
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from tests.fakes.radarr.data import RadarrLibrary, stamp

API_KEY = "0123456789abcdef0123456789abcdef"
VERSION = "5.14.0.9383"
Answer = tuple[int, Any]


class FakeRadarr:
    def __init__(self, library: RadarrLibrary | None = None, *, api_key: str = API_KEY,
                 url_base: str = "", port: int = 0) -> None:
        self.library = library or RadarrLibrary()
        self.api_key = api_key
        self.url_base = url_base.rstrip("/")
        self.requests: list[tuple[str, str]] = []
        self._failures: deque[int] = deque()
        self._server = _QuietServer(("127.0.0.1", port), _handler(self))
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}{self.url_base}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def fail_next(self, status: int, times: int = 1) -> None:
        """The next `times` API requests get `status` (e.g. 503 to test retries)."""
        self._failures.extend([status] * times)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- answering ------------------------------------------------------------------

    def answer(self, method: str, target: str, headers: dict[str, str],
               body: bytes) -> Answer:
        parts = urlsplit(target)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        path = parts.path.removeprefix(self.url_base)
        self.requests.append((method, path))
        if not path.startswith("/api/v3/"):
            return 404, None
        if self.api_key not in (headers.get("x-api-key"), query.get("apikey")):
            return 401, None
        if self._failures:
            return self._failures.popleft(), {"message": "injected failure"}
        with self.library.lock:
            return self._route(method, path.removeprefix("/api/v3"), query, body)

    def _route(self, method: str, path: str, query: dict[str, str], body: bytes) -> Answer:
        movies = self.library.movies
        segments = path.strip("/").split("/")
        if method == "POST" and path == "/command":
            return self._command(json.loads(body or b"{}"))
        if method != "GET":
            return 405, {"message": "method not allowed"}
        if segments[0] == "movie" and len(segments) == 2 and segments[1].isdigit():
            movie = movies.get(int(segments[1]))
            return (200, movie) if movie else (404, {"message": "NotFound"})
        if segments[0] == "command" and len(segments) == 2 and segments[1].isdigit():
            command = self.library.commands.get(int(segments[1]))
            return (200, command) if command else (404, {"message": "NotFound"})
        simple = {"/system/status": self._status, "/movie": lambda: sorted(
            movies.values(), key=lambda m: m["id"]), "/qualityprofile": _profiles,
            "/rootfolder": self._root_folders, "/tag": lambda: [{"id": 1, "label": "4k"}]}
        if path in simple:
            return 200, simple[path]()
        if path == "/moviefile":
            return 200, self._files(int(query.get("movieId", "0")))
        if path == "/history/since":
            return self._history_since(query.get("date", ""))
        return 404, {"message": "NotFound"}

    def _status(self) -> dict[str, Any]:
        return {"appName": "Radarr", "instanceName": "Radarr", "version": VERSION,
                "buildTime": "2024-10-01T00:00:00Z", "isDebug": False, "isProduction": True,
                "isAdmin": False, "isUserInteractive": False, "startupPath": "/app/bin",
                "appData": "/config", "osName": "ubuntu", "osVersion": "22.04",
                "isNetCore": True, "isLinux": True, "isOsx": False, "isWindows": False,
                "isDocker": True, "mode": "console", "branch": "master",
                "databaseType": "sqLite", "databaseVersion": "3.44.2", "authentication": "forms",
                "migrationVersion": 240, "urlBase": self.url_base, "runtimeVersion": "8.0.8",
                "runtimeName": ".NET", "startTime": "2024-10-02T08:00:00Z",
                "packageUpdateMechanism": "docker"}

    def _root_folders(self) -> list[dict[str, Any]]:
        roots = sorted({m["rootFolderPath"] for m in self.library.movies.values()}) or ["/movies"]
        return [{"path": root, "accessible": True, "freeSpace": 1 << 40,
                 "unmappedFolders": [], "id": number} for number, root in enumerate(roots, 1)]

    def _files(self, movie_id: int) -> list[dict[str, Any]]:
        movie = self.library.movies.get(movie_id)
        return [movie["movieFile"]] if movie and movie.get("movieFile") else []

    def _history_since(self, date: str) -> Answer:
        try:
            since = datetime.fromisoformat(date.replace("Z", "+00:00"))
        except ValueError:
            return 400, {"message": "date is required"}
        since = since if since.tzinfo else since.replace(tzinfo=UTC)
        return 200, [record for record in self.library.history
                     if datetime.fromisoformat(record["date"].replace("Z", "+00:00")) >= since]

    def _command(self, body: dict[str, Any]) -> Answer:
        name = body.get("name")
        if name not in ("RefreshMovie", "RescanMovie"):
            return 400, {"message": f"unknown command {name!r}"}
        command_id = len(self.library.commands) + 1
        now = stamp(datetime.now(UTC))
        command = {"name": name, "commandName": name.replace("Movie", " Movie"),
                   "body": body, "priority": "normal", "status": "completed",
                   "result": "successful", "queued": now, "started": now, "ended": now,
                   "trigger": "manual", "stateChangeTime": now, "sendUpdatesToClient": True,
                   "updateScheduledTask": True, "id": command_id}
        self.library.commands[command_id] = command
        return 201, {**command, "status": "queued"}


def _profiles() -> list[dict[str, Any]]:
    return [{"name": "Any", "upgradeAllowed": False, "cutoff": 1, "items": [],
             "minFormatScore": 0, "cutoffFormatScore": 0, "formatItems": [], "id": 1},
            {"name": "HD-1080p", "upgradeAllowed": True, "cutoff": 7, "items": [],
             "minFormatScore": 0, "cutoffFormatScore": 0, "formatItems": [], "id": 4}]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _handler(fake: FakeRadarr) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self._reply("GET")

        def do_POST(self) -> None:
            self._reply("POST")

        def _reply(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, document = fake.answer(method, self.path, headers, body)
            payload = b"" if document is None else json.dumps(document).encode()
            self.send_response(status)
            if payload:
                self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler
