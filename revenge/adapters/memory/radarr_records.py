"""In-memory twins of the Radarr repositories, unit of work and queries."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime

import msgspec

from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.adapters.memory.library_libraries import InMemoryLibraryRepository
from revenge.adapters.memory.radarr_catalog import InMemoryRadarrCatalog
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.application.radarr.ports import JobQueue
from revenge.application.radarr.records import (
    Delivery,
    DownloadState,
    MediaItem,
    RadarrStatus,
    StoredConflict,
    SyncState,
)
from revenge.domain.errors import NotFound
from revenge.domain.radarr.settings import RadarrSettings
from revenge.domain.radarr.state import Link, SyncConflict

JobQueueFactory = Callable[[InMemoryUnitOfWork], JobQueue]


class _Tables:
    def __init__(self, state: InMemoryState) -> None:
        self.singletons: dict[str, object] = state.table("radarr_singletons")
        self.links: dict[int, Link] = state.table("radarr_links")
        self.conflicts: dict[str, StoredConflict] = state.table("radarr_conflicts")
        self.deliveries: dict[str, Delivery] = state.table("radarr_deliveries")
        self.downloads: dict[int, DownloadState] = state.table("radarr_downloads")
        self.catalog = CatalogTables(state)

    def live_links(self) -> list[Link]:
        """Links whose movie still exists (what ON DELETE CASCADE leaves)."""
        return [link for link in self.links.values() if link.movie_id in self.catalog.movies]


class InMemoryRadarrSettings:
    def __init__(self, tables: _Tables) -> None:
        self._t = tables

    async def get(self) -> RadarrSettings | None:
        settings = self._t.singletons.get("settings")
        return settings if isinstance(settings, RadarrSettings) else None

    async def save(self, settings: RadarrSettings) -> None:
        self._t.singletons["settings"] = settings


class InMemorySyncState:
    def __init__(self, tables: _Tables) -> None:
        self._t = tables

    async def lock(self) -> SyncState:
        state = self._t.singletons.get("sync")
        return state if isinstance(state, SyncState) else SyncState()

    async def save(self, state: SyncState) -> None:
        self._t.singletons["sync"] = state

    async def claim_request(self, previous: datetime | None, now: datetime) -> bool:
        state = await self.lock()
        if state.sync_requested_at != previous:
            return False
        await self.save(msgspec.structs.replace(state, sync_requested_at=now))
        return True


class InMemoryLinks:
    def __init__(self, tables: _Tables) -> None:
        self._t = tables

    async def for_radarr(self, radarr_ids: Collection[int] | None) -> list[Link]:
        wanted = None if radarr_ids is None else set(radarr_ids)
        return [link for link in self._t.live_links()
                if wanted is None or link.radarr_movie_id in wanted]

    async def for_paths(self, paths: Collection[str]) -> list[Link]:
        return [link for link in self._t.live_links() if link.local_path in set(paths)]

    async def save(self, links: Sequence[Link], now: datetime) -> None:
        self._t.links.update({link.radarr_movie_id: link for link in links})

    async def remove(self, radarr_ids: Collection[int]) -> None:
        for radarr_id in radarr_ids:
            self._t.links.pop(radarr_id, None)


class InMemoryConflicts:
    def __init__(self, tables: _Tables) -> None:
        self._t = tables

    async def open_for(self, radarr_ids: Collection[int] | None) -> list[SyncConflict]:
        wanted = None if radarr_ids is None else set(radarr_ids)
        return [s.conflict for s in self._t.conflicts.values()
                if wanted is None or s.conflict.radarr_movie_id in wanted]

    async def save(self, conflicts: Sequence[SyncConflict], now: datetime) -> None:
        for conflict in conflicts:
            before = self._t.conflicts.get(conflict.key)
            self._t.conflicts[conflict.key] = StoredConflict(
                conflict=conflict, opened_at=before.opened_at if before else now)

    async def close(self, keys: Collection[str]) -> None:
        for key in keys:
            self._t.conflicts.pop(key, None)


class InMemoryDeliveries:
    def __init__(self, tables: _Tables) -> None:
        self._t = tables

    async def add(self, delivery: Delivery) -> bool:
        if delivery.key in self._t.deliveries:
            return False
        self._t.deliveries[delivery.key] = delivery
        return True

    async def get(self, key: str) -> Delivery:
        if key not in self._t.deliveries:
            raise NotFound(f"no webhook delivery {key}")
        return self._t.deliveries[key]

    async def set_job(self, key: str, job_id: str) -> None:
        self._t.deliveries[key] = msgspec.structs.replace(self._t.deliveries[key],
                                                          job_id=job_id)

    async def mark_applied(self, key: str, at: datetime,
                           outcome: Mapping[str, int | str]) -> None:
        self._t.deliveries[key] = msgspec.structs.replace(
            self._t.deliveries[key], applied_at=at, outcome=dict(outcome))


class InMemoryDownloads:
    def __init__(self, tables: _Tables) -> None:
        self._t = tables

    async def save(self, download: DownloadState) -> None:
        self._t.downloads[download.radarr_movie_id] = download


class InMemoryRadarrUnitOfWork(InMemoryUnitOfWork):
    def __init__(self, state: InMemoryState, *, job_queue: JobQueueFactory) -> None:
        super().__init__(state)
        self._job_queue = job_queue

    def _bind(self) -> None:
        tables = _Tables(self.state)
        self.settings = InMemoryRadarrSettings(tables)
        self.sync = InMemorySyncState(tables)
        self.links = InMemoryLinks(tables)
        self.conflicts = InMemoryConflicts(tables)
        self.deliveries = InMemoryDeliveries(tables)
        self.downloads = InMemoryDownloads(tables)
        self.catalog = InMemoryRadarrCatalog(self.state)
        self.libraries = InMemoryLibraryRepository(self.state)
        self.jobs = self._job_queue(self)


class InMemoryRadarrQueries:
    def __init__(self, state: InMemoryState) -> None:
        self._state = state

    async def settings(self) -> RadarrSettings | None:
        return await InMemoryRadarrSettings(_Tables(self._state)).get()

    async def status(self, *, conflicts: int = 50, deliveries: int = 20) -> RadarrStatus:
        t = _Tables(self._state)
        settings = await InMemoryRadarrSettings(t).get()
        recent = sorted(t.deliveries.values(), key=lambda d: (d.received_at, d.key),
                        reverse=True)
        return RadarrStatus(
            configured=settings is not None and settings.api_key is not None,
            enabled=settings is not None and settings.enabled,
            state=await InMemorySyncState(t).lock(), linked_movies=len(t.live_links()),
            open_conflicts=len(t.conflicts),
            downloading=sum(d.status == "downloading" for d in t.downloads.values()),
            conflicts=tuple((await self.conflicts())[:conflicts]),
            recent_deliveries=tuple(recent[:deliveries]))

    async def conflicts(self) -> list[StoredConflict]:
        stored = _Tables(self._state).conflicts.values()
        return sorted(stored, key=lambda s: (s.opened_at, s.conflict.key))

    async def media_items(self, years: Collection[int] | None = None) -> list[MediaItem]:
        catalog = CatalogTables(self._state)
        items: dict[str, MediaItem] = {}
        for file in sorted(catalog.files.values(), key=lambda f: f.path):
            movie = catalog.movies.get(file.movie_id)
            if (movie is None or file.kind != "main" or file.missing_since is not None
                    or movie.id in items or (years and movie.year not in years)):
                continue
            items[movie.id] = MediaItem(movie_id=movie.id, title=movie.title, path=file.path,
                                        year=movie.year, tmdb_id=movie.tmdb_id,
                                        imdb_id=movie.imdb_id)
        return sorted(items.values(), key=lambda item: (item.title.casefold(), item.movie_id))
