"""Catalog context: movies, metadata, per-user watch state and their read side.

Same provider names in both profiles: `real` (PostgreSQL, aggregates cached in the
shared cache) and `memory` (the shared in-memory state). Use cases are stateless
singletons; each execution opens its own unit of work.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from revenge.adapters.memory.catalog_movie_queries import (
    InMemoryCollectionQueries,
    InMemoryMovieQueries,
)
from revenge.adapters.memory.catalog_unit_of_work import InMemoryCatalogUnitOfWork
from revenge.adapters.memory.catalog_user_queries import (
    InMemoryCatalogStatsQueries,
    InMemoryUserLibraryQueries,
)
from revenge.adapters.memory.change_stamps import InMemoryChangeStamps
from revenge.adapters.postgres.catalog_movie_list import PostgresMovieListQueries
from revenge.adapters.postgres.catalog_movie_queries import (
    PostgresCollectionQueries,
    PostgresMovieQueries,
)
from revenge.adapters.postgres.catalog_stats import PostgresCatalogStatsQueries
from revenge.adapters.postgres.catalog_unit_of_work import PostgresCatalogUnitOfWork
from revenge.adapters.postgres.catalog_user_queries import PostgresUserLibraryQueries
from revenge.adapters.postgres.change_listener import PostgresChangeStamps
from revenge.application.catalog.add_to_watchlist import AddToWatchlist
from revenge.application.catalog.clear_progress import ClearProgress
from revenge.application.catalog.create_movie import CreateMovie
from revenge.application.catalog.delete_movie import DeleteMovie
from revenge.application.catalog.hide_from_continue_watching import HideFromContinueWatching
from revenge.application.catalog.list_cache import (
    CachedCatalogStats,
    CachedMovieLists,
    CachedUserLibrary,
    PageCache,
)
from revenge.application.catalog.mark_watched import MarkWatched
from revenge.application.catalog.merge_movies import MergeMovies
from revenge.application.catalog.rate_movie import RateMovie
from revenge.application.catalog.record_progress import RecordProgress
from revenge.application.catalog.remove_from_watchlist import RemoveFromWatchlist
from revenge.application.catalog.request_refresh import RequestRefresh
from revenge.application.catalog.unmark_watched import UnmarkWatched
from revenge.application.catalog.unrate_movie import UnrateMovie
from revenge.application.catalog.update_movie import UpdateMovie
from revenge.domain.catalog.progress import ProgressPolicy
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.common import new_id, utc_now


def progress_policy(settings: Config) -> ProgressPolicy:
    return ProgressPolicy(complete_percent=settings.watched_threshold_percent,
                          min_resume_percent=settings.resume_min_percent,
                          min_resume_seconds=settings.resume_min_seconds)


class CatalogContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    jobs = providers.DependenciesContainer()
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)

    clock = providers.Object(utc_now)
    ids = providers.Object(new_id)
    policy = providers.Singleton(progress_policy, settings)

    unit_of_work = providers.Selector(
        profile,
        real=providers.Factory(PostgresCatalogUnitOfWork, core.database,
                               job_queue=jobs.job_queue.provider),
        memory=providers.Factory(InMemoryCatalogUnitOfWork, core.memory_state,
                                 job_queue=jobs.job_queue.provider),
    )

    # --- read side
    # List pages are cached per HTTP process while change notifications vouch for them
    # (the listener is started by the HTTP server's lifecycle; elsewhere it never
    # listens, so nothing is cached there).
    change_stamps = providers.Selector(
        profile,
        real=providers.Singleton(PostgresChangeStamps, core.database.provided.url),
        memory=providers.Singleton(InMemoryChangeStamps, core.memory_state),
    )
    page_cache = providers.Singleton(PageCache, change_stamps,
                                     settings.provided.list_cache_entries)
    movie_lists = providers.Singleton(CachedMovieLists, providers.Selector(
        profile,
        real=providers.Singleton(PostgresMovieListQueries, core.database, core.cache),
        memory=providers.Singleton(InMemoryMovieQueries, core.memory_state),
    ), page_cache)
    movie_details = providers.Selector(
        profile,
        real=providers.Singleton(PostgresMovieQueries, core.database),
        memory=providers.Singleton(InMemoryMovieQueries, core.memory_state),
    )
    user_library = providers.Singleton(CachedUserLibrary, providers.Selector(
        profile,
        real=providers.Singleton(PostgresUserLibraryQueries, core.database),
        memory=providers.Singleton(InMemoryUserLibraryQueries, core.memory_state),
    ), page_cache)
    stats = providers.Singleton(CachedCatalogStats, providers.Selector(
        profile,
        real=providers.Singleton(PostgresCatalogStatsQueries, core.database, core.cache),
        memory=providers.Singleton(InMemoryCatalogStatsQueries, core.memory_state),
    ), page_cache)
    collections = providers.Selector(
        profile,
        real=providers.Singleton(PostgresCollectionQueries, core.database),
        memory=providers.Singleton(InMemoryCollectionQueries, core.memory_state),
    )

    # --- use cases: the caller's own state
    record_progress = providers.Singleton(RecordProgress, unit_of_work.provider, clock, ids,
                                          policy)
    mark_watched = providers.Singleton(MarkWatched, unit_of_work.provider, clock, ids)
    unmark_watched = providers.Singleton(UnmarkWatched, unit_of_work.provider, clock)
    clear_progress = providers.Singleton(ClearProgress, unit_of_work.provider, clock)
    hide_from_continue_watching = providers.Singleton(HideFromContinueWatching,
                                                      unit_of_work.provider, clock)
    add_to_watchlist = providers.Singleton(AddToWatchlist, unit_of_work.provider, clock)
    remove_from_watchlist = providers.Singleton(RemoveFromWatchlist, unit_of_work.provider)
    rate_movie = providers.Singleton(RateMovie, unit_of_work.provider, clock)
    unrate_movie = providers.Singleton(UnrateMovie, unit_of_work.provider)

    # --- use cases: library management
    create_movie = providers.Singleton(CreateMovie, unit_of_work.provider, clock, ids)
    update_movie = providers.Singleton(UpdateMovie, unit_of_work.provider, clock)
    delete_movie = providers.Singleton(DeleteMovie, unit_of_work.provider)
    merge_movies = providers.Singleton(MergeMovies, unit_of_work.provider, clock)
    request_refresh = providers.Singleton(RequestRefresh, unit_of_work.provider)
