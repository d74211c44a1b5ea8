"""JSON routes take JSON bodies only: anything else is refused with 415 before it is read.

Litestar decodes a handler's `data` whatever the Content-Type says, so a cross-site HTML
form (`enctype="text/plain"`, which needs no CORS preflight) could post a JSON-looking
body to `/auth/login` and sign the victim into the attacker's account (login CSRF).
Browsers cannot send `application/json` cross-site without a preflight, which we never
grant, so requiring it closes that door on every route that reads a JSON body.
"""

from __future__ import annotations

from typing import Any

from litestar.enums import ScopeType
from litestar.exceptions import HTTPException
from litestar.status_codes import HTTP_415_UNSUPPORTED_MEDIA_TYPE
from litestar.types import ASGIApp, Receive, Scope, Send


def json_only_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP and _takes_json(scope.get("route_handler")):
            _check_content_type(dict(scope["headers"]))
        await app(scope, receive, send)

    return middleware


def _takes_json(handler: Any) -> bool:
    """Whether the handler reads a JSON body (`data`; its signature is parsed once)."""
    return handler is not None and "data" in handler.parsed_fn_signature.parameters


def _check_content_type(headers: dict[bytes, bytes]) -> None:
    content_type = headers.get(b"content-type")
    if content_type is None:
        if _has_body(headers):
            raise _refused("none")
        return
    media_type = content_type.split(b";", 1)[0].strip().lower()
    if media_type != b"application/json" and not media_type.endswith(b"+json"):
        raise _refused(media_type.decode("latin-1"))


def _has_body(headers: dict[bytes, bytes]) -> bool:
    length = headers.get(b"content-length", b"0").strip()
    return b"transfer-encoding" in headers or length not in (b"", b"0")


def _refused(media_type: str) -> HTTPException:
    return HTTPException(status_code=HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                         detail=f"this route takes a JSON body (Content-Type: application/json), "
                                f"not {media_type}")
