"""Metadata context: the TMDb provider, the image cache, records and use cases.

The provider and the image store exist only when a TMDb key is configured (in either
profile: an e2e run may point the memory profile at the fake TMDb); without one they
are None, and matching is skipped (`MetadataSources` hands both to the HTTP handlers).
Tests override `metadata_provider` / `image_store`.
The HTTP clients they open are closed by `close_http_clients` when the process stops.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

from dependency_injector import containers, providers

from revenge.adapters.images.download import ImageDownloader
from revenge.adapters.images.processing import Limits
from revenge.adapters.images.store import FileImageStore
from revenge.adapters.memory.metadata_records import (
    InMemoryMetadataQueries,
    InMemoryMetadataUnitOfWork,
)
from revenge.adapters.postgres.metadata import (
    PostgresMetadataQueries,
    PostgresMetadataUnitOfWork,
)
from revenge.adapters.tmdb.client import TmdbClient, TmdbSettings
from revenge.adapters.tmdb.provider import TmdbMetadataProvider
from revenge.application.metadata.fix_match import FixMatch
from revenge.application.metadata.images import ImageFetcher
from revenge.application.metadata.match_movie import MatchMovie
from revenge.application.metadata.ports import ImageStore, MetadataProvider
from revenge.application.metadata.refresh_changed import RefreshChanged
from revenge.application.metadata.refresh_movie_metadata import RefreshMovieMetadata
from revenge.application.metadata.writer import MetadataWriter
from revenge.application.shared.cache import Cache
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.common import new_id, utc_now

log = logging.getLogger(__name__)


class Closable(Protocol):
    async def aclose(self) -> None: ...


C = TypeVar("C", bound=Closable)


class OpenClients:
    """The HTTP clients (TMDb, image host) the container made, to close at shutdown."""

    def __init__(self) -> None:
        self._clients: list[Closable] = []

    def __len__(self) -> int:
        return len(self._clients)

    def track(self, client: C) -> C:
        self._clients.append(client)
        return client

    async def aclose(self) -> None:
        clients, self._clients = self._clients, []
        for client in clients:
            try:
                await client.aclose()
            except Exception as exc:  # shutting down: note it and close the others
                log.warning("closing %s failed: %s", type(client).__name__, exc)


class MetadataSources:
    """The TMDb provider and the image cache as configured, for the HTTP handlers: each
    is None without a TMDb key. Read when called, so a reset singleton is seen.
    `fetcher` fills the cache on a miss and records the image (its blurhash)."""

    def __init__(self, provider: Callable[[], MetadataProvider | None],
                 images: Callable[[], ImageStore | None],
                 fetcher: Callable[[], ImageFetcher]) -> None:
        self.provider = provider
        self.images = images
        self.fetcher = fetcher


def tmdb_client(settings: Config, cache: Cache, clients: OpenClients) -> TmdbClient | None:
    if not settings.tmdb_api_key:
        return None
    return clients.track(TmdbClient(TmdbSettings(
        api_key=settings.tmdb_api_key, base_url=settings.tmdb_base_url,
        language=settings.tmdb_language, region=settings.tmdb_region,
        requests_per_second=settings.tmdb_requests_per_second, proxy=settings.tmdb_proxy),
        cache))


def tmdb_provider(client: TmdbClient | None) -> TmdbMetadataProvider | None:
    return TmdbMetadataProvider(client) if client is not None else None


def image_store(settings: Config, provider: TmdbMetadataProvider | None, limits: Limits,
                clients: OpenClients) -> FileImageStore | None:
    if provider is None:
        return None
    base_url = _fixed(settings.tmdb_image_base_url) if settings.tmdb_image_base_url \
        else provider.image_base_url
    downloader = clients.track(ImageDownloader(base_url, max_bytes=limits.max_bytes))
    return FileImageStore(settings.data_path / "images", downloader, limits)


def _fixed(url: str) -> Callable[[], Awaitable[str]]:
    async def base_url() -> str:
        return url

    return base_url


class MetadataContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    jobs = providers.DependenciesContainer()
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)

    clock = providers.Object(utc_now)
    ids = providers.Object(new_id)
    image_limits = providers.Object(Limits())

    http_clients = providers.Singleton(OpenClients)
    tmdb_client = providers.Singleton(tmdb_client, settings, core.cache, http_clients)
    metadata_provider = providers.Singleton(tmdb_provider, tmdb_client)
    image_store = providers.Singleton(image_store, settings, metadata_provider, image_limits,
                                      http_clients)

    unit_of_work = providers.Selector(
        profile,
        real=providers.Factory(PostgresMetadataUnitOfWork, core.database,
                               job_queue=jobs.job_queue.provider),
        memory=providers.Factory(InMemoryMetadataUnitOfWork, core.memory_state,
                                 job_queue=jobs.job_queue.provider),
    )
    queries = providers.Selector(
        profile,
        real=providers.Singleton(PostgresMetadataQueries, core.database),
        memory=providers.Singleton(InMemoryMetadataQueries, core.memory_state),
    )

    image_fetcher = providers.Factory(ImageFetcher, image_store, unit_of_work.provider, clock)
    sources = providers.Factory(MetadataSources, metadata_provider.provider,
                                image_store.provider, image_fetcher.provider)
    writer = providers.Factory(MetadataWriter, unit_of_work.provider, image_fetcher, clock, ids)
    match_movie = providers.Factory(MatchMovie, unit_of_work.provider, metadata_provider, writer)
    refresh_movie_metadata = providers.Factory(RefreshMovieMetadata, unit_of_work.provider,
                                               metadata_provider, writer, match_movie)
    fix_match = providers.Factory(FixMatch, unit_of_work.provider, metadata_provider, writer)
    refresh_changed = providers.Factory(RefreshChanged, unit_of_work.provider, queries,
                                        metadata_provider, clock)


async def close_http_clients(metadata: providers.Container[MetadataContainer]) -> None:
    """Shutdown (HTTP lifecycle, worker): closes the clients that were made, on the loop
    that used them, and forgets what wraps them so a restarted container opens new ones."""
    await metadata.http_clients().aclose()
    for name in ("image_store", "metadata_provider", "tmdb_client"):
        getattr(metadata, name).reset()
