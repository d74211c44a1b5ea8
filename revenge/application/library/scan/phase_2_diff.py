"""Phase 2, diff: compare the walk with the last scan by (path, size, mtime), then pair
new paths with missing files of the same content (moves and renames)."""

from __future__ import annotations

import asyncio

from revenge.application.library.ports import FileSystem, LibraryUnitOfWork
from revenge.application.library.scan.state import Scan
from revenge.domain.library.diff import diff_scan
from revenge.domain.library.moves import pair_moves, sizes_worth_hashing


async def diff(scan: Scan, uow: LibraryUnitOfWork, fs: FileSystem) -> None:
    within = () if scan.full else scan.roots
    known = {file.path: file for file in await uow.files.snapshot(scan.library.id, within)}
    scan.diff = diff_scan(known, scan.walk.videos, scan.unreadable)
    scan.library_was_empty = scan.full and not known  # a change scan sees only its folders
    scan.new = list(scan.diff.new)
    scan.vanished = list(scan.diff.vanished)
    if scan.new:
        await _find_moves(scan, uow, fs)
    _count(scan)


async def _find_moves(scan: Scan, uow: LibraryUnitOfWork, fs: FileSystem) -> None:
    vanished_ids = [file.file_id for file in scan.vanished if file.file_id]
    sizes = {stat.size for stat in scan.new}
    candidates = await uow.files.move_candidates(sizes, vanished_ids)
    worth = sizes_worth_hashing(scan.new, candidates)
    hashes = await asyncio.gather(*(fs.partial_hash(stat.path) for stat in worth))
    scan.counts.hashed += len(worth)
    scan.moves = pair_moves(list(zip(worth, hashes, strict=True)), candidates)
    moved_paths = {move.stat.path for move in scan.moves}
    moved_ids = {move.moved.file_id for move in scan.moves}
    scan.new = [stat for stat in scan.new if stat.path not in moved_paths]
    scan.vanished = [file for file in scan.vanished if file.file_id not in moved_ids]


def _count(scan: Scan) -> None:
    counts, diff = scan.counts, scan.diff
    counts.new, counts.moved = len(scan.new), len(scan.moves)
    counts.changed, counts.returned = len(diff.changed), len(diff.returned)
    counts.missing, counts.unchanged = len(scan.vanished), diff.unchanged
