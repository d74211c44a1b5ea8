"""`FileWatcher` with watchfiles (inotify on Linux, polling where the kernel cannot tell)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Sequence

import watchfiles


class WatchfilesWatcher:
    """`step_ms`: how long a batch waits for more changes; `timeout_ms`: the longest
    wait before an empty batch. `force_polling` for network shares without inotify."""

    def __init__(self, *, step_ms: int = 50, timeout_ms: int = 500,
                 force_polling: bool | None = None) -> None:
        self._step_ms = step_ms
        self._timeout_ms = timeout_ms
        self._force_polling = force_polling

    async def changes(self, roots: Sequence[str],
                      stop: asyncio.Event) -> AsyncIterator[set[str]]:
        existing = await asyncio.to_thread(_existing, roots)
        if not existing:
            await stop.wait()
            return
        async for batch in watchfiles.awatch(
                *existing, watch_filter=None, debounce=1_000, step=self._step_ms,
                stop_event=stop, rust_timeout=self._timeout_ms, yield_on_timeout=True,
                force_polling=self._force_polling, ignore_permission_denied=True):
            yield {path for _, path in batch}


def _existing(roots: Sequence[str]) -> list[str]:
    return [root for root in roots if os.path.isdir(root)]
