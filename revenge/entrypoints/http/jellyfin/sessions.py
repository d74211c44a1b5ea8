"""Finding the playback session a Jellyfin media request belongs to: by `PlaySessionId`
(with the session's media token, or the app's own sign-in as its owner), else the
caller's latest live session of that movie, else a new one (apps that skip
PlaybackInfo and ask for the file straight away)."""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection

from revenge.application.playback.authorize_media import AuthorizeMedia
from revenge.application.playback.ports import PlaybackSessions
from revenge.application.playback.start_playback import StartPlayback, StartPlaybackCommand
from revenge.application.shared.principal import Principal
from revenge.domain.errors import AuthenticationFailed, NotFound
from revenge.domain.playback.sessions import PlaybackSession
from revenge.entrypoints.http.di_bridge import provided_of
from revenge.entrypoints.http.jellyfin.auth import jellyfin_principal
from revenge.entrypoints.http.jellyfin.device_profile import EVERYTHING
from revenge.entrypoints.http.jellyfin.extras import as_movie_or_extra
from revenge.entrypoints.http.jellyfin.ids import our_id

Connection = ASGIConnection[Any, Any, Any, Any]


async def session_by_id(connection: Connection, play_session_id: str,
                        token: str | None) -> PlaybackSession:
    async def viewer() -> Principal | None:
        return await jellyfin_principal(connection)

    return await provided_of(connection).get(AuthorizeMedia).execute(
        our_id(play_session_id, "play_session"), token, viewer=viewer)


def plays_item(session: PlaybackSession, item_id: str) -> bool:
    """An item's id is its movie's, or (an extra) the file's the session plays."""
    return item_id in (session.movie_id, session.file_id)


async def open_session(connection: Connection, item_id: str, play_session_id: str | None,
                       source_id: str | None, token: str | None) -> PlaybackSession:
    """`item_id` as the app sends it (a movie's or an extra's)."""
    file_id = our_id(source_id, "media_source") if source_id else None
    if play_session_id:
        session = await session_by_id(connection, play_session_id, token)
        if not plays_item(session, our_id(item_id)) or file_id not in (None, session.file_id):
            raise NotFound("this play session plays another item", field="PlaySessionId")
        return session
    principal = await jellyfin_principal(connection)
    if principal is None:
        raise AuthenticationFailed("authentication required")
    provided = provided_of(connection)

    async def latest_or_new(movie_id: str, file_id: str | None) -> PlaybackSession:
        live = [s for s in await provided.get(PlaybackSessions).all()
                if s.user_id == principal.user_id and s.movie_id == movie_id
                and file_id in (None, s.file_id)]
        if live:
            return await session_by_id(connection, live[-1].id, None)
        started = await provided.get(StartPlayback).execute(StartPlaybackCommand(
            actor=principal, movie_id=movie_id, file_id=file_id, profile=dict(EVERYTHING)))
        return started.session

    return await as_movie_or_extra(connection, item_id, source_id, latest_or_new)
