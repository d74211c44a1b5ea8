"""Pure ASGI middleware: request ids in logs and responses, and Prometheus timings."""

from __future__ import annotations

import functools
import itertools
import re
import secrets
import time
from typing import Any

import structlog
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from revenge.entrypoints.http.metrics import HTTP_LATENCY

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")


def request_context_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        request_id = _request_id(scope)
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await app(scope, receive, send_with_id)
        finally:
            _latency(scope.get("method", ""), _route(scope), status).observe(
                time.perf_counter() - started
            )
            structlog.contextvars.unbind_contextvars("request_id")

    return middleware


def _request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            if _VALID_REQUEST_ID.match(candidate):
                return candidate
    # Unique, not secret: a per-process random prefix and a counter cost far less per
    # request than uuid4's os.urandom call.
    return f"{_ID_PREFIX}{next(_ID_COUNTER):016x}"


_ID_PREFIX = secrets.token_hex(8)
_ID_COUNTER = itertools.count()


@functools.cache
def _latency(method: str, route: str, status: int) -> Any:
    """The histogram child per label set; bounded by routes x methods x statuses."""
    return HTTP_LATENCY.labels(method, route, str(status))


def _route(scope: Any) -> str:
    # The route template, not the raw path, keeps label cardinality bounded.
    handler = scope.get("route_handler")
    if handler is None:
        return "unmatched"
    template = scope.get("path_template")
    return str(template) if template else next(iter(handler.paths), "unknown")
