"""THE authentication interface of the HTTP API.

* `principal` — an app-level dependency (annotate it `principal: CurrentPrincipal`):
  the caller's `Principal`, from
  `Authorization: Bearer <access token | API key>`, `X-Api-Key`, or the session cookie;
  401 problem+json when there is none.
* `require(*permissions)` — a guard: `guards=[require(Permission.LIBRARY_READ)]`;
  401 when unauthenticated, 403 when a permission is missing.
* `client_info` — the caller's IP (from X-Forwarded-For only when the peer is one of
  `trusted_proxies`) and user agent, for throttling and the audit log.

The web app's contract (cookies and CSRF; see `session_cookies`):

* A login (`/auth/login`, the MFA and passkey steps) and `/auth/refresh` set three
  cookies. Over plain http: `revenge_access` (httpOnly, Path=/), `revenge_refresh`
  (httpOnly, Path=/api/v1/auth) and `revenge_csrf` (readable by JavaScript, Path=/).
  Over https (the request's scheme, a trusted proxy's X-Forwarded-Proto, an https
  `public_url`, or `cookie_secure=always`) they are `__Host-revenge_access`,
  `__Secure-revenge_refresh` and `__Host-revenge_csrf`, all Secure; only the names of
  the current scheme are read.
* Every unsafe request (POST, PUT, PATCH, DELETE) authenticated by the cookie must send
  the CSRF cookie's value in the `X-CSRF-Token` header, else 403. The value is an HMAC
  of the session id: it changes with each new session (read the cookie after every
  login or refresh; never store it elsewhere). Bearer and API-key requests need none.
* JSON routes take `Content-Type: application/json` bodies only (415 otherwise).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency, Provide
from litestar.handlers.base import BaseRouteHandler
from litestar.openapi.spec import Components, SecurityRequirement, SecurityScheme

from revenge.application.identity.authenticate_request import AuthenticateRequest, Credential
from revenge.application.identity.common import ClientInfo
from revenge.application.identity.create_api_key import KEY_PREFIX
from revenge.application.identity.views import TokenPair
from revenge.application.shared.principal import Principal
from revenge.domain.errors import AuthenticationFailed, Forbidden
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.http import session_cookies
from revenge.entrypoints.http.di_bridge import provided_of
from revenge.entrypoints.http.path_prefix import prefix_of
from revenge.entrypoints.http.security_headers import HttpsPolicy
from revenge.entrypoints.http.session_cookies import (
    ACCESS_COOKIE,
    CSRF_COOKIE,
    REFRESH_COOKIE,
    CookieNames,
    names_for,
)

__all__ = ["ACCESS_COOKIE", "CSRF_COOKIE", "REFRESH_COOKIE"]

STATE_KEY = "revenge_auth"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
RESOLVED_KEY = _RESOLVED = "revenge_principal"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Handler parameter types for the app-level dependencies (explicit, as Litestar 3 wants).
CurrentPrincipal = NamedDependency[Principal]
MaybePrincipal = NamedDependency[Principal | None]
Client = NamedDependency[ClientInfo]
Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Awaitable[None]]


class AuthState(msgspec.Struct, kw_only=True):
    trusted_proxies: tuple[Network, ...]
    https: HttpsPolicy
    csrf_key: bytes

    @classmethod
    def from_container(cls, container: AppContainer) -> AuthState:
        settings: Config = container.settings()
        trusted = tuple(ipaddress.ip_network(p, strict=False) for p in settings.trusted_proxies)
        return cls(csrf_key=session_cookies.csrf_key(container.identity.jwt_key()),
                   trusted_proxies=trusted,
                   https=HttpsPolicy(trusted, (settings.public_url or "").startswith("https://"),
                                     settings.cookie_secure))


def auth_state(connection: ASGIConnection[Any, Any, Any, Any]) -> AuthState:
    state: AuthState = connection.app.state[STATE_KEY]
    return state


async def resolve_principal(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal | None:
    """The caller, resolved once per request (None when anonymous or invalid)."""
    scope_state = connection.scope.setdefault("state", {})
    if _RESOLVED not in scope_state:
        scope_state[_RESOLVED] = await _resolve(connection)
    principal: Principal | None = scope_state[_RESOLVED]
    return principal


async def _resolve(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal | None:
    credential, from_cookie = _credential(connection)
    if credential is None:
        return None
    principal = await authenticate(connection, credential)
    if principal is not None and from_cookie:
        check_csrf(connection, principal.session_id or "")
    return principal


async def authenticate(connection: ASGIConnection[Any, Any, Any, Any],
                       credential: Credential) -> Principal | None:
    """Who `credential` signs in (None when it signs in no one), however it was presented."""
    return await provided_of(connection).get(AuthenticateRequest).execute(credential)


def _credential(connection: ASGIConnection[Any, Any, Any, Any]) -> tuple[Credential | None, bool]:
    headers = connection.headers
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return _bearer(token.strip()), False
    if api_key := headers.get("x-api-key", "").strip():
        return Credential(kind="api_key", token=api_key), False
    if cookie := connection.cookies.get(cookie_names(connection).access):
        return Credential(kind="access_token", token=cookie), True
    return None, False


def _bearer(token: str) -> Credential:
    if token.startswith(KEY_PREFIX):
        return Credential(kind="api_key", token=token)
    return Credential(kind="access_token", token=token)


def check_csrf(connection: ASGIConnection[Any, Any, Any, Any], session_id: str | None) -> None:
    """Double submit: unsafe cookie-authenticated requests echo the CSRF cookie, whose
    value must be the token of `session_id` (None: the session is not known yet)."""
    if connection.scope.get("method", "GET") in SAFE_METHODS:
        return
    name = cookie_names(connection).csrf
    cookie = connection.cookies.get(name, "")
    header = connection.headers.get(CSRF_HEADER, "")
    if not session_cookies.csrf_matches(auth_state(connection).csrf_key, session_id,
                                        cookie, header):
        raise Forbidden(f"missing or wrong CSRF token (send the {name} cookie's value "
                        "in the X-CSRF-Token header)")


def require(*permissions: Permission) -> Guard:
    """A guard: 401 without a principal, 403 when any of `permissions` is missing."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        principal = await resolve_principal(connection)
        if principal is None:
            raise AuthenticationFailed("authentication required")
        missing = sorted(p.value for p in permissions if not principal.can(p))
        if missing and principal.mfa_enrolment_required:
            raise Forbidden("the server requires a second factor: set one up (/api/v1/mfa) "
                            "or verify one (/api/v1/auth/reauthenticate) first")
        if missing:
            raise Forbidden(f"missing permission: {', '.join(missing)}")

    return guard


def principal_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    """The caller as a `require(...)` guard already resolved it, without a dependency:
    for hot read routes (Litestar resolves two or more dependencies of a handler
    through an anyio task group, a noticeable share of a cached list request)."""
    principal = resolved_principal(connection.scope)
    if principal is None:
        raise AuthenticationFailed("authentication required")
    return principal


def resolved_principal(scope: Any) -> Principal | None:
    """The principal resolved for this request so far, if any (for middleware)."""
    principal: Principal | None = scope.get("state", {}).get(_RESOLVED)
    return principal


async def provide_principal(request: Request[Any, Any, Any]) -> Principal:
    principal = await resolve_principal(request)
    if principal is None:
        raise AuthenticationFailed("authentication required")
    return principal


async def provide_optional_principal(request: Request[Any, Any, Any]) -> Principal | None:
    return await resolve_principal(request)


def client_info(connection: ASGIConnection[Any, Any, Any, Any]) -> ClientInfo:
    return ClientInfo(ip=client_ip(connection),
                      user_agent=connection.headers.get("user-agent", "")[:512])


def client_ip(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    peer = connection.client.host if connection.client else ""
    trusted = auth_state(connection).trusted_proxies
    if not _is_trusted(peer, trusted):
        return peer
    hops = [h.strip() for h in connection.headers.get("x-forwarded-for", "").split(",")]
    # Walk from the nearest hop outwards; the first address not ours is the client.
    for hop in reversed([h for h in hops if h]):
        if not _is_trusted(hop, trusted):
            return hop
    return peer


def _is_trusted(address: str, trusted: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def served_over_https(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    return auth_state(connection).https.applies(connection.scope)


def cookie_names(connection: ASGIConnection[Any, Any, Any, Any]) -> CookieNames:
    """The session cookies' names for this request (`__Host-` ones over https)."""
    return names_for(served_over_https(connection))


def set_session_cookies(request: Request[Any, Any, Any], response: Response[Any],
                        pair: TokenPair) -> None:
    csrf = session_cookies.csrf_token(auth_state(request).csrf_key, pair.session_id)
    session_cookies.set_cookies(response, cookie_names(request), pair, csrf,
                                prefix_of(request.scope))


def clear_session_cookies(request: Request[Any, Any, Any], response: Response[Any]) -> None:
    session_cookies.clear_cookies(response, cookie_names(request), prefix_of(request.scope))


def dependencies() -> dict[str, Provide]:
    """App-level dependencies: `principal`, `maybe_principal`, `client_info`."""
    return {
        "principal": Provide(provide_principal),
        "maybe_principal": Provide(provide_optional_principal),
        "client_info": Provide(_provide_client_info, sync_to_thread=False),
    }


def _provide_client_info(request: Request[Any, Any, Any]) -> ClientInfo:
    return client_info(request)


# OpenAPI: how to authenticate; controllers that need a principal set `security = SECURITY`.
SECURITY: list[SecurityRequirement] = [{"bearer": []}, {"api_key": []}, {"cookie": []}]


def openapi_components() -> Components:
    return Components(security_schemes={
        "bearer": SecurityScheme(type="http", scheme="bearer", bearer_format="JWT or API key",
                                 description="An access token from /auth/login, or an API key"),
        "api_key": SecurityScheme(type="apiKey", name="X-Api-Key", security_scheme_in="header"),
        "cookie": SecurityScheme(type="apiKey", name=ACCESS_COOKIE, security_scheme_in="cookie",
                                 description="Web UI session (named __Host-revenge_access "
                                             "over https); unsafe methods also need the "
                                             "X-CSRF-Token header"),
    })
