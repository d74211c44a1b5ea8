"""In-memory twin of `MediaProbe`: answers from what a test registered."""

from __future__ import annotations

import msgspec

from revenge.domain.errors import NotFound
from revenge.domain.media.errors import UnreadableMedia
from revenge.domain.media.info import MediaInfo


class InMemoryMediaProbe:
    def __init__(self, files: dict[str, MediaInfo] | None = None) -> None:
        self._files: dict[str, MediaInfo] = dict(files or {})
        self._broken: dict[str, str] = {}
        self.calls: list[tuple[str, bool]] = []

    def add(self, path: str, info: MediaInfo) -> None:
        self._files[path] = info

    def add_broken(self, path: str, message: str = "Invalid data found when processing input"
                   ) -> None:
        self._broken[path] = message

    async def probe(self, path: str, *, keyframes: bool = False) -> MediaInfo:
        self.calls.append((path, keyframes))
        if path in self._broken:
            raise UnreadableMedia(f"{path.rsplit('/', 1)[-1]}: {self._broken[path]}")
        info = self._files.get(path)
        if info is None:
            raise NotFound(f"no media file at {path}")
        return info if keyframes else msgspec.structs.replace(info, keyframes=None)
