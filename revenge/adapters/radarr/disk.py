"""`LocalDisk` on this server's file system (stat calls off the event loop)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Collection


class OsLocalDisk:
    async def existing(self, paths: Collection[str]) -> set[str]:
        wanted = list(paths)
        return await asyncio.to_thread(lambda: {path for path in wanted
                                                if os.path.exists(path)})
