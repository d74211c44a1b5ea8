"""PlaybackInfo and the direct stream.

`POST /Items/{id}/PlaybackInfo` starts one of our playback sessions (the playback domain
decides direct play, remux or transcode from the app's DeviceProfile) and describes it
as Jellyfin's MediaSource: direct play through `/Videos/{id}/stream`, otherwise a
`TranscodingUrl` to our HLS (`/Videos/{id}/master.m3u8`, carrying the session's signed
media token). `PlaySessionId` is our session's id: the stream, HLS and play-state
routes find the session by it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import msgspec
from litestar import Controller, Request, get, post, route
from litestar.response.base import ASGIResponse

from revenge.application.playback.start_playback import (
    StartedPlayback,
    StartPlayback,
    StartPlaybackCommand,
)
from revenge.domain.errors import NotFound, RuleViolation
from revenge.domain.media.codecs import mime_type
from revenge.domain.playback.sessions import PlaybackSession
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.catalog.file_paths import path_as_seen_by
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.jellyfin.auth import require
from revenge.entrypoints.http.jellyfin.context import caller
from revenge.entrypoints.http.jellyfin.device_profile import our_profile
from revenge.entrypoints.http.jellyfin.dtos_items import PlaybackInfoResponse
from revenge.entrypoints.http.jellyfin.extras import as_movie_or_extra
from revenge.entrypoints.http.jellyfin.ids import jf_id, our_id
from revenge.entrypoints.http.jellyfin.media import playback_source
from revenge.entrypoints.http.jellyfin.query import Query
from revenge.entrypoints.http.jellyfin.routes import PathPart, paths
from revenge.entrypoints.http.jellyfin.sessions import open_session
from revenge.entrypoints.http.playback.ranged_file import RangedFile

AnyRequest = Request[Any, Any, Any]
NO_SUBTITLE = -1


class PlaybackController(Controller):
    path = "/"
    include_in_schema = False
    guards = [require(Permission.PLAYBACK)]
    dependencies = uses(StartPlayback)

    @post(paths("/Items/{item_id:str}/PlaybackInfo"), status_code=200)
    async def playback_info(self, request: AnyRequest, item_id: PathPart,
                            start_playback: Uses[StartPlayback]) -> PlaybackInfoResponse:
        return await _playback_info(request, item_id, _body(await request.body()),
                                    start_playback)

    @get(paths("/Items/{item_id:str}/PlaybackInfo"))
    async def playback_info_get(self, request: AnyRequest, item_id: PathPart,
                                start_playback: Uses[StartPlayback]) -> PlaybackInfoResponse:
        return await _playback_info(request, item_id, {}, start_playback)


class StreamController(Controller):
    """Authenticated per request (no guard): by the app's token, or the session's
    signed media token where a URL carries one."""

    path = "/"
    include_in_schema = False

    @route(paths("/Videos/{item_id:str}/stream", "/Videos/{item_id:str}/{name:str}"),
           http_method=["GET", "HEAD"])
    async def stream(self, request: AnyRequest, item_id: PathPart) -> ASGIResponse:
        name = request.path_params.get("name", "stream")
        if not name.lower().startswith("stream"):
            raise NotFound(f"no such video resource {name[:40]!r}")
        query = Query(request)
        session = await open_session(request, item_id, query.text("PlaySessionId"),
                                     query.text("MediaSourceId"), query.text("token"))
        return RangedFile(session.path, mime_type(session.path))



def _body(raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        return {}
    try:
        body = msgspec.json.decode(raw)
    except msgspec.DecodeError:
        raise RuleViolation("the body must be JSON (PlaybackInfoDto)", field="body") from None
    if not isinstance(body, dict):
        raise RuleViolation("the body must be a JSON object", field="body")
    return body


def _index(body: dict[str, Any], query: Query, name: str) -> int | None:
    value = body.get(name)
    if value is None and query.text(name) is not None:
        value = query.number(name, NO_SUBTITLE, low=NO_SUBTITLE)
    if value is None or value == NO_SUBTITLE:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10_000:
        raise RuleViolation(f"{name} must be a stream index", field=name)
    return value


def _bitrate(body: dict[str, Any], query: Query) -> int | None:
    value = body.get("MaxStreamingBitrate")
    if value is None and query.text("MaxStreamingBitrate") is not None:
        value = query.number("MaxStreamingBitrate", 0)
    if value is None or value == 0:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RuleViolation("MaxStreamingBitrate must be bits per second",
                            field="MaxStreamingBitrate")
    return value


async def _playback_info(request: AnyRequest, item_id: str, body: dict[str, Any],
                         start_playback: StartPlayback) -> PlaybackInfoResponse:
    query = Query(request)
    source = body.get("MediaSourceId") or query.text("MediaSourceId")
    direct = body.get("EnableDirectPlay", True) is not False or \
        body.get("EnableDirectStream", True) is not False
    audio, subtitle = _index(body, query, "AudioStreamIndex"), _index(
        body, query, "SubtitleStreamIndex")
    max_bitrate = _bitrate(body, query)
    profile = our_profile(body.get("DeviceProfile"), direct_allowed=direct)

    async def start(movie_id: str, file_id: str | None) -> StartedPlayback:
        return await start_playback.execute(StartPlaybackCommand(
            actor=caller(request), movie_id=movie_id, file_id=file_id,
            # An image subtitle is burned in; a text one is sent beside the video.
            audio_index=audio, subtitle_index=subtitle, max_bitrate=max_bitrate,
            profile=profile))

    started = await as_movie_or_extra(request, item_id, str(source) if source else None,
                                      start)
    shown = path_as_seen_by(caller(request), started.session.path)
    return PlaybackInfoResponse(media_sources=[_source(started, item_id, subtitle, shown)],
                                play_session_id=jf_id(started.session.id))


def _source(started: StartedPlayback, item_id: str, subtitle: int | None,
            shown_path: str) -> Any:
    """`shown_path`: the file's path as the caller may see it (a name unless they
    manage libraries)."""
    session: PlaybackSession = started.session
    assert started.info is not None
    item, file = jf_id(our_id(item_id)), jf_id(session.file_id)
    direct = session.decision.method == "direct"
    hls = None if direct else f"/Videos/{item}/master.m3u8?" + urlencode({
        "MediaSourceId": file, "PlaySessionId": jf_id(session.id), "token": started.token})
    subtitles = f"/Videos/{item}/{file}/Subtitles/{{index}}/0/Stream.vtt?" + urlencode({
        "PlaySessionId": jf_id(session.id), "token": started.token})
    source = playback_source(
        session.file_id, shown_path, session.size, started.info, direct=direct,
        transcoding_url=hls, subtitles=session.subtitles,
        subtitle_url=subtitles,
        audio_index=session.decision.audio_index)
    return msgspec.structs.replace(source, default_subtitle_stream_index=subtitle)
