"""The fake TMDb's behaviour, independent of the HTTP server that carries it: TMDb's
routes, auth, paging, `append_to_response`, error bodies, failures on demand (429 with
Retry-After, 5xx, invalid JSON), and an image host under /t/p/{size}/{file}."""

from __future__ import annotations

import json
import re
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from revenge.testing.fake_tmdb.catalog import FakeCatalog, page_of
from revenge.testing.fake_tmdb.data import GENRES
from revenge.testing.fake_tmdb.images import artwork

API_KEY = "fake-tmdb-api-key"
READ_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJmYWtlIn0.ZmFrZS1zaWduYXR1cmU"  # noqa: S105 - fake
STATS_PATH = "/__fake__/stats"
_INVALID_KEY = {"status_code": 7, "status_message": "Invalid API key: You must be granted a "
                "valid key.", "success": False}
_NOT_FOUND = {"status_code": 34, "status_message": "The resource you requested could not be "
              "found.", "success": False}
_RATE_LIMITED = {"status_code": 25, "status_message": "Your request count (41) is over the "
                 "allowed limit of 40.", "success": False}
_SERVER_ERROR = {"status_code": 11, "status_message": "Internal error: Something went wrong, "
                 "contact TMDb.", "success": False}

Reply = tuple[int, dict[str, str], bytes]


class Failure:
    def __init__(self, status: int, retry_after: int | None, body: bytes | None) -> None:
        self.status, self.retry_after, self.body = status, retry_after, body


class FakeTmdbApi:
    """Answers `(path, query, headers)` like TMDb at `url` would. Thread-safe."""

    def __init__(self, *, synthetic: int = 0, url: str = "http://127.0.0.1") -> None:
        self.url = url
        self.catalog = FakeCatalog(synthetic)
        self.changed: list[int] = []
        self.requests: list[str] = []
        self.image_requests: list[str] = []
        self.redirect_images_to: str | None = None
        self._failures: deque[Failure] = deque()
        self._lock = threading.Lock()
        self._artwork: dict[str, bytes] = {}

    @property
    def base_url(self) -> str:
        return f"{self.url}/3"

    @property
    def image_base_url(self) -> str:
        return f"{self.url}/t/p/"

    def fail_next(self, status: int, times: int = 1, *, retry_after: int | None = None,
                  body: bytes | None = None) -> None:
        """The next `times` API requests answer `status` (with Retry-After when given)."""
        with self._lock:
            self._failures.extend(Failure(status, retry_after, body) for _ in range(times))

    def clear_failures(self) -> None:
        with self._lock:
            self._failures.clear()

    def api_requests(self, prefix: str = "") -> int:
        with self._lock:
            return sum(1 for path in self.requests if path.startswith(prefix))

    def answer(self, path: str, query: dict[str, str], headers: dict[str, str]) -> Reply:
        if path.startswith("/t/p/"):
            return self._image(path)
        if path == STATS_PATH:
            return _json(200, {"api_requests": len(self.requests),
                               "image_requests": len(self.image_requests)})
        with self._lock:
            self.requests.append(path)
            failure = self._failures.popleft() if self._failures else None
        if failure is not None:
            return _failure_reply(failure)
        if not _authorised(query, headers):
            return _json(401, _INVALID_KEY)
        return self._route(path.removeprefix("/3"), query)

    def _route(self, path: str, query: dict[str, str]) -> Reply:
        for pattern, handler in _ROUTES:
            match = pattern.fullmatch(path)
            if match:
                found = handler(self, query, *match.groups())
                return _json(200, found) if found is not None else _json(404, _NOT_FOUND)
        return _json(404, _NOT_FOUND)

    def _image(self, path: str) -> Reply:
        self.image_requests.append(path)
        if self.redirect_images_to:
            return 302, {"Location": self.redirect_images_to + path}, b""
        match = _IMAGE.fullmatch(path)
        kind = self.catalog.images.get(match.group(2)) if match else None
        if match is None or kind is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        data = self._artwork.get(match.group(2)) or artwork(kind, match.group(2))
        self._artwork[match.group(2)] = data
        content_type = "image/png" if path.endswith(".png") else "image/jpeg"
        return 200, {"Content-Type": content_type}, data

    # --- routes ---------------------------------------------------------------------

    def configuration(self, query: dict[str, str]) -> dict[str, Any]:
        images = {"base_url": self.image_base_url, "secure_base_url": self.image_base_url,
                  "backdrop_sizes": ["w300", "w780", "w1280", "original"],
                  "logo_sizes": ["w45", "w92", "w154", "w185", "w300", "w500", "original"],
                  "poster_sizes": ["w92", "w154", "w185", "w342", "w500", "w780", "original"],
                  "profile_sizes": ["w45", "w185", "h632", "original"],
                  "still_sizes": ["w92", "w185", "w300", "original"]}
        return {"images": images, "change_keys": ["title", "overview", "images"]}

    def search(self, query: dict[str, str]) -> dict[str, Any]:
        year = query.get("year") or query.get("primary_release_year")
        return self.catalog.search(query.get("query", ""), int(year) if year else None,
                                   int(query.get("page", "1")))

    def movie(self, query: dict[str, str], movie_id: str) -> dict[str, Any] | None:
        appended = [p for p in query.get("append_to_response", "").split(",") if p]
        return self.catalog.movie(int(movie_id), appended)

    def similar(self, query: dict[str, str], movie_id: str) -> dict[str, Any] | None:
        found = self.catalog.movie(int(movie_id), ["similar"])
        return found["similar"] if found else None

    def collection(self, query: dict[str, str], collection_id: str) -> dict[str, Any] | None:
        return self.catalog.collection(int(collection_id))

    def find(self, query: dict[str, str], external_id: str) -> dict[str, Any]:
        return self.catalog.find(external_id)

    def changes(self, query: dict[str, str]) -> dict[str, Any]:
        items = [{"id": i, "adult": False} for i in self.changed]
        body = page_of(items, int(query.get("page", "1")))
        body.pop("total_results")
        return body

    def genres(self, query: dict[str, str]) -> dict[str, Any]:
        return {"genres": [{"id": k, "name": v} for k, v in GENRES.items()]}


_IMAGE = re.compile(r"/t/p/(w\d+|h\d+|original)(/\w+\.(?:jpg|png))")
_ROUTES: tuple[tuple[re.Pattern[str], Callable[..., Any]], ...] = tuple(
    (re.compile(pattern), handler) for pattern, handler in (
        (r"/configuration", FakeTmdbApi.configuration),
        (r"/search/movie", FakeTmdbApi.search),
        (r"/movie/changes", FakeTmdbApi.changes),
        (r"/movie/(\d+)", FakeTmdbApi.movie),
        (r"/movie/(\d+)/similar", FakeTmdbApi.similar),
        (r"/collection/(\d+)", FakeTmdbApi.collection),
        (r"/find/(tt\d+)", FakeTmdbApi.find),
        (r"/genre/movie/list", FakeTmdbApi.genres),
    ))


def _authorised(query: dict[str, str], headers: dict[str, str]) -> bool:
    return (query.get("api_key") == API_KEY
            or headers.get("authorization") == f"Bearer {READ_TOKEN}")


def _json(status: int, body: object) -> Reply:
    return status, {"Content-Type": "application/json;charset=utf-8"}, json.dumps(body).encode()


def _failure_reply(failure: Failure) -> Reply:
    status, headers, body = _json(failure.status, _RATE_LIMITED if failure.status == 429
                                  else _SERVER_ERROR)
    if failure.retry_after is not None:
        headers["Retry-After"] = str(failure.retry_after)
    return status, headers, failure.body if failure.body is not None else body
