"""Read-your-writes for cached list pages: any unsafe request of a signed-in user moves
that user's change stamp on before the response leaves, so their next list request
never sees a page cached before the change (PostgreSQL's notification may arrive a
moment later)."""

from __future__ import annotations

from collections.abc import Callable

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from revenge.application.catalog.ports import ChangeStamps
from revenge.entrypoints.http.auth import SAFE_METHODS, resolved_principal


def own_writes_middleware(stamps: ChangeStamps) -> Callable[[ASGIApp], ASGIApp]:
    def factory(app: ASGIApp) -> ASGIApp:
        async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != ScopeType.HTTP or scope["method"] in SAFE_METHODS:
                await app(scope, receive, send)
                return

            async def send_after_touch(message: Message) -> None:
                if message["type"] == "http.response.start":
                    principal = resolved_principal(scope)
                    if principal is not None:
                        stamps.touch(principal.user_id)
                await send(message)

            await app(scope, receive, send_after_touch)

        return middleware

    return factory
