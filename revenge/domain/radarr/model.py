"""What Radarr tells us, in our words: its movies and their files, and the small lists
the admin screens show (status, quality profiles, root folders, tags, commands)."""

from __future__ import annotations

from datetime import datetime

import msgspec


class RadarrFile(msgspec.Struct, frozen=True, kw_only=True):
    """A movie's file in Radarr; `path` is Radarr's full path (not yet mapped to ours)."""

    radarr_id: int
    path: str
    size: int = 0
    date_added: datetime | None = None
    quality: str | None = None
    edition: str | None = None


class RadarrMovie(msgspec.Struct, frozen=True, kw_only=True):
    """A movie in Radarr. `folder` is its folder in Radarr's paths; ids Radarr leaves at
    0 or empty are None here."""

    radarr_id: int
    title: str
    year: int | None = None
    original_title: str | None = None
    tmdb_id: int | None = None
    imdb_id: str | None = None
    folder: str | None = None
    added: datetime | None = None
    file: RadarrFile | None = None

    @property
    def changed_at(self) -> datetime | None:
        """The latest of its `added` and its file's `dateAdded` (incremental syncs)."""
        stamps = [t for t in (self.added, self.file.date_added if self.file else None) if t]
        return max(stamps) if stamps else None


class RadarrSystem(msgspec.Struct, frozen=True, kw_only=True):
    app_name: str
    version: str
    instance_name: str | None = None
    url_base: str | None = None


class QualityProfile(msgspec.Struct, frozen=True):
    id: int
    name: str


class RootFolder(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    path: str
    accessible: bool = True
    free_space: int | None = None


class Tag(msgspec.Struct, frozen=True):
    id: int
    label: str


class HistoryRecord(msgspec.Struct, frozen=True, kw_only=True):
    """One entry of Radarr's history (`grabbed`, `downloadFolderImported`,
    `movieFileDeleted`, `movieFileRenamed`, ...)."""

    movie_id: int
    event_type: str
    date: datetime


class CommandState(msgspec.Struct, frozen=True, kw_only=True):
    """A command Radarr runs (`RefreshMovie`, `RescanMovie`); status is Radarr's own
    (`queued`, `started`, `completed`, `failed`, ...)."""

    id: int
    name: str
    status: str
    message: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in ("completed", "failed", "aborted", "cancelled", "orphaned")
