"""Who may call the webhook and the Emby-style endpoints: an API key with the `webhooks`
scope, sent the ways Radarr can send it.

* Webhook connection: HTTP Basic (the key as password; or as user name with an empty
  password), a custom header (`X-Api-Key`, `Authorization: Bearer <key>`), or `?apikey=`.
* "Emby / Jellyfin" connection: `X-MediaBrowser-Token` (what Radarr sends), also
  `X-Emby-Token`, `?api_key=`, and `Authorization: MediaBrowser ..., Token="<key>"`.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from litestar.connection import ASGIConnection

from revenge.application.identity.authenticate_request import AuthenticateRequest, Credential
from revenge.application.shared.principal import Principal
from revenge.domain.errors import AuthenticationFailed, Forbidden
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.di_bridge import provided_of

Connection = ASGIConnection[Any, Any, Any, Any]
_TOKEN = re.compile(r"""\bToken\s*=\s*"?([^",\s]+)"?""", re.IGNORECASE)


def webhook_key(connection: Connection) -> str | None:
    headers = connection.headers
    scheme, _, value = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "basic":
        return _basic_secret(value.strip())
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return (headers.get("x-api-key") or connection.query_params.get("apikey")
            or connection.query_params.get("api_key") or None)


def media_browser_key(connection: Connection) -> str | None:
    headers, query = connection.headers, connection.query_params
    direct = (headers.get("x-mediabrowser-token") or headers.get("x-emby-token")
              or query.get("api_key") or query.get("ApiKey") or query.get("apikey"))
    if direct:
        return str(direct).strip()
    for name in ("authorization", "x-emby-authorization"):
        found = _TOKEN.search(headers.get(name, ""))
        if found:
            return found.group(1)
    return None


def _basic_secret(encoded: str) -> str | None:
    try:
        user, _, password = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return password or user or None


async def webhooks_principal(connection: Connection, key: str | None) -> Principal:
    """The key's principal; `AuthenticationFailed` (401) for a missing or wrong key,
    `Forbidden` (403) for a key without the `webhooks` scope."""
    if not key:
        raise AuthenticationFailed("an API key with the webhooks scope is required")
    authenticate = provided_of(connection).get(AuthenticateRequest)
    principal = await authenticate.execute(Credential(kind="api_key", token=key))
    if principal is None:
        raise AuthenticationFailed("the API key is not valid")
    if not principal.can(Permission.WEBHOOKS):
        raise Forbidden("the API key lacks the webhooks scope")
    return principal
