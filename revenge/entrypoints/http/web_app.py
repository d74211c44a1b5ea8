"""The built web app (web/build) served at `/` next to the API, on the same port.

Files are read into memory once at start (the build is a few hundred kB), with their
gzip and brotli twins from the build, so a request costs a dict lookup. Hashed assets
under `/_app/immutable/` are cached for a year; everything else (index.html first) is
`no-cache` with an ETag. A browser navigating to any other path that no route answers
(GET/HEAD accepting text/html) gets index.html, so deep links work; API clients keep
getting the API's own 404, and the reserved prefixes below are never shadowed.
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
import re
from pathlib import Path
from typing import cast

import msgspec
from litestar import Litestar
from litestar.enums import ScopeType
from litestar.exceptions import ClientException, NotFoundException
from litestar.types import (
    ASGIApp,
    HTTPResponseBodyEvent,
    HTTPResponseStartEvent,
    Method,
    Receive,
    Scope,
    Send,
)
from litestar.utils import normalize_path

RESERVED_PREFIXES = ("/api/", "/healthz", "/readyz", "/startupz", "/metrics")
IMMUTABLE = b"public, max-age=31536000, immutable"
REVALIDATE = b"no-cache"
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)
_ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


class Asset(msgspec.Struct, frozen=True, kw_only=True):
    """One file: its bodies by content coding ("" is identity) and fixed headers."""

    bodies: dict[str, bytes]
    headers: list[tuple[bytes, bytes]]
    etag: bytes

    def pick(self, accept_encoding: bytes) -> tuple[str, bytes]:
        for coding, _ in _ENCODINGS:
            if coding in self.bodies and coding.encode() in accept_encoding:
                return coding, self.bodies[coding]
        return "", self.bodies[""]


class WebApp:
    """The files of one build, by URL path."""

    def __init__(self, build_dir: Path, headers: list[tuple[bytes, bytes]] | None = None) -> None:
        self.build_dir = build_dir
        self._extra = headers or []
        self.assets: dict[str, Asset] = {}
        for path in sorted(build_dir.rglob("*")):
            if path.is_file() and path.suffix not in (".gz", ".br"):
                url = "/" + path.relative_to(build_dir).as_posix()
                self.assets[url] = self._load(path, url)
        self.index = self.assets["/index.html"]
        self.assets["/"] = self.index

    @classmethod
    def find(cls, configured: str | None) -> WebApp | None:
        """The build named by the setting, else `web/build` of this checkout, if built."""
        folder = Path(configured) if configured else default_build_dir()
        return cls(folder) if (folder / "index.html").is_file() else None

    def _load(self, path: Path, url: str) -> Asset:
        body = path.read_bytes()
        bodies = {"": body}
        for coding, suffix in _ENCODINGS:
            twin = path.with_name(path.name + suffix)
            if twin.is_file():
                bodies[coding] = twin.read_bytes()
        etag = b'"' + hashlib.sha256(body).hexdigest()[:32].encode() + b'"'
        content_type = (mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        if content_type.startswith("text/") or content_type in ("application/javascript",
                                                                  "application/json"):
            content_type += "; charset=utf-8"
        cache = IMMUTABLE if url.startswith("/_app/immutable/") else REVALIDATE
        headers = [(b"content-type", content_type.encode()), (b"cache-control", cache),
                   (b"etag", etag), (b"x-content-type-options", b"nosniff")]
        if path.suffix == ".html":
            headers += [(b"content-security-policy", content_security_policy(body)),
                        (b"referrer-policy", b"same-origin"),
                        (b"x-frame-options", b"DENY")]
        if len(bodies) > 1:
            headers.append((b"vary", b"accept-encoding"))
        return Asset(bodies=bodies, headers=headers + self._extra, etag=etag)


def default_build_dir() -> Path:
    """`web/build` at the top of the source tree this package was loaded from."""
    return Path(__file__).resolve().parents[3] / "web" / "build"


def content_security_policy(html: bytes) -> bytes:
    """Scripts only from this origin plus SvelteKit's inline bootstrap, by hash; media
    and workers may use blob: URLs (hls.js feeds the player through them)."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(html))
    return ("default-src 'self'; "
            f"script-src 'self' {hashes}; "
            "style-src 'self' 'unsafe-inline'; "  # bits-ui positions popovers inline
            "img-src 'self' data: blob:; media-src 'self' blob:; worker-src 'self' blob:; "
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            "form-action 'self'; frame-ancestors 'none'").encode()


def with_web_app(app: Litestar, web: WebApp | None) -> ASGIApp:
    """`app` with the web app in front of it (or `app` itself when there is no build)."""
    if web is None:
        return app

    async def asgi(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP and scope.get("method") in ("GET", "HEAD"):
            asset = _asset_for(app, web, scope)
            if asset is not None:
                await _send_asset(scope, send, asset)
                return
        await app(scope, receive, send)

    return asgi


def _asset_for(app: Litestar, web: WebApp, scope: Scope) -> Asset | None:
    path: str = scope["path"]
    asset = web.assets.get(path)
    if asset is not None or path.startswith(RESERVED_PREFIXES) or path.startswith("/_app/"):
        return asset
    method = cast("Method", scope.get("method"))
    if b"text/html" not in _header(scope, b"accept") or _routed(app, path, method):
        return None
    return web.index


def _routed(app: Litestar, path: str, method: Method) -> bool:
    """Whether one of the server's own routes answers this path (any method)."""
    try:
        app.asgi_router.handle_routing(normalize_path(path), method)
    except NotFoundException:
        return False
    except ClientException:  # 405 and the like: the route exists
        return True
    return True


def _header(scope: Scope, name: bytes) -> bytes:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return b""


async def _send_asset(scope: Scope, send: Send, asset: Asset) -> None:
    if asset.etag in _header(scope, b"if-none-match"):
        await _respond(send, 304, [h for h in asset.headers if h[0] in (b"etag", b"cache-control")],
                       b"")
        return
    coding, body = asset.pick(_header(scope, b"accept-encoding"))
    headers = [*asset.headers, (b"content-length", str(len(body)).encode())]
    if coding:
        headers.append((b"content-encoding", coding.encode()))
    await _respond(send, 200, headers, b"" if scope.get("method") == "HEAD" else body)


async def _respond(send: Send, status: int, headers: list[tuple[bytes, bytes]],
                   body: bytes) -> None:
    await send(HTTPResponseStartEvent(type="http.response.start", status=status,
                                      headers=headers))
    await send(HTTPResponseBodyEvent(type="http.response.body", body=body, more_body=False))
