"""Ports of the library context: libraries, the scanner's file records, the movies it
creates, the file system it walks, and the watcher that wakes it up."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator, Collection, Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

import msgspec

from revenge.application.library.records import (
    FileMove,
    NewFile,
    ProbeReport,
    ProbeTarget,
    SkippedFile,
    StatUpdate,
)
from revenge.application.shared.clock import Clock as Clock
from revenge.application.shared.jobs import JobQueue as JobQueue
from revenge.domain.catalog.movie import Movie
from revenge.domain.library.diff import FileStat, KnownFile
from revenge.domain.library.grouping import FolderMovie
from revenge.domain.library.library import Library
from revenge.domain.library.moves import MoveCandidate
from revenge.domain.library.naming import ParsedName
from revenge.domain.shared.ids import NewId as NewId


class LibraryRepository(Protocol):
    async def add(self, library: Library) -> None:
        """Raises `Conflict` (field "name") when another library has that name in any case."""
        ...

    async def get(self, library_id: str) -> Library:
        """Raises `NotFound` for an unknown (or malformed) id."""
        ...

    async def find_by_name(self, name: str) -> Library | None:
        """Case-insensitive."""
        ...

    async def list(self) -> list[Library]:
        """Every library, by name."""
        ...

    async def update(self, library: Library) -> None:
        """Replaces the settings. Raises `Conflict` like `add`, `NotFound` when gone."""
        ...

    async def remove(self, library_id: str) -> None:
        """Deletes the library and its skipped-file records; its files stay (detached)."""
        ...

    async def lock(self, library_id: str) -> None:
        """Until the unit of work ends, no other unit of work scans this library."""
        ...

    async def claim_scan(self, library_id: str, previous: datetime | None,
                         now: datetime) -> bool:
        """Sets `scan_requested_at` to `now` only if it still is `previous` (compare and
        set), so of several workers ticking together one requests the periodic scan."""
        ...


class LibraryFileRepository(Protocol):
    """The scanner's records of files, inside a unit of work."""

    async def snapshot(self, library_id: str, within: Sequence[str] = ()) -> list[KnownFile]:
        """Every recorded and skipped file of the library (only those under `within`
        when given), present or missing."""
        ...

    async def move_candidates(self, sizes: Collection[int],
                              vanishing: Collection[str] = ()) -> list[MoveCandidate]:
        """Recorded files of these sizes that are missing (in any library, or none) or
        whose ids are in `vanishing` (gone in the scan under way)."""
        ...

    async def movies_by_key(self, library_id: str, keys: Collection[str]) -> dict[str, str]:
        """Group key -> movie id, from the library's recorded files (missing included)."""
        ...

    async def folder_movies(self, library_id: str,
                            folders: Collection[str]) -> dict[str, list[FolderMovie]]:
        """The main files recorded directly in each folder, with their movies."""
        ...

    async def add(self, files: Sequence[NewFile]) -> None:
        """Raises `Conflict` (field "path") when a path is recorded already."""
        ...

    async def update_stats(self, updates: Sequence[StatUpdate]) -> None: ...

    async def move(self, moves: Sequence[FileMove]) -> None: ...

    async def mark_missing(self, file_ids: Collection[str], since: datetime) -> None:
        """Idempotent: a file missing already keeps its first `missing_since`."""
        ...

    async def skip(self, library_id: str, files: Sequence[SkippedFile]) -> None:
        """Records (or replaces) skipped files."""
        ...

    async def forget_skipped(self, library_id: str, paths: Collection[str]) -> None: ...

    async def detach_library(self, library_id: str, now: datetime) -> list[str]:
        """Marks every file of the library missing; returns their movie ids."""
        ...


class ScannedMovieRepository(Protocol):
    """The movies the scanner creates and flags, inside a unit of work."""

    async def ids_by_tmdb(self, tmdb_ids: Collection[int]) -> dict[int, str]: ...

    async def add(self, movies: Sequence[Movie]) -> None:
        """New movies, flagged unmatched (the metadata context matches them)."""
        ...

    async def refresh_missing(self, movie_ids: Collection[str], now: datetime) -> None:
        """Each movie is missing exactly when none of its main files is present. Never
        deletes a movie (watch state and history stay)."""
        ...


class ProbeTargets(Protocol):
    """Files waiting to be probed, and their probe results."""

    async def pending(self, library_id: str, *, slot: int, slots: int, after: str | None,
                      limit: int) -> list[ProbeTarget]:
        """Present, never-probed files of the library in this slot (files are spread
        over `slots` by id, so slots never share a file), by id after `after`."""
        ...

    async def pending_count(self, library_id: str) -> int: ...

    async def record(self, file_id: str, report: ProbeReport) -> None:
        """Stores the probe's result (or error: the file is not probed again until its
        content changes). A file deleted meanwhile is ignored."""
        ...


class LibraryUnitOfWork(Protocol):
    """One transaction of the library use cases; leaving without `commit()` rolls back."""

    libraries: LibraryRepository
    files: LibraryFileRepository
    movies: ScannedMovieRepository
    probes: ProbeTargets
    jobs: JobQueue

    async def __aenter__(self) -> Self: ...

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None: ...

    async def commit(self) -> None: ...


class WalkResult(msgspec.Struct, frozen=True, kw_only=True):
    """Video files found, `.nfo` files found (paths), and folders that could not be read."""

    videos: tuple[FileStat, ...] = ()
    nfos: frozenset[str] = frozenset()
    unreadable: tuple[str, ...] = ()


class FileSystem(Protocol):
    """The disk, as the scanner needs it. Blocking work runs off the event loop."""

    async def walk(self, roots: Sequence[str], *,
                   within: Sequence[str] | None = None) -> WalkResult:
        """Every video and .nfo file below the roots (a root may also be one file).
        A folder holding an `.ignore` file is skipped with all below it; symbolic links
        to folders are followed, but never into a folder already being walked (no
        loops), and, when `within` is given, a symbolic link (to a file or a folder)
        whose target lies outside those folders is skipped; a folder that cannot be
        read is listed in `unreadable` and skipped; a root that does not exist is
        simply empty."""
        ...

    async def folder_problem(self, path: str) -> str | None:
        """Why `path` cannot be a library folder ("does not exist", "is not a folder",
        "cannot be read"), or None when it can."""
        ...

    async def read_texts(self, paths: Collection[str],
                         limit: int = 256 * 1024) -> dict[str, str | None]:
        """The start of each small text file (decoded leniently); None when unreadable."""
        ...

    async def partial_hash(self, path: str) -> str | None:
        """A hash of the file's size and its first and last 64 KiB: the same content
        gives the same hash wherever it lives. None when the file cannot be read."""
        ...


class FileWatcher(Protocol):
    """Changes below folders, as they happen."""

    def changes(self, roots: Sequence[str], stop: asyncio.Event) -> AsyncIterator[set[str]]:
        """Yields the paths changed (created, modified, deleted) since the last batch,
        and an empty batch at least every second so callers can act on time. Roots
        that do not exist are left out. Ends soon after `stop` is set."""
        ...


class ScanProgress(Protocol):
    async def __call__(self, percent: int, counts: Mapping[str, int]) -> None: ...


class NameParser(Protocol):
    """The name parser as a scan uses it: many paths at once, in batches of whole
    folders. An implementation may parse in other processes; whatever it does, the
    answers are `parse_path`'s, and the event loop stays free while it works (the scan
    stores earlier batches meanwhile)."""

    def parse_batches(
            self, batches: Sequence[Sequence[str]]) -> AsyncGenerator[list[ParsedName], None]:
        """Each batch's paths parsed, one list per batch, in the order given."""
        ...

    def counts(self) -> tuple[int, int]:
        """(distinct names parsed, repeated names answered from memory) so far."""
        ...
