"""My own state for movies: progress, watched, continue watching, history, watchlist,
ratings. Every route acts for the caller only; nothing here reads another user's state."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, delete, get, post, put
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT

from revenge.application.catalog.add_to_watchlist import AddToWatchlist, AddToWatchlistCommand
from revenge.application.catalog.clear_progress import ClearProgress, ClearProgressCommand
from revenge.application.catalog.hide_from_continue_watching import (
    HideFromContinueWatching,
    HideFromContinueWatchingCommand,
)
from revenge.application.catalog.mark_watched import MarkWatched, MarkWatchedCommand
from revenge.application.catalog.ports import CatalogStatsQueries, UserLibraryQueries
from revenge.application.catalog.rate_movie import RateMovie, RateMovieCommand
from revenge.application.catalog.read_models import CatalogStats, WatchProgress
from revenge.application.catalog.record_progress import RecordProgress, RecordProgressCommand
from revenge.application.catalog.remove_from_watchlist import (
    RemoveFromWatchlist,
    RemoveFromWatchlistCommand,
)
from revenge.application.catalog.unmark_watched import UnmarkWatched, UnmarkWatchedCommand
from revenge.application.catalog.unrate_movie import UnrateMovie, UnrateMovieCommand
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import CurrentPrincipal, principal_of, require
from revenge.entrypoints.http.catalog.examples import documented
from revenge.entrypoints.http.catalog.parameters import Page
from revenge.entrypoints.http.catalog.schemas import (
    ContinueWatchingPage,
    HistoryPage,
    ProgressBody,
    RatingBody,
    WatchlistPage,
    page_body,
)
from revenge.entrypoints.http.di_bridge import Uses, provided_of, uses

_NO_BODY = documented(None, errors=(400, 401, 403, 404))


class WatchController(Controller):
    path = "/movies"
    tags = ["my library"]
    guards = [require(Permission.LIBRARY_READ)]
    dependencies = uses(UserLibraryQueries, RecordProgress, ClearProgress, MarkWatched,
                        UnmarkWatched, HideFromContinueWatching, AddToWatchlist,
                        RemoveFromWatchlist, RateMovie, UnrateMovie)

    @post("/{movie_id:str}/progress", status_code=200, responses=documented(WatchProgress),
          summary="Report my position (≥ 90% marks it watched; < 5% or < 2 min is no "
                  "resume point)")
    async def report_progress(self, movie_id: FromPath[str], data: JSONBody[ProgressBody],
                              principal: CurrentPrincipal,
                              record_progress: Uses[RecordProgress]) -> WatchProgress:
        return await record_progress.execute(RecordProgressCommand(
            actor=principal, movie_id=movie_id, position_seconds=data.position_seconds,
            duration_seconds=data.duration_seconds))

    @get("/{movie_id:str}/progress", summary="My progress in a movie",
         responses=documented(WatchProgress))
    async def progress(self, movie_id: FromPath[str], principal: CurrentPrincipal,
                       user_library_queries: Uses[UserLibraryQueries]) -> WatchProgress:
        return await user_library_queries.progress(principal.user_id, movie_id)

    @delete("/{movie_id:str}/progress", status_code=HTTP_204_NO_CONTENT, responses=_NO_BODY,
            summary="Forget my resume point (watched or not stays)")
    async def clear_progress(self, movie_id: FromPath[str], principal: CurrentPrincipal,
                             clear_progress: Uses[ClearProgress]) -> None:
        await clear_progress.execute(ClearProgressCommand(actor=principal, movie_id=movie_id))

    @post("/{movie_id:str}/watched", status_code=200, responses=documented(WatchProgress),
          summary="Mark watched (counts one play, however often it is sent)")
    async def mark_watched(self, movie_id: FromPath[str], principal: CurrentPrincipal,
                           mark_watched: Uses[MarkWatched]) -> WatchProgress:
        return await mark_watched.execute(MarkWatchedCommand(actor=principal,
                                                             movie_id=movie_id))

    @delete("/{movie_id:str}/watched", status_code=200, responses=documented(WatchProgress),
            summary="Mark unwatched (history is kept)")
    async def unmark_watched(self, movie_id: FromPath[str], principal: CurrentPrincipal,
                             unmark_watched: Uses[UnmarkWatched]) -> WatchProgress:
        return await unmark_watched.execute(UnmarkWatchedCommand(actor=principal,
                                                                 movie_id=movie_id))

    @get("/continue-watching", summary="Movies I am in the middle of, latest first",
         responses=documented(ContinueWatchingPage, errors=(400, 401, 403)))
    async def continue_watching(self, request: Request[Any, Any, Any],
                                page: Page) -> ContinueWatchingPage:
        # A home-screen route: no more than one dependency (see MoviesController).
        library = provided_of(request).get(UserLibraryQueries)
        return page_body(ContinueWatchingPage, await library.continue_watching(
            principal_of(request).user_id, page))

    @delete("/{movie_id:str}/continue-watching", status_code=HTTP_204_NO_CONTENT,
            responses=_NO_BODY, summary="Remove from continue watching, keeping the position")
    async def hide(self, movie_id: FromPath[str], principal: CurrentPrincipal,
                   hide_from_continue_watching: Uses[HideFromContinueWatching]) -> None:
        await hide_from_continue_watching.execute(HideFromContinueWatchingCommand(
            actor=principal, movie_id=movie_id))

    @get("/watch-history", summary="My completed plays, newest first",
         responses=documented(HistoryPage, errors=(400, 401, 403)))
    async def history(self, principal: CurrentPrincipal,
                      user_library_queries: Uses[UserLibraryQueries],
                      page: Page) -> HistoryPage:
        return page_body(HistoryPage, await user_library_queries.history(principal.user_id,
                                                                          page))

    @get("/watchlist", summary="My watchlist, last added first",
         responses=documented(WatchlistPage, errors=(400, 401, 403)))
    async def watchlist(self, principal: CurrentPrincipal,
                        user_library_queries: Uses[UserLibraryQueries],
                        page: Page) -> WatchlistPage:
        return page_body(WatchlistPage, await user_library_queries.watchlist(
            principal.user_id, page))

    @put("/{movie_id:str}/watchlist", status_code=HTTP_204_NO_CONTENT, responses=_NO_BODY,
         summary="Put on my watchlist (idempotent)")
    async def add_to_watchlist(self, movie_id: FromPath[str], principal: CurrentPrincipal,
                               add_to_watchlist: Uses[AddToWatchlist]) -> None:
        await add_to_watchlist.execute(AddToWatchlistCommand(actor=principal,
                                                             movie_id=movie_id))

    @delete("/{movie_id:str}/watchlist", status_code=HTTP_204_NO_CONTENT, responses=_NO_BODY,
            summary="Take off my watchlist (idempotent)")
    async def remove_from_watchlist(self, movie_id: FromPath[str], principal: CurrentPrincipal,
                                    remove_from_watchlist: Uses[RemoveFromWatchlist]) -> None:
        await remove_from_watchlist.execute(RemoveFromWatchlistCommand(
            actor=principal, movie_id=movie_id))

    @put("/{movie_id:str}/rating", status_code=HTTP_204_NO_CONTENT, responses=_NO_BODY,
         summary="Rate a movie for myself, 1 to 10")
    async def rate(self, movie_id: FromPath[str], data: JSONBody[RatingBody],
                   principal: CurrentPrincipal, rate_movie: Uses[RateMovie]) -> None:
        await rate_movie.execute(RateMovieCommand(actor=principal, movie_id=movie_id,
                                                  rating=data.rating))

    @delete("/{movie_id:str}/rating", status_code=HTTP_204_NO_CONTENT, responses=_NO_BODY,
            summary="Remove my rating (idempotent)")
    async def unrate(self, movie_id: FromPath[str], principal: CurrentPrincipal,
                     unrate_movie: Uses[UnrateMovie]) -> None:
        await unrate_movie.execute(UnrateMovieCommand(actor=principal, movie_id=movie_id))

    @get("/stats", summary="Library counts, and mine: watched, plays, minutes",
         responses=documented(CatalogStats, errors=(401, 403)))
    async def stats(self, request: Request[Any, Any, Any]) -> CatalogStats:
        queries = provided_of(request).get(CatalogStatsQueries)
        return await queries.stats(principal_of(request).user_id)
