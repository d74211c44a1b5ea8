"""The m3u8 texts of a session, with the media token on every URI (players do not carry
a playlist's query string over to the URIs inside it)."""

from __future__ import annotations

from urllib.parse import quote

from revenge.domain.errors import NotFound
from revenge.domain.playback.ladder import Variant
from revenge.domain.playback.playlists import (
    SubtitleRendition,
    render_master,
    render_subtitle_playlist,
    render_variant,
    video_codecs_attribute,
)
from revenge.domain.playback.sessions import HlsPlan, PlaybackSession

AAC_LC = "mp4a.40.2"


def master_playlist(session: PlaybackSession, token: str, base: str = "") -> str:
    """`base` leads every URI (relative to the master's own URL)."""
    hls = _hls(session)
    query = _query(token)
    variants = [(v, f"{base}{v.name}/index.m3u8{query}") for v in hls.variants]
    subtitles = [SubtitleRendition(name=s.title or s.language or f"Subtitle {s.index}",
                                   language=s.language, default=s.default, forced=s.forced,
                                   uri=f"{base}subtitles/{s.index}.m3u8{query}")
                 for s in session.subtitles if s.format == "text"]
    return render_master(variants, lambda v: _codecs(session, v), subtitles)


def variant_playlist(session: PlaybackSession, name: str, token: str) -> str:
    hls = _hls(session)
    variant = hls.variant(name)
    if variant is None:
        raise NotFound(f"no rendition {name[:40]!r} in this session")
    query = _query(token)
    return render_variant(hls.segments(variant), lambda s: f"{s.index}.ts{query}")


def subtitle_playlist(session: PlaybackSession, index: int, token: str) -> str:
    stream = session.subtitle(index)
    if stream is None or stream.format != "text":
        raise NotFound(f"no text subtitle {index} in this session")
    return render_subtitle_playlist(session.duration,
                                    f"../../subtitles/{index}.vtt{_query(token)}")


def _hls(session: PlaybackSession) -> HlsPlan:
    if session.hls is None:
        raise NotFound("this session plays directly; it has no HLS playlists")
    return session.hls


def _codecs(session: PlaybackSession, variant: Variant) -> str:
    """Left out when the video's codec string is unknown: a wrong one makes players
    skip the rendition, a missing one does not."""
    video = video_codecs_attribute(session.video, variant.copy_video)
    audio = AAC_LC if session.decision.audio is not None else ""
    return ",".join(c for c in (video, audio) if c) if video else ""


def _query(token: str) -> str:
    """Empty without a token: a web UI signed in by cookie needs none."""
    return f"?token={quote(token, safe='')}" if token else ""
