"""The web UI's session cookies: their names (``__Host-``/``__Secure-`` over https),
and the CSRF token bound to the session they carry.

Over https the access and CSRF cookies are named ``__Host-revenge_access`` and
``__Host-revenge_csrf`` (the browser then refuses them unless Secure, host-only and
``Path=/``, so a sibling subdomain or a plain-http page cannot plant them); the refresh
cookie keeps its narrow path and so takes the ``__Secure-`` prefix. Over plain http the
names stay ``revenge_access``, ``revenge_refresh`` and ``revenge_csrf``.

The CSRF token is an HMAC of the session id: a token planted by someone else (or taken
from another session) does not match the session the access cookie carries.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

import msgspec
from litestar import Response
from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie

from revenge.application.identity.views import TokenPair

ACCESS_COOKIE = "revenge_access"
REFRESH_COOKIE = "revenge_refresh"
CSRF_COOKIE = "revenge_csrf"
HOST_PREFIX = "__Host-"
SECURE_PREFIX = "__Secure-"
REFRESH_COOKIE_PATH = "/api/v1/auth"
COOKIE_MAX_AGE = 400 * 24 * 3600  # the server enforces the real session lifetimes


class CookieNames(msgspec.Struct, frozen=True):
    access: str
    refresh: str
    csrf: str
    secure: bool


PLAIN = CookieNames(ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE, secure=False)
PREFIXED = CookieNames(HOST_PREFIX + ACCESS_COOKIE, SECURE_PREFIX + REFRESH_COOKIE,
                       HOST_PREFIX + CSRF_COOKIE, secure=True)


def names_for(secure: bool) -> CookieNames:
    return PREFIXED if secure else PLAIN


def csrf_key(signing_key: bytes) -> bytes:
    """A key of its own for CSRF tokens, derived from the server's signing key."""
    return hmac.new(signing_key, b"revenge csrf token v1", hashlib.sha256).digest()


def csrf_token(key: bytes, session_id: str) -> str:
    digest = hmac.new(key, session_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def csrf_matches(key: bytes, session_id: str | None, cookie: str, header: str) -> bool:
    """Double submit (cookie == header), and the token is this session's when one is
    known (the refresh route knows only the refresh cookie: plain double submit)."""
    if not cookie or not hmac.compare_digest(cookie.encode(), header.encode()):
        return False
    return session_id is None or hmac.compare_digest(
        header.encode(), csrf_token(key, session_id).encode())


def set_cookies(response: Response[Any], names: CookieNames, pair: TokenPair,
                csrf: str, prefix: str = "") -> None:
    """`prefix`: the path Revenge is served under (the refresh cookie's path starts
    with it)."""
    secure = names.secure
    response.set_cookie(Cookie(key=names.access, value=pair.access_token, path="/",
                               max_age=pair.expires_in, httponly=True, secure=secure))
    response.set_cookie(Cookie(key=names.refresh, value=pair.refresh_token,
                               path=prefix + REFRESH_COOKIE_PATH, max_age=COOKIE_MAX_AGE,
                               httponly=True, secure=secure))
    response.set_cookie(Cookie(key=names.csrf, value=csrf, path="/",
                               max_age=COOKIE_MAX_AGE, httponly=False, secure=secure))


def clear_cookies(response: Response[Any], names: CookieNames, prefix: str = "") -> None:
    # Expired by hand: a prefixed cookie is only replaced by a Set-Cookie that is Secure.
    for name, path in ((names.access, "/"), (names.refresh, prefix + REFRESH_COOKIE_PATH),
                       (names.csrf, "/")):
        response.set_cookie(Cookie(key=name, value="", path=path, max_age=0, expires=0,
                                   secure=names.secure, httponly=name != names.csrf))


def cookie(connection: ASGIConnection[Any, Any, Any, Any], name: str) -> str:
    return connection.cookies.get(name, "")
