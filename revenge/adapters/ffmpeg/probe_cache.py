"""`MediaProbe` that remembers what it read per file version (path, size, mtime), in
memory and on disk, so a playback start neither probes nor scans for keyframes again.

The disk cache is a folder of the data dir, shared by the server and the worker: the
scanner's probe (which also reads the keyframes from the container index, a few small
reads) leaves an entry the first playback finds. A file that changed size or mtime is
read again; an entry that cannot be read is a miss, one that cannot be written is
logged and skipped (the cache only ever saves work).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import zlib
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import msgspec

from revenge.adapters.ffmpeg.keyframe_index import index_keyframes
from revenge.adapters.filesystem.private import private_folder
from revenge.application.media.ports import MediaProbe
from revenge.domain.errors import NotFound
from revenge.domain.media.info import MediaInfo

log = logging.getLogger(__name__)

Version = tuple[int, int]  # (size, mtime in ns)
_MICRO = 1_000_000


class _Entry(msgspec.Struct, frozen=True):
    """What is stored: keyframes as steps in microseconds (a steady GOP compresses to
    almost nothing), so a two-hour movie costs a few hundred bytes."""

    path: str
    version: Version
    info: MediaInfo
    keyframe_steps: list[int] | None = None


class CachedMediaProbe:
    """Wraps a `MediaProbe` (same promises); keyframes are kept even when not asked for.
    Memory holds the last `keep` files (a long movie's keyframes weigh ~100 kB there);
    the folder holds every file probed."""

    def __init__(self, probe: MediaProbe, directory: Path,
                 index: Callable[[str], tuple[float, ...] | None] = index_keyframes,
                 keep: int = 64) -> None:
        self._probe = probe
        self._store = ProbeStore(directory)
        self._index = index
        self._keep = keep
        self._memory: OrderedDict[str, tuple[Version, MediaInfo]] = OrderedDict()

    async def probe(self, path: str, *, keyframes: bool = False) -> MediaInfo:
        version = await asyncio.to_thread(_version, path)
        cached = self._remembered(path, version) or await asyncio.to_thread(
            self._store.load, path, version)
        info = cached
        if info is None:
            info = await self._read(path, keyframes)
        elif keyframes and info.keyframes is None:  # no index: this file needs a scan
            info = await self._probe.probe(path, keyframes=True)
        if info is not cached:
            await asyncio.to_thread(self._store.save, path, version, info)
        self._remember(path, version, info)
        return info if keyframes else msgspec.structs.replace(info, keyframes=None)

    async def _read(self, path: str, keyframes: bool) -> MediaInfo:
        """The probe and the index read run side by side; a probe without keyframes (the
        scanner's) keeps what the index gives, and only a playback start scans."""
        indexed = asyncio.ensure_future(asyncio.to_thread(self._index, path))
        try:
            info = await self._probe.probe(path)
        except BaseException:
            indexed.cancel()
            raise
        frames = await indexed if info.video else None
        if frames is None and keyframes:
            return await self._probe.probe(path, keyframes=True)
        return msgspec.structs.replace(info, keyframes=frames)

    def _remembered(self, path: str, version: Version) -> MediaInfo | None:
        found = self._memory.get(path)
        return found[1] if found and found[0] == version else None

    def _remember(self, path: str, version: Version, info: MediaInfo) -> None:
        self._memory[path] = (version, info)
        self._memory.move_to_end(path)
        while len(self._memory) > self._keep:
            self._memory.popitem(last=False)


class ProbeStore:
    """One compressed file per media path under `directory` (created on first save)."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def load(self, path: str, version: Version) -> MediaInfo | None:
        try:
            data = zlib.decompress(self._file(path).read_bytes())
            entry = msgspec.json.decode(data, type=_Entry)
        except (OSError, zlib.error, msgspec.DecodeError):
            return None
        if (entry.path, tuple(entry.version)) != (path, version):
            return None
        return msgspec.structs.replace(entry.info, keyframes=_times(entry.keyframe_steps))

    def save(self, path: str, version: Version, info: MediaInfo) -> None:
        entry = _Entry(path, version, msgspec.structs.replace(info, keyframes=None),
                       _steps(info.keyframes))
        target = self._file(path)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        try:
            private_folder(target.parent, self._directory)  # what others' libraries hold
            temporary.write_bytes(zlib.compress(msgspec.json.encode(entry)))
            os.replace(temporary, target)
        except OSError as exc:
            log.warning("cannot cache the probe of %s: %s", path, exc)

    def _file(self, path: str) -> Path:
        digest = hashlib.sha256(path.encode(errors="surrogateescape")).hexdigest()
        return self._directory / digest[:2] / f"{digest[2:34]}.json.z"


def _version(path: str) -> Version:
    try:
        stat = os.stat(path)
    except OSError:
        raise NotFound(f"no media file at {path}") from None
    return stat.st_size, stat.st_mtime_ns


def _steps(times: tuple[float, ...] | None) -> list[int] | None:
    if times is None:
        return None
    micros = [round(t * _MICRO) for t in times]
    return [b - a for a, b in zip([0, *micros], micros, strict=False)]


def _times(steps: list[int] | None) -> tuple[float, ...] | None:
    if steps is None:
        return None
    total, times = 0, []
    for step in steps:
        total += step
        times.append(total / _MICRO)
    return tuple(times)
