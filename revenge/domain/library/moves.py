"""Moved and renamed files: a new path whose content is a missing file's keeps that
file's record, hence its movie and every user's watch state."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

import msgspec

from revenge.domain.library.diff import FileStat


class MoveCandidate(msgspec.Struct, frozen=True, kw_only=True):
    """A recorded file that is missing (or vanished in this very scan)."""

    file_id: str
    movie_id: str
    path: str
    size: int
    content_hash: str | None = None


class Move(msgspec.Struct, frozen=True):
    stat: FileStat
    moved: MoveCandidate


def sizes_worth_hashing(new: Sequence[FileStat],
                        candidates: Sequence[MoveCandidate]) -> list[FileStat]:
    """Only a new file the size of some missing file can be a move; only those are read."""
    sizes = {candidate.size for candidate in candidates}
    return [stat for stat in new if stat.size in sizes]


def pair_moves(hashed: Sequence[tuple[FileStat, str | None]],
               candidates: Sequence[MoveCandidate]) -> list[Move]:
    """Each new file takes at most one candidate of its size: the one with the same
    partial content hash, else one never hashed (not probed yet) with the same file
    name or in the same folder (a rename in place)."""
    free = list(candidates)
    moves: list[Move] = []
    for stat, content_hash in hashed:
        match = _best(stat, content_hash, free)
        if match is not None:
            free.remove(match)
            moves.append(Move(stat, match))
    return moves


def _best(stat: FileStat, content_hash: str | None,
          candidates: Sequence[MoveCandidate]) -> MoveCandidate | None:
    same_size = [c for c in candidates if c.size == stat.size]
    by_hash = [c for c in same_size if content_hash and c.content_hash == content_hash]
    folder, name = posixpath.split(stat.path)
    by_name = [c for c in same_size if c.content_hash is None
               and posixpath.basename(c.path) == name]
    by_folder = [c for c in same_size if c.content_hash is None
                 and posixpath.dirname(c.path) == folder]
    return next(iter(by_hash or by_name or by_folder), None)
