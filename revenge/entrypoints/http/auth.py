"""THE authentication interface of the HTTP API.

* `principal` — an app-level dependency (annotate it `principal: CurrentPrincipal`):
  the caller's `Principal`, from
  `Authorization: Bearer <access token | API key>`, `X-Api-Key`, or the session cookie;
  401 problem+json when there is none.
* `require(*permissions)` — a guard: `guards=[require(Permission.LIBRARY_READ)]`;
  401 when unauthenticated, 403 when a permission is missing.
* Cookie-authenticated unsafe requests must echo the `revenge_csrf` cookie in the
  `X-CSRF-Token` header (double submit); bearer and API-key requests need not.
* `client_info` — the caller's IP (from X-Forwarded-For only when the peer is one of
  `trusted_proxies`) and user agent, for throttling and the audit log.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie
from litestar.di import NamedDependency, Provide
from litestar.handlers.base import BaseRouteHandler
from litestar.openapi.spec import Components, SecurityRequirement, SecurityScheme

from revenge.application.identity.authenticate_request import Credential
from revenge.application.identity.common import ClientInfo
from revenge.application.identity.create_api_key import KEY_PREFIX
from revenge.application.identity.principal import Principal
from revenge.application.identity.views import TokenPair
from revenge.domain.errors import AuthenticationFailed, Forbidden
from revenge.domain.identity.permissions import Permission
from revenge.entrypoints.config import Config

STATE_KEY = "revenge_auth"
ACCESS_COOKIE = "revenge_access"
REFRESH_COOKIE = "revenge_refresh"
CSRF_COOKIE = "revenge_csrf"
CSRF_HEADER = "x-csrf-token"
REFRESH_COOKIE_PATH = "/api/v1/auth"
COOKIE_MAX_AGE = 400 * 24 * 3600  # the server enforces the real session lifetimes
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
RESOLVED_KEY = _RESOLVED = "revenge_principal"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Handler parameter types for the app-level dependencies (explicit, as Litestar 3 wants).
CurrentPrincipal = NamedDependency[Principal]
MaybePrincipal = NamedDependency[Principal | None]
Client = NamedDependency[ClientInfo]
Identity = NamedDependency[Any]
Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Awaitable[None]]


class AuthState(msgspec.Struct, kw_only=True):
    identity: Any  # the identity container (providers of use cases)
    trusted_proxies: tuple[Network, ...]
    cookie_secure: str
    public_https: bool

    @classmethod
    def from_container(cls, container: Any) -> AuthState:
        settings: Config = container.settings()
        return cls(identity=container.identity,
                   trusted_proxies=tuple(ipaddress.ip_network(p, strict=False)
                                         for p in settings.trusted_proxies),
                   cookie_secure=settings.cookie_secure,
                   public_https=(settings.public_url or "").startswith("https://"))


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
    principal: Principal | None = await auth_state(connection).identity.authenticate_request(
    ).execute(credential)
    if principal is not None and from_cookie:
        check_csrf(connection)
    return principal


def _credential(connection: ASGIConnection[Any, Any, Any, Any]) -> tuple[Credential | None, bool]:
    headers = connection.headers
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return _bearer(token.strip()), False
    if api_key := headers.get("x-api-key", "").strip():
        return Credential(kind="api_key", token=api_key), False
    if cookie := connection.cookies.get(ACCESS_COOKIE):
        return Credential(kind="access_token", token=cookie), True
    return None, False


def _bearer(token: str) -> Credential:
    if token.startswith(KEY_PREFIX):
        return Credential(kind="api_key", token=token)
    return Credential(kind="access_token", token=token)


def check_csrf(connection: ASGIConnection[Any, Any, Any, Any]) -> None:
    """Double submit: unsafe cookie-authenticated requests echo the CSRF cookie."""
    if connection.scope.get("method", "GET") in SAFE_METHODS:
        return
    cookie = connection.cookies.get(CSRF_COOKIE, "")
    header = connection.headers.get(CSRF_HEADER, "")
    if not cookie or not hmac.compare_digest(cookie.encode(), header.encode()):
        raise Forbidden("missing or wrong CSRF token (send the revenge_csrf cookie's value "
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


def _secure(request: Request[Any, Any, Any]) -> bool:
    state = auth_state(request)
    if state.cookie_secure != "auto":
        return state.cookie_secure == "always"
    forwarded = (request.headers.get("x-forwarded-proto", "")
                 if _is_trusted(request.client.host if request.client else "",
                                state.trusted_proxies) else "")
    return state.public_https or request.url.scheme == "https" or forwarded == "https"


def set_session_cookies(request: Request[Any, Any, Any], response: Response[Any],
                        pair: TokenPair, csrf_token: str) -> None:
    secure = _secure(request)
    response.set_cookie(Cookie(key=ACCESS_COOKIE, value=pair.access_token, path="/",
                               max_age=pair.expires_in, httponly=True, secure=secure))
    response.set_cookie(Cookie(key=REFRESH_COOKIE, value=pair.refresh_token,
                               path=REFRESH_COOKIE_PATH, max_age=COOKIE_MAX_AGE,
                               httponly=True, secure=secure))
    response.set_cookie(Cookie(key=CSRF_COOKIE, value=csrf_token, path="/",
                               max_age=COOKIE_MAX_AGE, httponly=False, secure=secure))


def clear_session_cookies(response: Response[Any]) -> None:
    response.delete_cookie(ACCESS_COOKIE, path="/")
    response.delete_cookie(REFRESH_COOKIE, path=REFRESH_COOKIE_PATH)
    response.delete_cookie(CSRF_COOKIE, path="/")


def dependencies() -> dict[str, Provide]:
    """App-level dependencies: `principal`, `maybe_principal`, `client_info`, `identity`."""
    return {
        "principal": Provide(provide_principal),
        "maybe_principal": Provide(provide_optional_principal),
        "client_info": Provide(_provide_client_info, sync_to_thread=False),
        "identity": Provide(_provide_identity, sync_to_thread=False),
    }


def _provide_client_info(request: Request[Any, Any, Any]) -> ClientInfo:
    return client_info(request)


def _provide_identity(request: Request[Any, Any, Any]) -> Any:
    return auth_state(request).identity


# OpenAPI: how to authenticate; controllers that need a principal set `security = SECURITY`.
SECURITY: list[SecurityRequirement] = [{"bearer": []}, {"api_key": []}, {"cookie": []}]


def openapi_components() -> Components:
    return Components(security_schemes={
        "bearer": SecurityScheme(type="http", scheme="bearer", bearer_format="JWT or API key",
                                 description="An access token from /auth/login, or an API key"),
        "api_key": SecurityScheme(type="apiKey", name="X-Api-Key", security_scheme_in="header"),
        "cookie": SecurityScheme(type="apiKey", name=ACCESS_COOKIE, security_scheme_in="cookie",
                                 description="Web UI session; unsafe methods also need the "
                                             "X-CSRF-Token header"),
    })
