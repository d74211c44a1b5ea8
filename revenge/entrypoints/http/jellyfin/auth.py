"""Who calls a Jellyfin route: the `Authorization: MediaBrowser Client=…, Device=…,
DeviceId=…, Version=…, Token=…` header (also `X-Emby-Authorization`), or the token alone
in `X-Emby-Token`, `X-MediaBrowser-Token` or `?api_key=` (`ApiKey`). The token is what our
AuthenticateByName handed out (a session's device token), an API key (`rvk_…`: an app
password), or a web access token; `Authorization: Bearer` and `X-Api-Key` work as on
/api/v1."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import unquote

import msgspec
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from revenge.application.identity.authenticate_request import AuthenticateRequest, Credential
from revenge.application.identity.create_api_key import KEY_PREFIX
from revenge.application.shared.principal import Principal
from revenge.domain.errors import AuthenticationFailed, Forbidden
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http import auth
from revenge.entrypoints.http.di_bridge import provided_of

Connection = ASGIConnection[Any, Any, Any, Any]
Guard = Callable[[Connection, BaseRouteHandler], Awaitable[None]]

DEVICE_TOKEN_PREFIX = "rvr_"  # noqa: S105  (refresh tokens, presented as device tokens)
_PAIR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|([^,\s]*))""")
_SCHEMES = ("mediabrowser", "emby")


class ClientHeader(msgspec.Struct, frozen=True, kw_only=True):
    """What an app says about itself (every value optional, URL-decoded)."""

    client: str = ""
    device: str = ""
    device_id: str = ""
    version: str = ""
    token: str = ""

    def describe(self) -> str:
        """How the session list names this login: 'Findroid 0.15 on Pixel 8'."""
        app = " ".join(part for part in (self.client, self.version) if part) or "Jellyfin app"
        return f"{app} on {self.device}" if self.device else app


def client_header(connection: Connection) -> ClientHeader:
    for name in ("authorization", "x-emby-authorization"):
        scheme, _, rest = connection.headers.get(name, "").strip().partition(" ")
        if scheme.lower() in _SCHEMES:
            return _parse(rest)
    return ClientHeader()


def _parse(text: str) -> ClientHeader:
    values = {key.lower(): unquote(quoted if quoted else bare)
              for key, quoted, bare in _PAIR.findall(text)}
    return ClientHeader(client=values.get("client", "")[:100],
                        device=values.get("device", "")[:100],
                        device_id=values.get("deviceid", "")[:200],
                        version=values.get("version", "")[:50],
                        token=values.get("token", ""))


def token_of(connection: Connection) -> str | None:
    headers, query = connection.headers, connection.query_params
    found = (client_header(connection).token or headers.get("x-emby-token")
             or headers.get("x-mediabrowser-token") or query.get("api_key")
             or query.get("ApiKey") or query.get("apikey"))
    return str(found).strip() or None if found else None


def credential(token: str) -> Credential:
    if token.startswith(KEY_PREFIX):
        return Credential(kind="api_key", token=token)
    if token.startswith(DEVICE_TOKEN_PREFIX):
        return Credential(kind="device_token", token=token)
    return Credential(kind="access_token", token=token)


async def jellyfin_principal(connection: Connection) -> Principal | None:
    """Resolved once per request and kept where `auth.principal_of` finds it."""
    state = connection.scope.setdefault("state", {})
    if auth.RESOLVED_KEY in state:
        resolved: Principal | None = state[auth.RESOLVED_KEY]
        return resolved
    token = token_of(connection)
    if token is None:
        return await auth.resolve_principal(connection)  # Bearer, X-Api-Key, cookie
    principal = await provided_of(connection).get(AuthenticateRequest).execute(
        credential(token))
    state[auth.RESOLVED_KEY] = principal
    return principal


def require(*permissions: Permission) -> Guard:
    """401 without a valid token, 403 when a permission is missing."""

    async def guard(connection: Connection, _: BaseRouteHandler) -> None:
        principal = await jellyfin_principal(connection)
        if principal is None:
            raise AuthenticationFailed("authentication required: send the token from "
                                       "/Users/AuthenticateByName")
        missing = sorted(p.value for p in permissions if not principal.can(p))
        if missing:
            raise Forbidden(f"missing permission: {', '.join(missing)}")

    return guard
