"""Plain reads of libraries (no decision in them, so no use case)."""

from __future__ import annotations

from typing import Protocol

import msgspec

from revenge.application.library.records import SkippedFile
from revenge.domain.library.library import Library


class LibraryQueries(Protocol):
    async def list_libraries(self) -> list[Library]:
        """Every library, by name."""
        ...

    async def get_library(self, library_id: str) -> Library:
        """Raises `NotFound` for an unknown (or malformed) id."""
        ...

    async def find_library(self, name: str) -> Library | None:
        """By name, case-insensitively."""
        ...


class LibraryCounts(msgspec.Struct, frozen=True, kw_only=True):
    """Server-wide: movies (missing ones: no main file present; unmatched: known only from
    their file names) and files (missing: not found by the last scan)."""

    movies: int
    missing_movies: int
    unmatched_movies: int
    files: int
    missing_files: int


class UnmatchedMovie(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    title: str
    year: int | None


class LibraryReports(Protocol):
    """What an administrator watches: counts, movies waiting for a manual match, and
    the files a scan looked at and left out."""

    async def counts(self) -> LibraryCounts: ...

    async def unmatched_movies(self, limit: int) -> list[UnmatchedMovie]:
        """Unmatched movies by title (code-point order), then id; at most `limit`."""
        ...

    async def skipped_files(self, library_id: str) -> list[SkippedFile]:
        """The library's skipped files by path (none for an unknown library)."""
        ...
