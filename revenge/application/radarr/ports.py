"""Ports of the Radarr context: Radarr itself (the gateway), the disk, and the records
the sync and the webhook receiver keep, inside one unit of work."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from revenge.application.radarr.records import (
    Delivery,
    DownloadState,
    FileRelocation,
    MediaItem,
    RadarrStatus,
    RecordedFile,
    StoredConflict,
    SyncState,
)
from revenge.application.shared.clock import Clock as Clock
from revenge.application.shared.jobs import JobQueue as JobQueue
from revenge.domain.catalog.movie import Movie
from revenge.domain.library.library import Library
from revenge.domain.radarr.model import (
    CommandState,
    HistoryRecord,
    QualityProfile,
    RadarrFile,
    RadarrMovie,
    RadarrSystem,
    RootFolder,
    Tag,
)
from revenge.domain.radarr.plan import IdLink
from revenge.domain.radarr.settings import RadarrSettings
from revenge.domain.radarr.state import Link, OurFile, OurMovie, SyncConflict
from revenge.domain.shared.ids import NewId as NewId


class RadarrGateway(Protocol):
    """Radarr's API v3, one server. Every call may raise `RadarrRefused` (the key was
    refused: 401/403), `RadarrBadAnswer` (not JSON, or not Radarr's shapes) or
    `Unavailable` (unreachable, timed out, or 5xx after a few retries with backoff).
    Reads are idempotent; paths are Radarr's own, not yet mapped."""

    async def system_status(self) -> RadarrSystem: ...

    async def movies(self) -> list[RadarrMovie]:
        """Every movie, each with its file when it has one."""
        ...

    async def movie(self, radarr_id: int) -> RadarrMovie:
        """Raises `NotFound` when Radarr has no such movie."""
        ...

    async def movie_files(self, radarr_movie_id: int) -> list[RadarrFile]: ...

    async def quality_profiles(self) -> list[QualityProfile]: ...

    async def root_folders(self) -> list[RootFolder]: ...

    async def tags(self) -> list[Tag]: ...

    async def history_since(self, since: datetime) -> list[HistoryRecord]:
        """History records at or after `since` (Radarr's clock), oldest first."""
        ...

    async def run_command(self, name: str, movie_ids: Sequence[int]) -> CommandState:
        """Starts `RefreshMovie` or `RescanMovie` for these movies (not idempotent:
        each call queues a command)."""
        ...

    async def command(self, command_id: int) -> CommandState:
        """Raises `NotFound` for an unknown command."""
        ...


class RadarrConnector(Protocol):
    def connect(self, url: str, api_key: str) -> AbstractAsyncContextManager[RadarrGateway]:
        """A gateway to the Radarr at `url` for the block (its connections are closed
        after it). Connecting does no I/O."""
        ...


class LocalDisk(Protocol):
    async def existing(self, paths: Collection[str]) -> set[str]:
        """Those of the paths that exist on this server's disk now."""
        ...


class RadarrSettingsRepository(Protocol):
    async def get(self) -> RadarrSettings | None: ...

    async def save(self, settings: RadarrSettings) -> None:
        """Creates or replaces the one connection."""
        ...


class SyncStateRepository(Protocol):
    async def lock(self) -> SyncState:
        """The state, locked until the unit of work ends: syncs and webhook jobs apply
        one after the other, never interleaved."""
        ...

    async def save(self, state: SyncState) -> None: ...

    async def claim_request(self, previous: datetime | None, now: datetime) -> bool:
        """Sets `sync_requested_at` to `now` only if it still is `previous`."""
        ...


class LinkRepository(Protocol):
    async def for_radarr(self, radarr_ids: Collection[int] | None) -> list[Link]:
        """Links of these Radarr movies (None: all)."""
        ...

    async def for_paths(self, paths: Collection[str]) -> list[Link]: ...

    async def save(self, links: Sequence[Link], now: datetime) -> None:
        """Creates or replaces each by Radarr movie id."""
        ...

    async def remove(self, radarr_ids: Collection[int]) -> None: ...


class ConflictRepository(Protocol):
    async def open_for(self, radarr_ids: Collection[int] | None) -> list[SyncConflict]:
        """Open conflicts of these Radarr movies (None: all)."""
        ...

    async def save(self, conflicts: Sequence[SyncConflict], now: datetime) -> None:
        """Creates or replaces each by key (a replaced one keeps its opening time)."""
        ...

    async def close(self, keys: Collection[str]) -> None: ...


class RadarrCatalog(Protocol):
    """The catalog as the sync reads and writes it."""

    async def movies(self, *, ids: Collection[str], tmdb_ids: Collection[int],
                     imdb_ids: Collection[str]) -> list[OurMovie]:
        """Movies with any of these ids, TMDb ids or IMDb ids."""
        ...

    async def files(self, *, movie_ids: Collection[str], paths: Collection[str],
                    under: Collection[str] = ()) -> list[OurFile]:
        """Files of these movies, at these paths, or below these folders."""
        ...

    async def add_movies(self, movies: Sequence[Movie]) -> None:
        """New movies, flagged unmatched. Raises `Conflict` for a TMDb id taken."""
        ...

    async def set_ids(self, links: Sequence[IdLink], now: datetime) -> None:
        """Fills in ids of movies that had no TMDb id (never replaces one)."""
        ...

    async def add_files(self, files: Sequence[RecordedFile]) -> None:
        """Raises `Conflict` (field "path") for a path recorded already."""
        ...

    async def relocate_files(self, moves: Sequence[FileRelocation], now: datetime) -> None:
        """Same records, new paths, present again."""
        ...

    async def mark_missing(self, file_ids: Collection[str], since: datetime) -> None:
        """Idempotent: a file missing already keeps its first `missing_since`."""
        ...

    async def refresh_missing(self, movie_ids: Collection[str], now: datetime) -> None:
        """Each movie is missing exactly when none of its main files is present."""
        ...


class LibraryFolders(Protocol):
    async def list(self) -> list[Library]: ...


class DeliveryRepository(Protocol):
    async def add(self, delivery: Delivery) -> bool:
        """Records a delivery; False (and nothing changes) when its key is known."""
        ...

    async def get(self, key: str) -> Delivery:
        """Raises `NotFound` for an unknown key."""
        ...

    async def set_job(self, key: str, job_id: str) -> None: ...

    async def mark_applied(self, key: str, at: datetime, outcome: Mapping[str, int | str]
                           ) -> None: ...


class DownloadRepository(Protocol):
    async def save(self, download: DownloadState) -> None:
        """Creates or replaces the state of the Radarr movie's download."""
        ...


class RadarrUnitOfWork(Protocol):
    """One transaction of the Radarr use cases; leaving without `commit()` rolls back."""

    settings: RadarrSettingsRepository
    sync: SyncStateRepository
    links: LinkRepository
    conflicts: ConflictRepository
    catalog: RadarrCatalog
    libraries: LibraryFolders
    deliveries: DeliveryRepository
    downloads: DownloadRepository
    jobs: JobQueue

    async def __aenter__(self) -> Self: ...

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None: ...

    async def commit(self) -> None: ...


class RadarrQueries(Protocol):
    """Read side, outside a unit of work."""

    async def settings(self) -> RadarrSettings | None:
        """The saved connection (the API key as sealed), None before the first save."""
        ...

    async def status(self, *, conflicts: int = 50, deliveries: int = 20) -> RadarrStatus:
        """The overview with up to `conflicts` open conflicts (oldest first) and the
        latest `deliveries` webhook deliveries (newest first)."""
        ...

    async def conflicts(self) -> list[StoredConflict]:
        """Every open conflict, oldest first."""
        ...

    async def media_items(self, years: Collection[int] | None = None) -> list[MediaItem]:
        """Movies with a present main file (of these years when given), by title."""
        ...
