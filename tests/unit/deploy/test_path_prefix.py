"""The path prefix of REVENGE_PUBLIC_URL: requests with or without it reach the same
route, and what the app builds knows the prefix."""

from __future__ import annotations

from typing import Any

import pytest

from revenge.entrypoints.http.path_prefix import prefix_of, public_prefix, with_path_prefix


@pytest.mark.parametrize(("url", "prefix"), [
    (None, ""), ("http://localhost:8096", ""), ("https://example.org/", ""),
    ("https://example.org/revenge", "/revenge"), ("https://example.org/a/b/", "/a/b")])
def test_the_prefix_is_the_public_urls_path(url: str | None, prefix: str) -> None:
    assert public_prefix(url) == prefix


@pytest.mark.parametrize(("path", "seen"), [
    ("/revenge/api/v1/movies", "/api/v1/movies"), ("/api/v1/movies", "/api/v1/movies"),
    ("/revenge", "/"), ("/revenge-x/api", "/revenge-x/api"),
    ("/api/v1/movies/revenge", "/api/v1/movies/revenge")])
async def test_requests_with_or_without_the_prefix_reach_the_same_path(
        path: str, seen: str) -> None:
    scopes: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        scopes.append(scope)

    wrapped = with_path_prefix(app, "/revenge")
    await wrapped({"type": "http", "path": path, "raw_path": path.encode()},  # type: ignore[arg-type]
                  None, None)  # type: ignore[arg-type]
    assert (scopes[0]["path"], scopes[0]["raw_path"]) == (seen, seen.encode())
    assert prefix_of(scopes[0]) == "/revenge"
