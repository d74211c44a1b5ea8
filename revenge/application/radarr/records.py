"""What the Radarr repositories and use cases take and give besides domain values."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import msgspec

from revenge.domain.radarr.state import SyncConflict

SyncMode = Literal["full", "incremental"]


class SyncState(msgspec.Struct, frozen=True, kw_only=True):
    """The sync's memory between runs; `watermark` is in Radarr's clock."""

    watermark: datetime | None = None
    sync_requested_at: datetime | None = None
    last_started_at: datetime | None = None
    last_finished_at: datetime | None = None
    last_full_at: datetime | None = None
    last_mode: SyncMode | None = None
    last_status: Literal["succeeded", "failed"] | None = None
    last_error: str | None = None
    last_counts: dict[str, int] = msgspec.field(default_factory=dict)
    radarr_version: str | None = None


class SyncReport(msgspec.Struct, kw_only=True):
    """What one sync did: `examined` Radarr movies reconciled, `writes` catalog rows
    changed (movies and files; zero for a sync that found nothing new)."""

    mode: SyncMode
    radarr_movies: int = 0
    examined: int = 0
    movies_created: int = 0
    ids_linked: int = 0
    files_added: int = 0
    files_moved: int = 0
    files_missing: int = 0
    conflicts_opened: int = 0
    conflicts_closed: int = 0
    writes: int = 0
    scans_requested: int = 0

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in msgspec.structs.asdict(self).items() if isinstance(v, int)}


class RecordedFile(msgspec.Struct, frozen=True, kw_only=True):
    """A file Radarr brought, recorded in the catalog (in the library holding it, if any)."""

    id: str
    movie_id: str
    library_id: str | None
    path: str
    size: int
    mtime: datetime
    group_key: str
    part: int | None = None
    edition: str | None = None
    container: str | None = None


class FileRelocation(msgspec.Struct, frozen=True, kw_only=True):
    """A recorded file now at another path (maybe in another library, or none)."""

    file_id: str
    library_id: str | None
    path: str
    size: int
    mtime: datetime


class Delivery(msgspec.Struct, frozen=True, kw_only=True):
    """One webhook delivery; `event` is the encoded `RadarrEvent` the job applies."""

    key: str
    event_type: str
    summary: str
    event: bytes
    received_at: datetime
    radarr_movie_id: int | None = None
    job_id: str | None = None
    applied_at: datetime | None = None
    outcome: dict[str, int | str] | None = None


class DownloadState(msgspec.Struct, frozen=True, kw_only=True):
    radarr_movie_id: int
    title: str
    status: Literal["downloading", "imported"]
    updated_at: datetime
    tmdb_id: int | None = None
    release_title: str | None = None
    quality: str | None = None
    download_client: str | None = None
    download_id: str | None = None


class StoredConflict(msgspec.Struct, frozen=True, kw_only=True):
    conflict: SyncConflict
    opened_at: datetime


class RadarrStatus(msgspec.Struct, frozen=True, kw_only=True):
    """The admin's overview: the last sync, what is linked, open conflicts, downloads
    and the latest webhook deliveries."""

    configured: bool
    enabled: bool
    state: SyncState
    linked_movies: int
    open_conflicts: int
    downloading: int
    conflicts: tuple[StoredConflict, ...] = ()
    recent_deliveries: tuple[Delivery, ...] = ()


class MediaItem(msgspec.Struct, frozen=True, kw_only=True):
    """A movie as the Emby-style `/Items` lists it: one present main file's path."""

    movie_id: str
    title: str
    path: str
    year: int | None = None
    tmdb_id: int | None = None
    imdb_id: str | None = None
