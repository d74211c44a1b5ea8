"""Play state: what the app reports while playing (recorded through our progress use
case: the same 90% rule and Continue watching as the web UI), played / unplayed and
favourites (our watchlist) at the 10.8 (`/Users/{userId}/…`) and 10.9+ paths, and the
capability reports apps send after a login (accepted, nothing to keep)."""

from __future__ import annotations

import contextlib
from typing import Any

import msgspec
from litestar import Controller, Request, delete, post
from litestar.status_codes import HTTP_204_NO_CONTENT

from revenge.application.catalog.add_to_watchlist import AddToWatchlist, AddToWatchlistCommand
from revenge.application.catalog.mark_watched import MarkWatched, MarkWatchedCommand
from revenge.application.catalog.ports import MovieDetailQueries, UserLibraryQueries
from revenge.application.catalog.record_progress import RecordProgress, RecordProgressCommand
from revenge.application.catalog.remove_from_watchlist import (
    RemoveFromWatchlist,
    RemoveFromWatchlistCommand,
)
from revenge.application.catalog.unmark_watched import UnmarkWatched, UnmarkWatchedCommand
from revenge.application.playback.ports import PlaybackSessions
from revenge.application.playback.stop_playback import StopPlayback, StopPlaybackCommand
from revenge.domain.errors import NotFound, RuleViolation
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.di_bridge import Uses, provided_of, uses
from revenge.entrypoints.http.jellyfin.auth import require
from revenge.entrypoints.http.jellyfin.context import caller
from revenge.entrypoints.http.jellyfin.dtos_items import UserItemData
from revenge.entrypoints.http.jellyfin.extras import extra_file
from revenge.entrypoints.http.jellyfin.ids import jf_id, our_id, seconds
from revenge.entrypoints.http.jellyfin.items import own_user
from revenge.entrypoints.http.jellyfin.mapping import user_data
from revenge.entrypoints.http.jellyfin.query import Query
from revenge.entrypoints.http.jellyfin.routes import PathPart, paths

AnyRequest = Request[Any, Any, Any]
PLAYED = paths("/Users/{user_id:str}/PlayedItems/{item_id:str}",
               "/UserPlayedItems/{item_id:str}")
FAVOURITE = paths("/Users/{user_id:str}/FavoriteItems/{item_id:str}",
                  "/UserFavoriteItems/{item_id:str}")
LEGACY_PLAYING = "/Users/{user_id:str}/PlayingItems/{item_id:str}"
MAX_TICKS = 10**15


class Report(msgspec.Struct, frozen=True, kw_only=True):
    item: str | None
    position: float | None
    session: str | None


class PlaystateController(Controller):
    path = "/"
    include_in_schema = False
    dependencies = uses(MarkWatched, UnmarkWatched, AddToWatchlist, RemoveFromWatchlist)

    @post(paths("/Sessions/Playing", "/Sessions/Playing/Progress",
                "/Sessions/Playing/Ping", LEGACY_PLAYING, f"{LEGACY_PLAYING}/Progress",
                "/PlayingItems/{item_id:str}", "/PlayingItems/{item_id:str}/Progress"),
          guards=[require(Permission.PLAYBACK)], status_code=HTTP_204_NO_CONTENT)
    async def playing(self, request: AnyRequest) -> None:
        own_user(request)
        report = await _report(request)
        if report.item is not None and report.position is not None and report.position > 0 \
                and not await _plays_extra(request, report):
            await _record(request, report)

    @post(paths("/Sessions/Playing/Stopped"), guards=[require(Permission.PLAYBACK)],
          status_code=HTTP_204_NO_CONTENT)
    async def stopped(self, request: AnyRequest) -> None:
        await _stop(request, await _report(request))

    @delete(paths(LEGACY_PLAYING, "/PlayingItems/{item_id:str}"),
            guards=[require(Permission.PLAYBACK)], status_code=HTTP_204_NO_CONTENT)
    async def stopped_by_path(self, request: AnyRequest) -> None:
        own_user(request)
        await _stop(request, await _report(request))

    @post(PLAYED, status_code=200, guards=[require(Permission.LIBRARY_READ)])
    async def played(self, request: AnyRequest, item_id: PathPart,
                     mark_watched: Uses[MarkWatched]) -> UserItemData:
        own_user(request)
        await mark_watched.execute(MarkWatchedCommand(
            actor=caller(request), movie_id=our_id(item_id)))
        return await _user_data(request, item_id)

    @delete(PLAYED, status_code=200, guards=[require(Permission.LIBRARY_READ)])
    async def unplayed(self, request: AnyRequest, item_id: PathPart,
                       unmark_watched: Uses[UnmarkWatched]) -> UserItemData:
        own_user(request)
        await unmark_watched.execute(UnmarkWatchedCommand(
            actor=caller(request), movie_id=our_id(item_id)))
        return await _user_data(request, item_id)

    @post(FAVOURITE, status_code=200, guards=[require(Permission.LIBRARY_READ)])
    async def favourite(self, request: AnyRequest, item_id: PathPart,
                        add_to_watchlist: Uses[AddToWatchlist]) -> UserItemData:
        own_user(request)
        await add_to_watchlist.execute(AddToWatchlistCommand(
            actor=caller(request), movie_id=our_id(item_id)))
        return await _user_data(request, item_id)

    @delete(FAVOURITE, status_code=200, guards=[require(Permission.LIBRARY_READ)])
    async def unfavourite(self, request: AnyRequest, item_id: PathPart,
                          remove_from_watchlist: Uses[RemoveFromWatchlist]) -> UserItemData:
        own_user(request)
        await remove_from_watchlist.execute(
            RemoveFromWatchlistCommand(actor=caller(request), movie_id=our_id(item_id)))
        return await _user_data(request, item_id)

    @post(paths("/Sessions/Capabilities", "/Sessions/Capabilities/Full"),
          guards=[require()], status_code=HTTP_204_NO_CONTENT)
    async def capabilities(self) -> None:
        return None


async def _report(request: AnyRequest) -> Report:
    """The report from the body (10.9+) or the query and path (10.8)."""
    raw = await request.body()
    try:
        body = msgspec.json.decode(raw) if raw.strip() else {}
    except msgspec.DecodeError:
        raise RuleViolation("the body must be JSON", field="body") from None
    body = body if isinstance(body, dict) else {}
    query = Query(request)
    ticks = body.get("PositionTicks")
    if ticks is None and query.text("PositionTicks") is not None:
        ticks = query.number("PositionTicks", 0, high=MAX_TICKS)
    if ticks is not None and (isinstance(ticks, bool) or not isinstance(ticks, int)
                              or not 0 <= ticks <= MAX_TICKS):
        raise RuleViolation("PositionTicks must be a whole number of ticks",
                            field="PositionTicks")
    item = body.get("ItemId") or request.path_params.get("item_id")
    session = body.get("PlaySessionId") or query.text("PlaySessionId")
    return Report(item=our_id(str(item)) if item else None, position=seconds(ticks),
                  session=str(session) if session else None)


async def _duration(request: AnyRequest, report: Report) -> float:
    """The play session's (the probe's), else the movie's recorded runtime."""
    assert report.item is not None
    if report.session is not None:
        with contextlib.suppress(NotFound):
            live = await provided_of(request).get(PlaybackSessions).get(
                our_id(report.session))
            if live is not None and live.user_id == caller(request).user_id:
                return float(live.duration)
    movie = await provided_of(request).get(MovieDetailQueries).movie(
        caller(request).user_id, report.item)
    if not movie.runtime_minutes:
        raise RuleViolation("this movie's length is unknown; start it with PlaybackInfo",
                            field="PlaySessionId")
    return float(movie.runtime_minutes * 60)


async def _record(request: AnyRequest, report: Report) -> None:
    assert report.item is not None and report.position is not None
    duration = await _duration(request, report)
    await provided_of(request).get(RecordProgress).execute(RecordProgressCommand(
        actor=caller(request), movie_id=report.item,
        position_seconds=min(report.position, duration), duration_seconds=duration))


async def _stop(request: AnyRequest, report: Report) -> None:
    """Ends the play session (its encoders stop at once) and records the position."""
    extra = await _plays_extra(request, report)
    if report.session is not None:
        with contextlib.suppress(NotFound):  # already ended: record it below instead
            await provided_of(request).get(StopPlayback).execute(StopPlaybackCommand(
                actor=caller(request), session_id=our_id(report.session, "play_session"),
                # An extra's position is not the movie's: 0 records nothing.
                position_seconds=0.0 if extra else report.position))
            return
    if report.item is not None and report.position and not extra:
        await _record(request, report)


async def _plays_extra(request: AnyRequest, report: Report) -> bool:
    """Whether the report is about an extra (its item, else its session's file)."""
    if report.item is not None:
        return await extra_file(request, report.item) is not None
    if report.session is None:
        return False
    with contextlib.suppress(NotFound):
        live = await provided_of(request).get(PlaybackSessions).get(
            our_id(report.session, "play_session"))
        return live is not None and await extra_file(request, live.file_id) is not None
    return False


async def _user_data(request: AnyRequest, item_id: str) -> UserItemData:
    movie_id = our_id(item_id)
    provided = provided_of(request)
    movie = await provided.get(MovieDetailQueries).movie(caller(request).user_id, movie_id)
    progress = await provided.get(UserLibraryQueries).progress(caller(request).user_id,
                                                               movie_id)
    return user_data(jf_id(movie_id), movie.user, progress.resume_position_seconds or None,
                     progress.last_played_at)
