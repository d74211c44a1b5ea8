"""In-memory twins of `FileSystem` and `FileWatcher`: a dict of files a test arranges."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Collection, Sequence

from revenge.application.library.ports import WalkResult
from revenge.domain.library.diff import FileStat, under
from revenge.domain.library.extensions import IGNORE_MARKERS, is_nfo, is_video


class _File:
    __slots__ = ("content", "mtime_us", "size")

    def __init__(self, size: int, mtime_us: int, content: bytes) -> None:
        self.size = size
        self.mtime_us = mtime_us
        self.content = content


class InMemoryFileSystem:
    """Files by absolute path; folders exist when added or when a file lies below.
    Counts `walks`, `hashes` and `reads` so tests can see what a scan cost."""

    def __init__(self) -> None:
        self.files: dict[str, _File] = {}
        self.folders: set[str] = set()
        self.unreadable: set[str] = set()
        self.links: dict[str, str] = {}  # a symbolic link's path -> its target folder
        self.walks = self.hashes = self.reads = 0

    def add(self, path: str, *, size: int = 1_000, mtime_us: int = 1_700_000_000_000_000,
            content: bytes | None = None) -> None:
        body = content if content is not None else path.encode()
        self.files[path] = _File(size, mtime_us, body)

    def write_text(self, path: str, text: str) -> None:
        data = text.encode()
        self.add(path, size=len(data), content=data)

    def add_folder(self, path: str) -> None:
        self.folders.add(path.rstrip("/"))

    def remove(self, path: str) -> None:
        for name in [p for p in self.files if under(p, [path])]:
            del self.files[name]

    def move(self, source: str, target: str) -> None:
        self.files[target] = self.files.pop(source)

    def touch(self, path: str, *, size: int | None = None, mtime_us: int | None = None) -> None:
        file = self.files[path]
        file.size = file.size if size is None else size
        file.mtime_us = file.mtime_us + 1_000_000 if mtime_us is None else mtime_us

    def link(self, path: str, target: str) -> None:
        """A symbolic link at `path` to the folder `target`: files a test adds below
        `path` are walked unless the target lies outside the walk's `within`."""
        self.links[path.rstrip("/")] = target.rstrip("/")

    async def walk(self, roots: Sequence[str], *,
                   within: Sequence[str] | None = None) -> WalkResult:
        self.walks += 1
        blocked = [*self._blocked(roots), *self._links_out(within)]
        chosen = sorted(path for path in self.files
                        if under(path, roots) and not under(path, blocked))
        return WalkResult(
            videos=tuple(self._stat(path) for path in chosen if is_video(path)),
            nfos=frozenset(path for path in chosen if is_nfo(path)),
            unreadable=tuple(sorted(folder for folder in self.unreadable
                                    if under(folder, roots))))

    def _links_out(self, within: Sequence[str] | None) -> list[str]:
        if within is None:
            return []
        return [link for link, target in self.links.items() if not under(target, within)]

    def _blocked(self, roots: Sequence[str]) -> list[str]:
        ignored = [path.rsplit("/", 1)[0] for path in self.files
                   if path.rsplit("/", 1)[-1] in IGNORE_MARKERS]
        return [*ignored, *self.unreadable]

    def _stat(self, path: str) -> FileStat:
        file = self.files[path]
        return FileStat(path, file.size, file.mtime_us)

    async def folder_problem(self, path: str) -> str | None:
        if path in self.files:
            return "is not a folder"
        if path.rstrip("/") in self.unreadable:
            return "cannot be read (Permission denied)"
        exists = path.rstrip("/") in self.folders or any(under(p, [path]) for p in self.files)
        return None if exists else "does not exist"

    async def read_texts(self, paths: Collection[str],
                         limit: int = 256 * 1024) -> dict[str, str | None]:
        self.reads += len(paths)
        return {path: file.content[:limit].decode("utf-8", errors="replace")
                if (file := self.files.get(path)) else None for path in paths}

    async def partial_hash(self, path: str) -> str | None:
        self.hashes += 1
        file = self.files.get(path)
        if file is None:
            return None
        return hashlib.blake2b(str(file.size).encode() + file.content,
                               digest_size=16).hexdigest()


class InMemoryFileWatcher:
    """Batches a test pushes with `emit`; an empty batch on every `tick_seconds`."""

    def __init__(self, tick_seconds: float = 0.05) -> None:
        self._queue: asyncio.Queue[set[str]] = asyncio.Queue()
        self._tick = tick_seconds
        self.watched: list[tuple[str, ...]] = []

    def emit(self, *paths: str) -> None:
        self._queue.put_nowait(set(paths))

    async def changes(self, roots: Sequence[str],
                      stop: asyncio.Event) -> AsyncIterator[set[str]]:
        self.watched.append(tuple(roots))
        while not stop.is_set():
            try:
                batch = await asyncio.wait_for(self._queue.get(), self._tick)
            except TimeoutError:
                batch = set()
            yield {path for path in batch if under(path, roots)}
