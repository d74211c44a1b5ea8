"""Baseline for bench_http: the smallest ASGI app, served by the same granian setup."""

from __future__ import annotations

BODY = b'{"status":"ok"}'


async def app(scope: dict, receive: object, send: object) -> None:  # type: ignore[type-arg]
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,  # type: ignore[operator]
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": BODY})  # type: ignore[operator]


if __name__ == "__main__":
    import sys

    from granian import Granian
    from granian.constants import Interfaces

    Granian("bench.bare_asgi:app", address="127.0.0.1", port=int(sys.argv[1]),
            interface=Interfaces.ASGI, workers=1, log_access=False).serve()
