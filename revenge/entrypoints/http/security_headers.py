"""Security headers on every response, and the Content-Security-Policy of the web app.

Every response gets `X-Content-Type-Options: nosniff`, `Referrer-Policy: same-origin`
(media URLs carry tokens: they must not leak to other sites), `X-Frame-Options: DENY`
and a CSP with `frame-ancestors 'none'`; API answers (not HTML) get `default-src 'none'`
too, since nothing in them should ever run. Over https, `Strict-Transport-Security`.
A header the route set itself (the web app's own CSP) is kept.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
from collections.abc import Awaitable, Callable, Sequence

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
BeforeSend = Callable[[Message, Scope], Awaitable[None]]

HSTS = (b"strict-transport-security", b"max-age=31536000")
API_CSP = b"default-src 'none'; frame-ancestors 'none'"
HTML_CSP = b"frame-ancestors 'none'"
ALWAYS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
_INLINE_SCRIPT = re.compile(rb"<script(?:\s[^>]*)?>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_SRC_ATTRIBUTE = re.compile(rb"\ssrc\s*=", re.IGNORECASE)


def web_app_csp(index_html: bytes) -> bytes:
    """The web app's policy: scripts from this origin plus the inline ones of
    `index_html` (SvelteKit's bootstrap) by their sha256, never 'unsafe-inline'; images
    from this origin only (they all come through the image endpoint; the TOTP QR code is
    inline SVG); media and workers may use blob: URLs (hls.js feeds the video element
    and its worker through them)."""
    scripts = " ".join(["'self'", *(f"'sha256-{_sha256(script)}'"
                                     for script in inline_scripts(index_html))])
    return ("default-src 'self'; "
            f"script-src {scripts}; "
            "style-src 'self' 'unsafe-inline'; "  # popovers are positioned by inline styles
            "img-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; "
            "connect-src 'self'; font-src 'self'; manifest-src 'self'; object-src 'none'; "
            "base-uri 'self'; form-action 'self'; frame-ancestors 'none'").encode()


def docs_csp(page_html: bytes) -> bytes:
    """The docs site's policy: the web app's, with its inline scripts hashed, plus data:
    images (Material for MkDocs draws admonition and copy icons as data: SVG masks)."""
    return web_app_csp(page_html).replace(b"img-src 'self';", b"img-src 'self' data:;")


def inline_scripts(html: bytes) -> list[bytes]:
    """The bodies of the inline <script> elements (those without a src)."""
    return [match.group(1) for match in _INLINE_SCRIPT.finditer(html)
            if not _SRC_ATTRIBUTE.search(match.group(0).split(b">", 1)[0])]


def _sha256(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()


class HttpsPolicy:
    """Whether a request was served over https: its own scheme, X-Forwarded-Proto from a
    trusted proxy, an https public URL, or the `cookie_secure` setting forcing it."""

    def __init__(self, trusted_proxies: Sequence[Network], public_https: bool,
                 cookie_secure: str) -> None:
        self._trusted = tuple(trusted_proxies)
        self._public_https = public_https
        self._forced = cookie_secure

    def applies(self, scope: Scope) -> bool:
        if self._forced != "auto":
            return self._forced == "always"
        if self._public_https or scope.get("scheme") in ("https", "wss"):
            return True
        return self._from_trusted_proxy(scope) and _header(scope, b"x-forwarded-proto") == b"https"

    def _from_trusted_proxy(self, scope: Scope) -> bool:
        client = scope.get("client")
        try:
            peer = ipaddress.ip_address(client[0]) if client else None
        except ValueError:
            return False
        return peer is not None and any(peer in network for network in self._trusted)


def security_headers_hook(https: Callable[[Scope], bool]) -> BeforeSend:
    """A Litestar `before_send` hook: it sees every response the app sends, the 404s
    and 405s of routing included (route middleware would not)."""

    async def before_send(message: Message, scope: Scope) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = with_security_headers(list(message.get("headers", [])),
                                                       hsts=https(scope))

    return before_send


def security_headers(app: ASGIApp, https: Callable[[Scope], bool]) -> ASGIApp:
    """`app` (any ASGI app) with the security headers added to each HTTP response."""
    hook = security_headers_hook(https)

    async def asgi(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            await hook(message, scope)
            await send(message)

        await app(scope, receive, send_with_headers)

    return asgi


def with_security_headers(headers: list[tuple[bytes, bytes]], *,
                          hsts: bool) -> list[tuple[bytes, bytes]]:
    present = {bytes(name).lower() for name, _ in headers}
    wanted = list(ALWAYS)
    wanted.append((b"content-security-policy", _csp_for(headers)))
    if hsts:
        wanted.append(HSTS)
    return headers + [(name, value) for name, value in wanted if name not in present]


def _csp_for(headers: list[tuple[bytes, bytes]]) -> bytes:
    content_type = next((bytes(v) for n, v in headers if bytes(n).lower() == b"content-type"),
                        b"")
    return HTML_CSP if content_type.startswith(b"text/html") else API_CSP


def _header(scope: Scope, name: bytes) -> bytes:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value)
    return b""
