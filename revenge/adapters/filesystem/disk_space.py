"""Readiness of the disks the server writes to: a full one is said so in /readyz."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping
from pathlib import Path

from revenge.domain.errors import DiskFull

MIN_FREE_BYTES = 16 * 1024 * 1024  # under this, the next segment or poster will not fit


class DiskSpaceProbe:
    """Not critical (browsing and direct play go on), but named: `paths` maps what is
    stored ("transcode cache") to its folder; each must have `min_free_bytes` free."""

    name = "disk"
    critical = False

    def __init__(self, paths: Mapping[str, Path], min_free_bytes: int = MIN_FREE_BYTES) -> None:
        self._paths = dict(paths)
        self._min_free = min_free_bytes

    async def check(self) -> None:
        await asyncio.to_thread(self._check)

    def _check(self) -> None:
        for what, path in self._paths.items():
            if free_bytes(path) < self._min_free:
                raise DiskFull(what, str(path))


def free_bytes(path: Path) -> int:
    """Space an unprivileged writer may use where `path` is (or would be created)."""
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    stats = os.statvfs(existing)
    return stats.f_bavail * stats.f_frsize
