"""The fake TMDb as an ASGI app, so benches and demos can serve it out of process
(granian) where it neither shares a GIL with the code under test nor bottlenecks it."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

from revenge.testing.fake_tmdb.api import FakeTmdbApi

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
AsgiApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def asgi_app(api: FakeTmdbApi) -> AsgiApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
        elif scope["type"] == "http":
            await _http(api, scope, send)

    return app


def create_app_from_environment() -> AsgiApp:
    """Granian's factory: FAKE_TMDB_URL (where it is served), FAKE_TMDB_SYNTHETIC."""
    return asgi_app(FakeTmdbApi(synthetic=int(os.environ.get("FAKE_TMDB_SYNTHETIC", "0")),
                                url=os.environ["FAKE_TMDB_URL"]))


async def _http(api: FakeTmdbApi, scope: Scope, send: Send) -> None:
    query = {k: v[0] for k, v in parse_qs(scope["query_string"].decode()).items()}
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    status, reply_headers, body = api.answer(scope["path"], query, headers)
    raw = [(k.lower().encode(), v.encode()) for k, v in reply_headers.items()]
    raw.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
