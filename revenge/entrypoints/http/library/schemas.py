"""Request and response bodies of the library admin API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from revenge.application.library.queries import LibraryCounts, UnmatchedMovie
from revenge.application.library.records import SkippedFile
from revenge.domain.library.library import Library

Interval = Annotated[int, msgspec.Meta(ge=1, examples=[60])]
UNSET = msgspec.UNSET


class LibraryBody(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(examples=["Movies"])]
    paths: Annotated[list[str], msgspec.Meta(examples=[["/media/movies"]])]
    scan_interval_minutes: Interval | None = None
    watch: bool = False
    follow_symlinks_outside: bool = False


class LibraryPatch(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Only the fields present change; `"scan_interval_minutes": null` stops periodic scans."""

    name: str | msgspec.UnsetType = UNSET
    paths: list[str] | msgspec.UnsetType = UNSET
    scan_interval_minutes: Interval | msgspec.UnsetType | None = UNSET
    watch: bool | msgspec.UnsetType = UNSET
    follow_symlinks_outside: bool | msgspec.UnsetType = UNSET


class LibraryView(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    paths: list[str]
    scan_interval_minutes: int | None
    watch: bool
    follow_symlinks_outside: bool
    scan_requested_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, library: Library) -> LibraryView:
        return cls(id=library.id, name=library.name, paths=list(library.paths),
                   scan_interval_minutes=library.scan_interval_minutes, watch=library.watch,
                   follow_symlinks_outside=library.follow_symlinks_outside,
                   scan_requested_at=library.scan_requested_at,
                   created_at=library.created_at, updated_at=library.updated_at)


class CreatedLibraryView(LibraryView, frozen=True, kw_only=True):
    """The new library and the id of its first scan's job."""

    scan_job_id: str | None


class LibraryList(msgspec.Struct, frozen=True):
    items: list[LibraryView]
    next_cursor: str | None
    total: int


class ScanAccepted(msgspec.Struct, frozen=True):
    job_id: str


class SkippedFileList(msgspec.Struct, frozen=True):
    """Video files the scans looked at and left out, by path; `reason` is "sample" (a
    sample clip) or "unrecognised" (no title in the name)."""

    items: list[SkippedFile]
    next_cursor: str | None
    total: int


class LibraryOverview(msgspec.Struct, frozen=True, kw_only=True):
    """Counts over every library, and the first unmatched movies (by title) waiting for
    a manual match (`counts.unmatched_movies` says how many there are in all)."""

    counts: LibraryCounts
    unmatched: list[UnmatchedMovie]
