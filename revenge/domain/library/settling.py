"""Debounce for watched folders: a path is handled once events about it have stopped
for a while, so a file still being copied is picked up when the copy is done."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from revenge.domain.library.diff import under


class Settling:
    """Paths with the time of their latest event; `due(now)` hands out (and forgets)
    those quiet for `quiet_seconds`. Times are plain seconds from any monotonic clock."""

    def __init__(self, quiet_seconds: float) -> None:
        self.quiet_seconds = quiet_seconds
        self._latest: dict[str, float] = {}

    def touch(self, paths: Iterable[str], now: float) -> None:
        for path in paths:
            self._latest[path] = now

    def due(self, now: float) -> list[str]:
        ready = sorted(path for path, at in self._latest.items()
                       if now - at >= self.quiet_seconds)
        for path in ready:
            del self._latest[path]
        return ready

    def next_due_in(self, now: float) -> float | None:
        """Seconds until the next path settles; None when nothing is pending."""
        if not self._latest:
            return None
        return max(0.0, min(self._latest.values()) + self.quiet_seconds - now)


def scan_scopes(changed: Iterable[str], roots: Iterable[str]) -> list[str]:
    """What to rescan for changed paths: each one's folder (so a new cd2 sees its cd1),
    or the path itself when its folder is a library root; none inside another."""
    root_set = {root.rstrip("/") for root in roots}
    wanted = set()
    for path in changed:
        parent = posixpath.dirname(path.rstrip("/"))
        wanted.add(path.rstrip("/") if parent in root_set or not parent else parent)
    return [path for path in sorted(wanted)
            if not under(path, [other for other in wanted if other != path])]
