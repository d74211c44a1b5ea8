"""Library management (`library.manage`): add, edit, delete and merge movies; refresh."""

from __future__ import annotations

from litestar import Controller, Response, delete, patch, post
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from revenge.application.catalog.create_movie import CreateMovie, CreateMovieCommand
from revenge.application.catalog.delete_movie import DeleteMovie, DeleteMovieCommand
from revenge.application.catalog.merge_movies import MergeMovies, MergeMoviesCommand
from revenge.application.catalog.ports import MovieDetailQueries
from revenge.application.catalog.read_models import MovieDetail
from revenge.application.catalog.request_refresh import RequestRefresh, RequestRefreshCommand
from revenge.application.catalog.update_movie import UpdateMovie, UpdateMovieCommand
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import CurrentPrincipal, require
from revenge.entrypoints.http.catalog.examples import documented
from revenge.entrypoints.http.catalog.schemas import JobAccepted, MergeBody, MovieBody, MoviePatch
from revenge.entrypoints.http.di_bridge import Uses, uses


class MovieAdminController(Controller):
    path = "/movies"
    tags = ["library management"]
    guards = [require(Permission.LIBRARY_MANAGE)]
    dependencies = uses(CreateMovie, UpdateMovie, DeleteMovie, MergeMovies, RequestRefresh,
                        MovieDetailQueries)

    @post("", status_code=201, summary="Add a movie by hand",
          responses=documented(MovieDetail, status=201, errors=(400, 401, 403, 409, 422)))
    async def create(self, data: JSONBody[MovieBody], principal: CurrentPrincipal,
                     create_movie: Uses[CreateMovie],
                     movie_detail_queries: Uses[MovieDetailQueries]) -> Response[MovieDetail]:
        movie = await create_movie.execute(CreateMovieCommand(
            actor=principal, fields=data.fields(), genres=list(data.genres)))
        detail = await movie_detail_queries.movie(principal.user_id, movie.id)
        return Response(detail, status_code=201,
                        # Relative to the request: right under a path prefix too.
                        headers={"Location": f"movies/{movie.id}"})

    @patch("/{movie_id:str}", summary="Edit a movie (edited fields are locked against "
                                      "metadata refreshes)",
           responses=documented(MovieDetail, errors=(400, 401, 403, 404, 409, 422)))
    async def edit(self, movie_id: FromPath[str], data: JSONBody[MoviePatch],
                   principal: CurrentPrincipal, update_movie: Uses[UpdateMovie],
                   movie_detail_queries: Uses[MovieDetailQueries]) -> MovieDetail:
        await update_movie.execute(UpdateMovieCommand(
            actor=principal, movie_id=movie_id, changes=data.changes(),
            genres=data.genre_names()))
        return await movie_detail_queries.movie(principal.user_id, movie_id)

    @delete("/{movie_id:str}", status_code=HTTP_204_NO_CONTENT,
            responses=documented(None), summary="Delete a movie and everyone's state for it "
                                                "(files on disk are not touched)")
    async def remove(self, movie_id: FromPath[str], principal: CurrentPrincipal,
                     delete_movie: Uses[DeleteMovie]) -> None:
        await delete_movie.execute(DeleteMovieCommand(actor=principal, movie_id=movie_id))

    @post("/{movie_id:str}/merge", status_code=200,
          summary="Merge duplicates into this movie (they are deleted; files, history, "
                  "lists and watch state move here)",
          responses=documented(MovieDetail, errors=(400, 401, 403, 404, 422)))
    async def merge(self, movie_id: FromPath[str], data: JSONBody[MergeBody],
                    principal: CurrentPrincipal, merge_movies: Uses[MergeMovies],
                    movie_detail_queries: Uses[MovieDetailQueries]) -> MovieDetail:
        await merge_movies.execute(MergeMoviesCommand(
            actor=principal, target_id=movie_id, source_ids=list(data.source_ids)))
        return await movie_detail_queries.movie(principal.user_id, movie_id)

    @post("/{movie_id:str}/refresh", status_code=HTTP_202_ACCEPTED,
          summary="Fetch the movie's metadata again (a background job)",
          responses=documented(JobAccepted, status=202))
    async def refresh(self, movie_id: FromPath[str], principal: CurrentPrincipal,
                      request_refresh: Uses[RequestRefresh]) -> JobAccepted:
        job_id = await request_refresh.execute(RequestRefreshCommand(
            actor=principal, movie_id=movie_id))
        return JobAccepted(job_id=job_id)
