"""Our HLS and subtitles at Jellyfin's paths. The master playlist is
`/Videos/{id}/master.m3u8?PlaySessionId=…&token=…` (PlaybackInfo's TranscodingUrl); its
URIs lead to `/Videos/{id}/{session}/hls/…` (variants, segments, subtitle playlists), and
subtitles are `/Videos/{id}/{source}/Subtitles/{index}[/{startTicks}]/Stream.vtt|srt`.
Each request is let through by the session's media token, or the app's own sign-in as
the session's owner (with `playback`)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get
from litestar.response.base import ASGIResponse

from revenge.application.playback.get_segment import GetSegment
from revenge.application.playback.get_subtitle import GetSubtitle
from revenge.application.playback.playlists import (
    master_playlist,
    subtitle_playlist,
    variant_playlist,
)
from revenge.domain.errors import NotFound
from revenge.domain.playback.sessions import PlaybackSession
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.jellyfin.ids import our_id
from revenge.entrypoints.http.jellyfin.query import Query
from revenge.entrypoints.http.jellyfin.routes import PathPart, paths
from revenge.entrypoints.http.jellyfin.sessions import open_session, plays_item, session_by_id
from revenge.entrypoints.http.jellyfin.subtitles import as_srt
from revenge.entrypoints.http.playback.media_controller import M3U8
from revenge.entrypoints.http.playback.ranged_file import RangedFile

AnyRequest = Request[Any, Any, Any]
SESSION = "/Videos/{item_id:str}/{source:str}"


def _playlist(text: str) -> Response[str]:
    return Response(text, media_type=M3U8, headers={"cache-control": "no-cache"})


def _number(name: str, suffix: str = "") -> int:
    """The number a file is named by ("3.ts" → 3); ASCII digits only ("²" is no digit
    to `int`), else `NotFound`."""
    stem = name.lower().removesuffix(suffix)
    if (suffix and stem == name.lower()) or not (stem.isascii() and stem.isdigit()) \
            or len(stem) > 9:
        raise NotFound(f"no such file {name[:40]!r}")
    return int(stem)


async def _session(request: AnyRequest, item_id: str, session_id: str) -> PlaybackSession:
    session = await session_by_id(request, session_id, Query(request).text("token"))
    if not plays_item(session, our_id(item_id)):
        raise NotFound("this play session plays another item", field="PlaySessionId")
    return session


class HlsController(Controller):
    path = "/"
    include_in_schema = False
    dependencies = uses(GetSegment, GetSubtitle)

    @get(paths("/Videos/{item_id:str}/master.m3u8"))
    async def master(self, request: AnyRequest, item_id: PathPart) -> Response[str]:
        query = Query(request)
        session_id = query.text("PlaySessionId")
        if session_id is None:
            raise NotFound("PlaySessionId is required (from PlaybackInfo)",
                           field="PlaySessionId")
        session = await _session(request, item_id, session_id)
        return _playlist(master_playlist(session, query.text("token") or "",
                                         base=f"{session_id}/hls/"))

    @get(paths(f"{SESSION}/hls/{{variant:str}}/index.m3u8"))
    async def variant(self, request: AnyRequest, item_id: PathPart, source: PathPart,
                      variant: PathPart) -> Response[str]:
        session = await _session(request, item_id, source)
        return _playlist(variant_playlist(session, variant, Query(request).text("token") or ""))

    @get(paths(f"{SESSION}/hls/subtitles/{{name:str}}"))
    async def subtitle_list(self, request: AnyRequest, item_id: PathPart, source: PathPart,
                            name: PathPart) -> Response[str]:
        session = await _session(request, item_id, source)
        return _playlist(subtitle_playlist(session, _number(name, ".m3u8"),
                                           Query(request).text("token") or ""))

    @get(paths(f"{SESSION}/hls/{{variant:str}}/{{segment:str}}"))
    async def segment(self, request: AnyRequest, item_id: PathPart, source: PathPart,
                      variant: PathPart, segment: PathPart,
                      get_segment: Uses[GetSegment]) -> ASGIResponse:
        session = await _session(request, item_id, source)
        path = await get_segment.execute(session, variant, _number(segment, ".ts"))
        return RangedFile(path, "video/mp2t")

    @get(paths(f"{SESSION}/subtitles/{{name:str}}"))
    async def hls_subtitle(self, request: AnyRequest, item_id: PathPart, source: PathPart,
                           name: PathPart, get_subtitle: Uses[GetSubtitle]) -> Response[bytes]:
        session = await _session(request, item_id, source)
        text = await get_subtitle.execute(session, _number(name, ".vtt"))
        return _vtt(text)

    @get(paths(f"{SESSION}/Subtitles/{{index:str}}/{{name:str}}",
               f"{SESSION}/Subtitles/{{index:str}}/{{start:str}}/{{name:str}}"))
    async def subtitle(self, request: AnyRequest, item_id: PathPart, source: PathPart,
                       index: PathPart, name: PathPart,
                       get_subtitle: Uses[GetSubtitle]) -> Response[bytes]:
        query = Query(request)
        session = await open_session(request, item_id, query.text("PlaySessionId"),
                                     source, query.text("token"))
        text = await get_subtitle.execute(session, _number(index))
        kind = name.lower()
        if kind == "stream.srt":
            return Response(as_srt(text), media_type="application/x-subrip; charset=utf-8")
        if kind != "stream.vtt":
            raise NotFound("subtitles are served as Stream.vtt or Stream.srt", field="format")
        return _vtt(text)


def _vtt(text: bytes) -> Response[bytes]:
    return Response(text, media_type="text/vtt; charset=utf-8",
                    headers={"cache-control": "private, max-age=3600"})
