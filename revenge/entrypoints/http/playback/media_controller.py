"""Media URLs of a session: the file itself, HLS playlists and segments, subtitles.

Video elements cannot send headers, so these authenticate by the `token` query
parameter signed at session start, or, for the web UI, by its session cookie when it
signs in the session's owner (401 with neither). An `Authorization` header alone does
not open them: the token is what binds a URL to one session and file."""

from __future__ import annotations

import functools
from typing import Annotated, Any

from litestar import Controller, Request, Response, get, route
from litestar.params import FromPath, QueryParameter
from litestar.response.base import ASGIResponse

from revenge.application.identity.authenticate_request import Credential
from revenge.application.playback.authorize_media import AuthorizeMedia
from revenge.application.playback.get_segment import GetSegment
from revenge.application.playback.get_subtitle import GetSubtitle
from revenge.application.playback.playlists import (
    master_playlist,
    subtitle_playlist,
    variant_playlist,
)
from revenge.application.shared.principal import Principal
from revenge.domain.errors import NotFound
from revenge.domain.media.codecs import mime_type
from revenge.domain.playback.sessions import PlaybackSession
from revenge.entrypoints.http.auth import authenticate, cookie_names
from revenge.entrypoints.http.di_bridge import Uses, provided_of, uses
from revenge.entrypoints.http.openapi_contract import MEDIA_TOKEN
from revenge.entrypoints.http.playback.ranged_file import RangedFile

M3U8 = "application/vnd.apple.mpegurl"
AnyRequest = Request[Any, Any, Any]
Token = Annotated[str | None, QueryParameter(name="token", required=False,
                                              description="the signed media token")]


class PlaybackMediaController(Controller):
    path = "/playback/sessions/{session_id:str}"
    tags = ["playback"]
    security = MEDIA_TOKEN
    dependencies = uses(GetSegment, GetSubtitle)

    @route("/direct", http_method=["GET", "HEAD"], summary="The file, with HTTP ranges")
    async def direct(self, request: AnyRequest, session_id: FromPath[str],
                     token: Token = None) -> ASGIResponse:
        session = await _open(request, session_id, token)
        return RangedFile(session.path, mime_type(session.path))

    @get("/hls/master.m3u8", summary="HLS master playlist (quality ladder, subtitles)")
    async def master(self, request: AnyRequest, session_id: FromPath[str],
                     token: Token = None) -> Response[str]:
        session = await _open(request, session_id, token)
        return _playlist(master_playlist(session, token or ""))

    @get("/hls/subtitles/{name:str}", summary="HLS subtitle playlist (one WebVTT file)")
    async def subtitle_list(self, request: AnyRequest, session_id: FromPath[str],
                            name: FromPath[str], token: Token = None) -> Response[str]:
        session = await _open(request, session_id, token)
        return _playlist(subtitle_playlist(session, _number(name, ".m3u8"), token or ""))

    @get("/hls/{variant:str}/index.m3u8", summary="HLS variant playlist (VOD)")
    async def variant(self, request: AnyRequest, session_id: FromPath[str], variant: FromPath[str],
                      token: Token = None) -> Response[str]:
        session = await _open(request, session_id, token)
        return _playlist(variant_playlist(session, variant, token or ""))

    @get("/hls/{variant:str}/{segment:str}", summary="One HLS segment (MPEG-TS)")
    async def segment(self, request: AnyRequest, session_id: FromPath[str], variant: FromPath[str],
                      segment: FromPath[str], get_segment: Uses[GetSegment],
                      token: Token = None) -> ASGIResponse:
        session = await _open(request, session_id, token)
        path = await get_segment.execute(session, variant, _number(segment, ".ts"))
        return RangedFile(path, "video/mp2t")

    @get("/subtitles/{name:str}", summary="A text subtitle as WebVTT")
    async def subtitle(self, request: AnyRequest, session_id: FromPath[str], name: FromPath[str],
                       get_subtitle: Uses[GetSubtitle], token: Token = None) -> Response[bytes]:
        session = await _open(request, session_id, token)
        text = await get_subtitle.execute(session, _number(name, ".vtt"))
        return Response(text, media_type="text/vtt; charset=utf-8",
                        headers={"cache-control": "private, max-age=3600"})


async def _open(request: AnyRequest, session_id: str, token: str | None) -> PlaybackSession:
    """Every media route opens its session here (no dependency: players fetch segments
    and ranges in a steady stream)."""
    return await provided_of(request).get(AuthorizeMedia).execute(
        session_id, token, viewer=functools.partial(_cookie_viewer, request))


async def _cookie_viewer(request: AnyRequest) -> Principal | None:
    """The user the web UI's session cookie signs in (media requests are safe methods,
    so no CSRF check applies)."""
    cookie = request.cookies.get(cookie_names(request).access)
    if not cookie:
        return None
    return await authenticate(request, Credential(kind="access_token", token=cookie))


def _number(name: str, suffix: str) -> int:
    stem = name.removesuffix(suffix)
    # isdigit() alone takes "²", which int() refuses: ASCII digits only.
    if stem == name or not (stem.isascii() and stem.isdigit()) or len(stem) > 9:
        raise NotFound(f"no such file {name[:40]!r}")
    return int(stem)


def _playlist(text: str) -> Response[str]:
    return Response(text, media_type=M3U8, headers={"cache-control": "no-cache"})
