"""Phase 1, walk: every video and .nfo file below the scan's roots, with size and mtime."""

from __future__ import annotations

from revenge.application.library.ports import FileSystem
from revenge.application.library.scan.state import Scan
from revenge.domain.library.diff import under


async def walk(scan: Scan, fs: FileSystem) -> None:
    library = scan.library
    within = None if library.follow_symlinks_outside else library.paths
    scan.walk = await fs.walk(scan.roots, within=within)
    scan.unreadable = (*scan.walk.unreadable, *_silent_roots(scan))
    scan.counts.seen = len(scan.walk.videos)
    scan.counts.errors = len(scan.unreadable)


def _silent_roots(scan: Scan) -> list[str]:
    """In a full scan, a library folder without a single video is treated as unreadable:
    an unmounted disk looks just like an empty folder, and must not make every movie
    on it missing. (A watched change scan trusts what it sees.)"""
    if not scan.full:
        return []
    return [root for root in scan.roots
            if not any(under(video.path, [root]) for video in scan.walk.videos)]
