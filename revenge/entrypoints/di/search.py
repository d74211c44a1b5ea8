"""Search context: the index (Typesense or in-memory), its fallback, the catalog view,
and the use cases. Same provider names in both profiles."""

from __future__ import annotations

from dependency_injector import containers, providers

from revenge.adapters.memory.search_index import InMemorySearchFallback, InMemorySearchIndex
from revenge.adapters.memory.search_source import InMemoryCatalogDocuments, InMemoryCatalogWatched
from revenge.adapters.postgres.search_fallback import PostgresSearchFallback
from revenge.adapters.postgres.search_source import PostgresMovieDocuments, PostgresWatchedMovies
from revenge.adapters.typesense.client import TypesenseClient
from revenge.adapters.typesense.search_index import TypesenseSearchIndex
from revenge.application.search.index_movie import IndexMovie
from revenge.application.search.probe import SearchProbe
from revenge.application.search.reconcile_index import ReconcileIndex
from revenge.application.search.reindex_all import ReindexAll
from revenge.application.search.remove_movie import RemoveMovie
from revenge.application.search.request_reindex import RequestReindex
from revenge.application.search.search_movies import SearchMovies
from revenge.application.search.suggest_titles import SuggestTitles
from revenge.application.search.verify_index import VerifyIndex
from revenge.entrypoints.config import Config


class SearchContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    jobs = providers.DependenciesContainer()
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)

    # Without REVENGE_TYPESENSE_URL (`revenge serve` sets it for its embedded Typesense)
    # search is "degraded": readiness says so and every search answers from PostgreSQL.
    typesense = providers.Singleton(TypesenseClient, settings.provided.typesense_url,
                                    settings.provided.typesense_api_key)
    index = providers.Selector(
        profile,
        real=providers.Singleton(TypesenseSearchIndex, typesense),
        memory=providers.Singleton(InMemorySearchIndex),
    )
    documents = providers.Selector(
        profile,
        real=providers.Singleton(PostgresMovieDocuments, core.database),
        memory=providers.Singleton(InMemoryCatalogDocuments, core.memory_state),
    )
    watched = providers.Selector(
        profile,
        real=providers.Singleton(PostgresWatchedMovies, core.database),
        memory=providers.Singleton(InMemoryCatalogWatched, core.memory_state),
    )
    fallback = providers.Selector(
        profile,
        real=providers.Singleton(PostgresSearchFallback, core.database),
        memory=providers.Singleton(InMemorySearchFallback, documents),
    )
    # One per process: it keeps its verdict for a few seconds (searches pay once per period).
    verify_index = providers.Singleton(VerifyIndex, index, documents, jobs.unit_of_work.provider)
    # Not critical: with search down the server is "degraded" and searches fall back.
    probes = providers.Selector(
        profile,
        real=providers.List(providers.Singleton(SearchProbe, index, verify_index)),
        memory=providers.List(),
    )

    search_movies = providers.Factory(SearchMovies, index, fallback, watched,
                                      verifier=verify_index)
    suggest_titles = providers.Factory(SuggestTitles, index, fallback, verifier=verify_index)
    request_reindex = providers.Factory(RequestReindex, jobs.unit_of_work.provider)
    index_movie = providers.Factory(IndexMovie, documents, index,
                                    request_reindex.provided.execute)
    remove_movie = providers.Factory(RemoveMovie, index)
    reindex_all = providers.Factory(ReindexAll, documents, index)
    reconcile_index = providers.Factory(ReconcileIndex, documents, index, reindex_all)


async def close_search_client(search: providers.Container[SearchContainer]) -> None:
    """Shutdown (HTTP lifecycle, worker): closes Typesense's connection pool, if opened."""
    await search.typesense().close()
