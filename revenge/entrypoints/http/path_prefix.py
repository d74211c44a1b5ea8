"""Revenge under a path prefix (`REVENGE_PUBLIC_URL=https://example.org/revenge`).

A proxy may pass requests on with the prefix (`/revenge/api/v1/...`) or strip it
(`/api/v1/...`): either way the app routes the path without it, and the prefix is kept
in the scope as `app_root_path` (Litestar's base URL uses it), for the URLs the server
builds: media URLs, Location headers, the refresh cookie's path, the web app's base.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from litestar.types import ASGIApp, Receive, Scope, Send

SCOPE_KEY = "app_root_path"


def public_prefix(public_url: str | None) -> str:
    """"/revenge" for https://example.org/revenge/, "" without a path."""
    return urlsplit(public_url or "").path.rstrip("/")


def prefix_of(scope: Any) -> str:
    """The prefix the request was served under ("" for none)."""
    return str(scope.get(SCOPE_KEY, "") or "")


def with_path_prefix(app: ASGIApp, prefix: str) -> ASGIApp:
    if not prefix:
        return app

    async def asgi(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            scope = {**scope, "path": _strip(scope["path"], prefix),  # type: ignore[assignment]
                     "raw_path": _strip_raw(scope.get("raw_path") or b"", prefix),
                     SCOPE_KEY: prefix}
        await app(scope, receive, send)

    return asgi



def _strip(path: str, prefix: str) -> str:
    if path == prefix or path.startswith(prefix + "/"):
        return path[len(prefix):] or "/"
    return path


def _strip_raw(raw: bytes, prefix: str) -> bytes:
    return _strip(raw.decode("latin-1"), prefix).encode("latin-1")
