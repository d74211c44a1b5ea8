"""The metadata API: provider search and details, similar movies, fix match."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.params import FromPath, JSONBody, Parameter

from revenge.application.metadata.fix_match import FixMatch, FixMatchCommand
from revenge.application.metadata.ports import MetadataProvider, MetadataQueries
from revenge.application.metadata.read_models import MatchResult
from revenge.domain.errors import NotConfigured
from revenge.domain.metadata.details import MovieDetails
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.di.metadata import MetadataSources
from revenge.entrypoints.http.auth import CurrentPrincipal, require
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.metadata.schemas import (
    CandidateList,
    MatchBody,
    ProviderSearchPage,
    SimilarList,
)

Year = Annotated[int | None, Parameter(ge=1800, le=2200, description="Release year")]
Page = Annotated[int, Parameter(ge=1, le=500)]
Query = Annotated[str, Parameter(min_length=1, max_length=200, description="Title to search")]


def _provider(sources: MetadataSources) -> MetadataProvider:
    provider = sources.provider()
    if provider is None:
        raise NotConfigured("metadata", "no TMDb API key is set (REVENGE_TMDB_API_KEY)")
    return provider


class ProviderController(Controller):
    """What TMDb knows, for an admin choosing a match (costs provider requests)."""

    path = "/metadata"
    tags = ["metadata"]
    guards = [require(Permission.LIBRARY_MANAGE)]
    dependencies = uses(MetadataSources)

    @get("/search/movie", summary="Search TMDb for movies")
    async def search(self, metadata_sources: Uses[MetadataSources], q: Query,
                     year: Year = None, page: Page = 1) -> ProviderSearchPage:
        found = await _provider(metadata_sources).search_movies(q, year=year, page=page)
        return ProviderSearchPage(items=list(found.results), page=found.page,
                                  total_pages=found.total_pages, total=found.total_results)

    @get("/movie/{tmdb_id:int}", summary="A TMDb movie with credits, genres, collection")
    async def movie(self, metadata_sources: Uses[MetadataSources],
                    tmdb_id: Annotated[int, Parameter(gt=0)]) -> MovieDetails:
        return await _provider(metadata_sources).movie_details(tmdb_id)


class MovieMetadataController(Controller):
    path = "/movies"
    tags = ["metadata"]
    dependencies = uses(MetadataQueries, FixMatch)

    @get("/{movie_id:str}/similar", guards=[require(Permission.LIBRARY_READ)],
         summary="Similar movies (from TMDb; `movie_id` set when in the library)")
    async def similar(self, movie_id: FromPath[str],
                      metadata_queries: Uses[MetadataQueries]) -> SimilarList:
        items = await metadata_queries.similar(movie_id)
        return SimilarList(items=items, total=len(items))

    @get("/{movie_id:str}/match-candidates", guards=[require(Permission.LIBRARY_MANAGE)],
         summary="Candidates kept when the movie could not be matched with confidence")
    async def candidates(self, movie_id: FromPath[str],
                         metadata_queries: Uses[MetadataQueries]) -> CandidateList:
        items = await metadata_queries.candidates(movie_id)
        return CandidateList(items=items, total=len(items))

    @post("/{movie_id:str}/match", status_code=200, guards=[require(Permission.LIBRARY_MANAGE)],
          summary="Fix the match: this movie is that TMDb movie (locked against refreshes)")
    async def match(self, movie_id: FromPath[str], data: JSONBody[MatchBody],
                    principal: CurrentPrincipal, fix_match: Uses[FixMatch]) -> MatchResult:
        return await fix_match.execute(FixMatchCommand(
            actor=principal, movie_id=movie_id, tmdb_id=data.tmdb_id))
