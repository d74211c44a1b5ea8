"""The `Background` port: work that goes on after the caller has its answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol


class Background(Protocol):
    """Runs work after the caller returns, so how long it takes (or whether there was
    any) is not visible in the caller's answer.

    `start` never blocks and never raises; a failure of the work is logged. `drain`
    waits for the work started so far (shutdown, tests)."""

    def start(self, work: Callable[[], Awaitable[None]], *, what: str) -> None: ...

    async def drain(self) -> None: ...
