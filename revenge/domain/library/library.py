"""The library entity: a named set of folders, scanned on a schedule and maybe watched."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import msgspec

from revenge.domain.errors import RuleViolation
from revenge.domain.library.paths import normalised_paths

MAX_NAME_LENGTH = 100
MAX_INTERVAL_MINUTES = 60 * 24 * 365


class LibrarySettings(msgspec.Struct, frozen=True, kw_only=True):
    """What an admin chooses. `scan_interval_minutes` None: no periodic scans.
    `follow_symlinks_outside`: a symbolic link leading out of the library's folders is
    followed (off: such links are skipped, so a link cannot publish any file the server
    can read)."""

    name: str
    paths: tuple[str, ...]
    scan_interval_minutes: int | None = None
    watch: bool = False
    follow_symlinks_outside: bool = False


class Library(LibrarySettings, frozen=True, kw_only=True):
    id: str
    scan_requested_at: datetime | None = None
    created_at: datetime
    updated_at: datetime


def validated(settings: LibrarySettings) -> LibrarySettings:
    """The same settings, trimmed and normalised; raises `RuleViolation` naming the field."""
    name = settings.name.strip()
    if not 0 < len(name) <= MAX_NAME_LENGTH:
        raise RuleViolation(f"name must be 1 to {MAX_NAME_LENGTH} characters", field="name")
    interval = settings.scan_interval_minutes
    if interval is not None and not 1 <= interval <= MAX_INTERVAL_MINUTES:
        raise RuleViolation(f"scan_interval_minutes must be between 1 and "
                            f"{MAX_INTERVAL_MINUTES}", field="scan_interval_minutes")
    return msgspec.structs.replace(settings, name=name, paths=normalised_paths(settings.paths))


def new_library(library_id: str, settings: LibrarySettings, now: datetime) -> Library:
    checked = validated(settings)
    return Library(id=library_id, created_at=now, updated_at=now,
                   **msgspec.structs.asdict(checked))


def changed(library: Library, settings: LibrarySettings, now: datetime) -> Library:
    checked = validated(settings)
    return msgspec.structs.replace(library, **msgspec.structs.asdict(checked), updated_at=now)


def scan_due(library: Library, now: datetime) -> bool:
    """A periodic scan is due once its interval has passed since the last request."""
    if library.scan_interval_minutes is None:
        return False
    last = library.scan_requested_at
    return last is None or now - last >= timedelta(minutes=library.scan_interval_minutes)


def settings_of(library: Library) -> LibrarySettings:
    return LibrarySettings(name=library.name, paths=library.paths,
                           scan_interval_minutes=library.scan_interval_minutes,
                           watch=library.watch,
                           follow_symlinks_outside=library.follow_symlinks_outside)


def with_paths(settings: LibrarySettings, paths: Sequence[str]) -> LibrarySettings:
    return msgspec.structs.replace(settings, paths=tuple(paths))
