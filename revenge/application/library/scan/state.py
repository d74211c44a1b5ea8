"""What one scan knows as it goes from phase to phase, and what it reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import msgspec

from revenge.application.library.ports import WalkResult
from revenge.application.library.records import SkippedFile
from revenge.application.metadata.requests import MatchMovieCommand
from revenge.domain.library.classification import Classification
from revenge.domain.library.diff import FileStat, KnownFile, ScanDiff
from revenge.domain.library.library import Library
from revenge.domain.library.moves import Move


class ScanSettings(msgspec.Struct, frozen=True, kw_only=True):
    """`probe_slots`: probing jobs run in parallel per library. `match_job`: the job
    that matches new movies with a metadata provider; None when none is configured."""

    probe_slots: int = 2
    match_job: type[MatchMovieCommand] | None = None


class ScanCounts(msgspec.Struct, kw_only=True):
    """Reported as the job's progress and result. `parsed` and `hashed` count calls of
    the name parser and partial-hash reads: zero on a rescan of an unchanged tree."""

    seen: int = 0
    new: int = 0
    changed: int = 0
    moved: int = 0
    missing: int = 0
    returned: int = 0
    unchanged: int = 0
    skipped: int = 0
    orphaned_extras: int = 0
    errors: int = 0
    parsed: int = 0
    hashed: int = 0
    movies_added: int = 0
    probes_requested: int = 0
    matches_requested: int = 0
    index_requests: int = 0


class ScanReport(msgspec.Struct, frozen=True, kw_only=True):
    library_id: str
    counts: ScanCounts
    unreadable: tuple[str, ...] = ()

    @property
    def wrote(self) -> bool:
        c = self.counts
        return bool(c.new or c.changed or c.moved or c.missing or c.returned or c.skipped)


@dataclass
class Scan:
    """One scan in progress. `roots` are the library's folders, or the changed folders
    of a watched library (`full` False)."""

    library: Library
    roots: tuple[str, ...]
    full: bool
    now: datetime
    counts: ScanCounts = field(default_factory=ScanCounts)
    walk: WalkResult = field(default_factory=WalkResult)
    unreadable: tuple[str, ...] = ()
    diff: ScanDiff = field(default_factory=ScanDiff)
    moves: list[Move] = field(default_factory=list)
    new: list[FileStat] = field(default_factory=list)
    vanished: list[KnownFile] = field(default_factory=list)
    classified: list[tuple[FileStat, Classification]] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    new_movie_ids: list[str] = field(default_factory=list)
    touched_movie_ids: set[str] = field(default_factory=set)
    files_to_probe: int = 0
    library_was_empty: bool = False
