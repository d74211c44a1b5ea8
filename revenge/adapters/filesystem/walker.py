"""`FileSystem` on the local disk with `os.scandir`, run in a thread off the event loop."""

from __future__ import annotations

import asyncio
import codecs
import hashlib
import os
import stat as stat_flags
from collections.abc import Collection, Sequence

from revenge.application.library.ports import WalkResult
from revenge.domain.library.diff import FileStat, under
from revenge.domain.library.extensions import IGNORE_MARKERS, is_nfo, is_video

HASH_CHUNK = 64 * 1024
# Folders NAS boxes and desktops litter libraries with.
_JUNK_FOLDERS = frozenset({"@eaDir", "#recycle", "$RECYCLE.BIN", "System Volume Information",
                           "lost+found"})


class OsFileSystem:
    async def walk(self, roots: Sequence[str], *,
                   within: Sequence[str] | None = None) -> WalkResult:
        return await asyncio.to_thread(walk_tree, list(roots), within)

    async def folder_problem(self, path: str) -> str | None:
        return await asyncio.to_thread(folder_problem, path)

    async def read_texts(self, paths: Collection[str],
                         limit: int = 256 * 1024) -> dict[str, str | None]:
        return await asyncio.to_thread(lambda: {path: read_text(path, limit) for path in paths})

    async def partial_hash(self, path: str) -> str | None:
        return await asyncio.to_thread(partial_hash, path)


class _Walk:
    def __init__(self, within: Sequence[str] | None) -> None:
        self.videos: list[FileStat] = []
        self.nfos: set[str] = set()
        self.unreadable: list[str] = []
        self.visited: set[tuple[int, int]] = set()
        # Real paths: a library folder may itself be reached through a link.
        self.within = None if within is None else [os.path.realpath(p) for p in within]

    def root(self, root: str) -> None:
        try:
            info = os.stat(root)
        except FileNotFoundError:
            return
        except OSError:
            self.unreadable.append(root)
            return
        if stat_flags.S_ISDIR(info.st_mode):
            self.tree(root, info)
        elif is_video(root):
            self.videos.append(_file_stat(root, info))

    def tree(self, root: str, info: os.stat_result) -> None:
        pending = [(root, info)]
        while pending:
            folder, folder_info = pending.pop()
            if (folder_info.st_dev, folder_info.st_ino) in self.visited:
                continue  # a symbolic link back into the tree: never walk a folder twice
            self.visited.add((folder_info.st_dev, folder_info.st_ino))
            pending.extend(self.folder(folder))

    def folder(self, folder: str) -> list[tuple[str, os.stat_result]]:
        try:
            with os.scandir(folder) as scanned:
                entries = list(scanned)
        except OSError:
            self.unreadable.append(folder)
            return []
        if any(entry.name in IGNORE_MARKERS for entry in entries):
            return []
        return [sub for entry in entries if (sub := self.entry(entry)) is not None]

    def entry(self, entry: os.DirEntry[str]) -> tuple[str, os.stat_result] | None:
        name = entry.name
        if name.startswith(".") or name in _JUNK_FOLDERS:
            return None
        if not name.isascii() and not _utf8(name):
            self.unreadable.append(entry.path.encode(errors="replace").decode())
            return None  # a name that is not UTF-8 cannot be stored (nor shown)
        try:
            if entry.is_symlink() and not self.inside(entry.path):
                return None  # a link out of the library would publish any readable file
            if entry.is_dir():
                return entry.path, entry.stat()
            if is_video(name):
                self.videos.append(_file_stat(entry.path, entry.stat()))
            elif is_nfo(name):
                self.nfos.add(entry.path)
        except OSError:
            pass  # a broken symbolic link, or a file deleted while we looked
        return None

    def inside(self, link: str) -> bool:
        return self.within is None or under(os.path.realpath(link), self.within)


def _utf8(name: str) -> bool:
    try:
        name.encode()
    except UnicodeEncodeError:
        return False
    return True


def _file_stat(path: str, info: os.stat_result) -> FileStat:
    return FileStat(path, info.st_size, info.st_mtime_ns // 1000)


def walk_tree(roots: list[str], within: Sequence[str] | None = None) -> WalkResult:
    walk = _Walk(within)
    for root in roots:
        walk.root(root)
    return WalkResult(videos=tuple(walk.videos), nfos=frozenset(walk.nfos),
                      unreadable=tuple(walk.unreadable))


def folder_problem(path: str) -> str | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "does not exist"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if not stat_flags.S_ISDIR(info.st_mode):
        return "is not a folder"
    try:
        with os.scandir(path) as scanned:
            next(scanned, None)
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    return None


def read_text(path: str, limit: int) -> str | None:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit)
    except OSError:
        return None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("utf-8-sig", errors="replace")


def partial_hash(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            digest = hashlib.blake2b(str(size).encode(), digest_size=16)
            digest.update(handle.read(HASH_CHUNK))
            if size > HASH_CHUNK:
                handle.seek(max(HASH_CHUNK, size - HASH_CHUNK))
                digest.update(handle.read(HASH_CHUNK))
    except OSError:
        return None
    return digest.hexdigest()
