"""PostgreSQL text and jsonb cannot hold the NUL character: a request carrying one in
its path, query or JSON body would reach the database and fail there as a 500. It is
refused at the door instead, with a 400 naming the field. The check costs a substring
search of the raw query and body; a value is decoded only when that finds something.
The same read-ahead refuses a JSON body nested too deeply to decode (see json_depth)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

import msgspec
from litestar.enums import ScopeType
from litestar.exceptions import ValidationException
from litestar.types import ASGIApp, Receive, ReceiveMessage, Scope, Send

from revenge.entrypoints.http.auth import SAFE_METHODS
from revenge.entrypoints.http.json_depth import MAX_DEPTH, nests_too_deep

NUL = "\x00"
_QUERY_NUL = b"%00"
_JSON_NUL = b"\\u0000"
_MESSAGE = "must not contain the NUL character"
_TOO_DEEP = f"the JSON body nests deeper than {MAX_DEPTH} levels"
MAX_CHECKED_BODY = 16 * 1024 * 1024  # larger bodies pass unchecked (the size limit refuses them)


def nul_guard_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        _refuse(_field_in_path(scope) or _field_in_query(scope["query_string"]))
        if scope["method"] not in SAFE_METHODS:
            body, receive = await _buffered(receive)
            if nests_too_deep(body):
                raise ValidationException(_TOO_DEEP, extra=[{"key": "body", "message": _TOO_DEEP}])
            _refuse(_field_in_body(body) if _JSON_NUL in body else None)
        await app(scope, receive, send)

    return middleware


def _refuse(field: str | None) -> None:
    if field is not None:
        raise ValidationException(f"{field} {_MESSAGE}",
                                  extra=[{"key": field, "message": f"{field} {_MESSAGE}"}])


def _field_in_path(scope: Scope) -> str | None:
    for name, value in scope.get("path_params", {}).items():
        if isinstance(value, str) and NUL in value:
            return str(name)
    return None


def _field_in_query(query: bytes) -> str | None:
    if _QUERY_NUL not in query:
        return None
    for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        if NUL in name or NUL in value:
            return name.replace(NUL, "") or "query"
    return None


def _field_in_body(body: bytes) -> str | None:
    try:
        document = msgspec.json.decode(body)
    except msgspec.DecodeError:
        return None  # not JSON: the handler's own decoding refuses it
    return _path_to_nul(document, "")


def _path_to_nul(value: Any, path: str) -> str | None:
    if isinstance(value, str):
        return (path or "body") if NUL in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else str(key)
            if NUL in key:
                return here.replace(NUL, "")
            if (found := _path_to_nul(item, here)) is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            if (found := _path_to_nul(item, f"{path}[{index}]")) is not None:
                return found
    return None


async def _buffered(receive: Receive) -> tuple[bytes, Receive]:
    """The request body read ahead (up to MAX_CHECKED_BODY), and a `receive` that hands
    the app the same messages again, then whatever is left."""
    messages: list[ReceiveMessage] = []
    chunks: list[bytes] = []
    size, more = 0, True
    while more and size <= MAX_CHECKED_BODY:
        message: dict[str, Any] = await receive()  # type: ignore[assignment]
        messages.append(message)  # type: ignore[arg-type]
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        more = message.get("more_body", False)

    async def replay() -> ReceiveMessage:
        return messages.pop(0) if messages else await receive()

    return (b"".join(chunks) if size <= MAX_CHECKED_BODY else b""), replay
