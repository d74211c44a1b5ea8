"""The built web app (web/build) served at `/` next to the API, on the same port.

Files are read into memory once at start (the build is a few hundred kB), with their
gzip and brotli twins from the build, so a request costs a dict lookup. Hashed assets
under `/_app/immutable/` are cached for a year; everything else (index.html first) is
`no-cache` with an ETag. A browser navigating to any other path that no route answers
(GET/HEAD accepting text/html) gets index.html, so deep links work; API clients keep
getting the API's own 404, and the reserved prefixes below are never shadowed.

Under a path prefix (REVENGE_PUBLIC_URL=https://example.org/revenge) the same build is
served: index.html gets the prefix in its `revenge-base` meta tag and in the `href`s of
its <link> tags, once at start (web/scripts/portable-index.mjs made the page's bootstrap
read its base from that meta tag; every other file loads relative to its own URL).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import mimetypes
from collections.abc import Callable
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

from revenge.entrypoints.http.auth import STATE_KEY, AuthState
from revenge.entrypoints.http.security_headers import (
    docs_csp,
    web_app_csp,
    with_security_headers,
)

RESERVED_PREFIXES = ("/api/", "/healthz", "/readyz", "/startupz", "/metrics", "/docs/")
# The documentation site (mkdocs build, see mkdocs.yml) is served under this path.
DOCS_PREFIX = "/docs"
IMMUTABLE = b"public, max-age=31536000, immutable"
REVALIDATE = b"no-cache"
_ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
_BODY_HEADERS = (b"content-length", b"content-encoding")
BASE_META = b'<meta name="revenge-base" content=""'


def under_prefix(index: bytes, prefix: str) -> bytes:
    """index.html for the app served under `prefix` ("" leaves it as built): the base the
    app's router and `$app/paths` use, and the prefixed URLs of its preloaded files."""
    if not prefix:
        return index
    quoted = html.escape(prefix, quote=True).encode()
    return (index.replace(BASE_META, BASE_META[:-1] + quoted + b'"')
                 .replace(b'href="/', b'href="' + quoted + b"/"))


class Variant(msgspec.Struct, frozen=True):
    """One encoding of a file with its complete response headers (the security headers
    included, with and without HSTS), built once."""

    coding: bytes  # b"br", b"gzip", or b"" for the file as is
    body: bytes
    headers: list[tuple[bytes, bytes]]
    https_headers: list[tuple[bytes, bytes]]

    @classmethod
    def of(cls, coding: bytes, body: bytes, headers: list[tuple[bytes, bytes]]) -> Variant:
        return cls(coding, body, with_security_headers(headers, hsts=False),
                   with_security_headers(headers, hsts=True))


class Asset(msgspec.Struct, frozen=True, kw_only=True):
    """One file: its variants, most compact first, and what a 304 sends: the 200's
    headers without the body's, since a browser applies them to its cached copy (a 304
    without the page's content type and CSP would give the cached page the API's
    `default-src 'none'`, and a blank page on the next reload)."""

    variants: list[Variant]
    etag: bytes

    def not_modified_headers(self, https: bool) -> list[tuple[bytes, bytes]]:
        plain = self.variants[-1]
        headers = plain.https_headers if https else plain.headers
        return [h for h in headers if h[0] not in _BODY_HEADERS]

    def pick(self, accept_encoding: bytes) -> Variant:
        for variant in self.variants:
            if variant.coding in accept_encoding:  # b"" (identity) is in every header
                return variant
        return self.variants[-1]


class WebApp:
    """The files of one build, by URL path (mounted under `mount`: the docs site is at
    "/docs"), served behind the public URL's path `prefix` (see `under_prefix`)."""

    def __init__(self, build_dir: Path, headers: list[tuple[bytes, bytes]] | None = None,
                 *, mount: str = "", prefix: str = "",
                 csp: Callable[[bytes], bytes] = web_app_csp) -> None:
        self.build_dir = build_dir
        self.prefix = prefix
        self._extra = headers or []
        self._csp = csp
        self.assets: dict[str, Asset] = {}
        for path in sorted(build_dir.rglob("*")):
            if path.is_file() and path.suffix not in (".gz", ".br"):
                url = mount + "/" + path.relative_to(build_dir).as_posix()
                self.assets[url] = self._load(path, url)
        self.index = self.assets[mount + "/index.html"]
        self.assets[mount + "/"] = self.index

    @classmethod
    def find(cls, configured: str | None, prefix: str = "") -> WebApp | None:
        """The build named by the setting, else `web/build` of this checkout, if built;
        served under `prefix` (the path of REVENGE_PUBLIC_URL)."""
        folder = Path(configured) if configured else default_build_dir()
        return cls(folder, prefix=prefix) if (folder / "index.html").is_file() else None

    @classmethod
    def find_docs(cls, configured: str | None) -> WebApp | None:
        """The docs site named by the setting, else `site/` of this checkout, if built."""
        folder = Path(configured) if configured else default_docs_dir()
        if not (folder / "index.html").is_file():
            return None
        return cls(folder, mount=DOCS_PREFIX, csp=docs_csp)

    def _load(self, path: Path, url: str) -> Asset:
        body = path.read_bytes()
        cache = IMMUTABLE if url.startswith("/_app/immutable/") else REVALIDATE
        bodies = [(coding.encode(), twin.read_bytes()) for coding, suffix in _ENCODINGS
                  if (twin := path.with_name(path.name + suffix)).is_file()]
        if url == "/index.html" and self.prefix:
            # The build's twins hold the page without the prefix: gzip it anew (a few kB,
            # once); without a brotli encoder here the page goes without its br twin.
            body = under_prefix(body, self.prefix)
            bodies = [(b"gzip", gzip.compress(body, 9))] if bodies else []
        etag = b'"' + hashlib.sha256(body).hexdigest()[:32].encode() + b'"'
        common = [(b"content-type", _content_type(path)), (b"cache-control", cache),
                  (b"etag", etag), (b"x-content-type-options", b"nosniff")]
        if path.suffix == ".html":  # the other security headers come with every response
            common.append((b"content-security-policy", self._csp(body)))
        if bodies:
            common.append((b"vary", b"accept-encoding"))
        variants = [Variant.of(coding, data, [*common, *self._extra,
                                           (b"content-length", str(len(data)).encode()),
                                           *([(b"content-encoding", coding)] if coding else [])])
                    for coding, data in [*bodies, (b"", body)]]
        return Asset(variants=variants, etag=etag)


def _content_type(path: Path) -> bytes:
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if content_type.startswith("text/") or content_type in ("application/javascript",
                                                              "application/json"):
        content_type += "; charset=utf-8"
    return content_type.encode()


def default_build_dir() -> Path:
    """`web/build` at the top of the source tree this package was loaded from."""
    return Path(__file__).resolve().parents[3] / "web" / "build"


def default_docs_dir() -> Path:
    """`site/` at the top of the source tree: where `mkdocs build` writes (mkdocs.yml)."""
    return Path(__file__).resolve().parents[3] / "site"


def with_web_app(app: Litestar, web: WebApp | None, docs: WebApp | None = None) -> ASGIApp:
    """`app` with the web app and the docs site in front of it (or `app` itself when
    neither is built). A path under /docs that the site lacks gets the API's 404."""
    if web is None and docs is None:
        return app
    auth_state: AuthState = app.state[STATE_KEY]

    async def asgi(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP and scope.get("method") in ("GET", "HEAD"):
            if docs is not None and scope["path"] == DOCS_PREFIX:
                # Pages link relatively (../security.html): they must be read from /docs/.
                await _respond(send, 308, [(b"location", b"docs/"),
                                           (b"content-length", b"0")], b"")
                return
            asset = _asset_for(app, web, docs, scope)
            if asset is not None:
                await _send_asset(scope, send, asset, auth_state.https.applies(scope))
                return
        await app(scope, receive, send)

    return asgi


def _asset_for(app: Litestar, web: WebApp | None, docs: WebApp | None,
               scope: Scope) -> Asset | None:
    path: str = scope["path"]
    if path.startswith(RESERVED_PREFIXES) or path == DOCS_PREFIX:
        return docs.assets.get(path) if docs is not None else None
    if web is None:
        return None
    asset = web.assets.get(path)
    if asset is not None or path.startswith("/_app/"):
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


async def _send_asset(scope: Scope, send: Send, asset: Asset, https: bool) -> None:
    if asset.etag in _header(scope, b"if-none-match"):
        await _respond(send, 304, asset.not_modified_headers(https), b"")
        return
    variant = asset.pick(_header(scope, b"accept-encoding"))
    await _respond(send, 200, variant.https_headers if https else variant.headers,
                   b"" if scope.get("method") == "HEAD" else variant.body)


async def _respond(send: Send, status: int, headers: list[tuple[bytes, bytes]],
                   body: bytes) -> None:
    await send(HTTPResponseStartEvent(type="http.response.start", status=status,
                                      headers=headers))
    await send(HTTPResponseBodyEvent(type="http.response.body", body=body, more_body=False))
