"""Start and end playback sessions; admins list the active ones."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote

from litestar import Controller, Request, delete, get, post
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

from revenge.application.playback.ports import PlaybackSessions, Segmenter
from revenge.application.playback.renew_media_token import (
    RenewMediaToken,
    RenewMediaTokenCommand,
)
from revenge.application.playback.start_playback import StartPlayback, StartPlaybackCommand
from revenge.application.playback.stop_playback import StopPlayback, StopPlaybackCommand
from revenge.domain.playback.sessions import PlaybackSession
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import CurrentPrincipal, require
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.path_prefix import prefix_of
from revenge.entrypoints.http.playback.schemas import (
    ActiveSession,
    ActiveSessionList,
    SessionView,
    StartSessionBody,
    SubtitleLink,
)

SESSIONS_PATH = "/api/v1/playback/sessions"


class PlaybackSessionsController(Controller):
    path = "/playback/sessions"
    tags = ["playback"]
    guards = [require(Permission.PLAYBACK)]
    dependencies = uses(StartPlayback, RenewMediaToken, StopPlayback)

    @post("", status_code=HTTP_201_CREATED, summary="Start playing a movie",
          description="Decides direct play, remux or transcode for the caller's profile and "
                      "returns media URLs carrying a short-lived signed token. 429 when every "
                      "transcoding slot is in use.")
    async def start(self, request: Request[Any, Any, Any], data: JSONBody[StartSessionBody],
                    principal: CurrentPrincipal,
                    start_playback: Uses[StartPlayback]) -> SessionView:
        started = await start_playback.execute(StartPlaybackCommand(
            actor=principal, movie_id=data.movie_id, file_id=data.file_id,
            audio_index=data.audio_index, subtitle_index=data.subtitle_index,
            max_bitrate=data.max_bitrate,
            profile=data.profile.declared() if data.profile else None))
        return session_view(started.session, started.token, prefix_of(request.scope))

    @post("/{session_id:str}/token", status_code=HTTP_200_OK,
          summary="Renew the media token of a playback session",
          description="Media URLs carry a token that lives minutes "
                      "(REVENGE_MEDIA_TOKEN_MINUTES); a player renews it here, through the "
                      "sign-in the session was started with, and uses the returned URLs. "
                      "404 once the session has ended or its user may no longer play.")
    async def renew(self, request: Request[Any, Any, Any], session_id: FromPath[str],
                    principal: CurrentPrincipal,
                    renew_media_token: Uses[RenewMediaToken]) -> SessionView:
        renewed = await renew_media_token.execute(
            RenewMediaTokenCommand(actor=principal, session_id=session_id))
        return session_view(renewed.session, renewed.token, prefix_of(request.scope))

    @delete("/{session_id:str}", status_code=HTTP_204_NO_CONTENT,
            summary="End a playback session (stops its ffmpeg at once)")
    async def stop(self, session_id: FromPath[str], principal: CurrentPrincipal,
                   stop_playback: Uses[StopPlayback],
                   position_seconds: Annotated[float | None, QueryParameter(
                       name="position_seconds", ge=0, le=1e7,
                       description="final position, recorded as the user's progress")] = None,
                   ) -> None:
        await stop_playback.execute(StopPlaybackCommand(
            actor=principal, session_id=session_id, position_seconds=position_seconds))


class AdminPlaybackController(Controller):
    path = "/admin/playback/sessions"
    tags = ["playback", "admin"]
    guards = [require(Permission.SETTINGS_MANAGE)]
    dependencies = uses(PlaybackSessions, Segmenter)

    @get("", summary="Active playback sessions (of every replica)",
         description="`encoders_running` counts the ffmpeg processes of the replica that "
                     "answered.")
    async def active(self, playback_sessions: Uses[PlaybackSessions],
                     segmenter: Uses[Segmenter]) -> ActiveSessionList:
        now = time.time()
        items = [_active(s, now) for s in await playback_sessions.all()]
        return ActiveSessionList(items=items, total=len(items),
                                 encoders_running=segmenter.running())


def session_view(session: PlaybackSession, token: str, prefix: str = "") -> SessionView:
    """`prefix`: the path Revenge is served under (REVENGE_PUBLIC_URL's)."""
    base = f"{prefix}{SESSIONS_PATH}/{session.id}"
    query = f"?token={quote(token, safe='')}"
    direct = session.decision.method == "direct"
    return SessionView(
        id=session.id, method=session.decision.method,
        direct_url=f"{base}/direct{query}" if direct else None,
        hls_url=None if direct else f"{base}/hls/master.m3u8{query}",
        audio_index=session.decision.audio_index,
        burned_subtitle=session.decision.burn_subtitle, duration_seconds=session.duration,
        reasons=list(session.decision.reasons),
        subtitles=[SubtitleLink(
            index=s.index, language=s.language, format=s.codec, kind=s.format, title=s.title,
            forced=s.forced, default=s.default, external=s.external,
            url=f"{base}/subtitles/{s.index}.vtt{query}" if s.format == "text" else None)
            for s in session.subtitles])


def _active(session: PlaybackSession, now: float) -> ActiveSession:
    return ActiveSession(
        id=session.id, user_id=session.user_id, username=session.username,
        movie_id=session.movie_id, file_id=session.file_id, method=session.decision.method,
        position_seconds=session.position, duration_seconds=session.duration,
        started_at=datetime.fromtimestamp(session.started_at, UTC),
        idle_seconds=round(session.idle_for(now), 1))
