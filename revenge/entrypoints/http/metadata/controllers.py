"""The metadata API: provider search and details, similar movies, fix match."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, Parameter

from revenge.application.metadata.fix_match import FixMatchCommand
from revenge.application.metadata.read_models import MatchResult
from revenge.domain.errors import NotConfigured
from revenge.domain.identity.permissions import Permission
from revenge.domain.metadata.details import MovieDetails
from revenge.entrypoints.http.auth import CurrentPrincipal, require
from revenge.entrypoints.http.metadata.schemas import (
    CandidateList,
    MatchBody,
    ProviderSearchPage,
    SimilarList,
)

Year = Annotated[int | None, Parameter(ge=1800, le=2200, description="Release year")]
Page = Annotated[int, Parameter(ge=1, le=500)]
Query = Annotated[str, Parameter(min_length=1, max_length=200, description="Title to search")]
Metadata = NamedDependency[Any]  # the metadata DI container


def _provider(metadata: Any) -> Any:
    provider = metadata.metadata_provider()
    if provider is None:
        raise NotConfigured("metadata", "no TMDb API key is set (REVENGE_TMDB_API_KEY)")
    return provider


class ProviderController(Controller):
    """What TMDb knows, for an admin choosing a match (costs provider requests)."""

    path = "/metadata"
    tags = ["metadata"]
    guards = [require(Permission.LIBRARY_MANAGE)]

    @get("/search/movie", summary="Search TMDb for movies")
    async def search(self, metadata: Metadata, q: Query, year: Year = None,
                     page: Page = 1) -> ProviderSearchPage:
        found = await _provider(metadata).search_movies(q, year=year, page=page)
        return ProviderSearchPage(items=list(found.results), page=found.page,
                                  total_pages=found.total_pages, total=found.total_results)

    @get("/movie/{tmdb_id:int}", summary="A TMDb movie with credits, genres, collection")
    async def movie(self, metadata: Metadata,
                    tmdb_id: Annotated[int, Parameter(gt=0)]) -> MovieDetails:
        details: MovieDetails = await _provider(metadata).movie_details(tmdb_id)
        return details


class MovieMetadataController(Controller):
    path = "/movies"
    tags = ["metadata"]

    @get("/{movie_id:str}/similar", guards=[require(Permission.LIBRARY_READ)],
         summary="Similar movies (from TMDb; `movie_id` set when in the library)")
    async def similar(self, movie_id: FromPath[str], metadata: Metadata) -> SimilarList:
        items = await metadata.queries().similar(movie_id)
        return SimilarList(items=items, total=len(items))

    @get("/{movie_id:str}/match-candidates", guards=[require(Permission.LIBRARY_MANAGE)],
         summary="Candidates kept when the movie could not be matched with confidence")
    async def candidates(self, movie_id: FromPath[str], metadata: Metadata) -> CandidateList:
        items = await metadata.queries().candidates(movie_id)
        return CandidateList(items=items, total=len(items))

    @post("/{movie_id:str}/match", status_code=200, guards=[require(Permission.LIBRARY_MANAGE)],
          summary="Fix the match: this movie is that TMDb movie (locked against refreshes)")
    async def match(self, movie_id: FromPath[str], data: JSONBody[MatchBody],
                    principal: CurrentPrincipal, metadata: Metadata) -> MatchResult:
        result: MatchResult = await metadata.fix_match().execute(FixMatchCommand(
            actor=principal, movie_id=movie_id, tmdb_id=data.tmdb_id))
        return result
