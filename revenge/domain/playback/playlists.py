"""m3u8 text (RFC 8216): master playlist, variant (VOD) playlists, subtitle playlists.

Every URI is given by the caller already complete (relative path + signed query), so
this module only knows the HLS grammar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import msgspec

from revenge.domain.media.info import VideoStream
from revenge.domain.playback.ladder import Variant
from revenge.domain.playback.segments import Segment, target_duration

SUBTITLE_GROUP = "subs"


class SubtitleRendition(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    language: str | None
    uri: str
    default: bool = False
    forced: bool = False


def render_master(variants: Sequence[tuple[Variant, str]], codecs: Callable[[Variant], str],
                  subtitles: Sequence[SubtitleRendition] = ()) -> str:
    """`variants` pairs each rendition with its playlist URI; `codecs` gives its CODECS
    attribute ("" to leave it out)."""
    lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-INDEPENDENT-SEGMENTS"]
    lines += [_subtitle_media(s) for s in subtitles]
    for variant, uri in variants:
        lines += [_stream_inf(variant, codecs(variant), bool(subtitles)), uri]
    return "\n".join(lines) + "\n"


def _stream_inf(variant: Variant, codecs: str, subtitles: bool) -> str:
    attributes = [f"BANDWIDTH={variant.bandwidth}",
                  f"RESOLUTION={variant.width}x{variant.height}",
                  f'NAME="{variant.name}"']
    if codecs:
        attributes.append(f'CODECS="{codecs}"')
    if subtitles:
        attributes.append(f'SUBTITLES="{SUBTITLE_GROUP}"')
    return "#EXT-X-STREAM-INF:" + ",".join(attributes)


def _subtitle_media(rendition: SubtitleRendition) -> str:
    attributes = [f'TYPE=SUBTITLES,GROUP-ID="{SUBTITLE_GROUP}"',
                  f'NAME="{_quoted(rendition.name)}"']
    if rendition.language:
        attributes.append(f'LANGUAGE="{_quoted(rendition.language)}"')
    attributes += [f"DEFAULT={_yes(rendition.default)}", "AUTOSELECT=YES",
                   f"FORCED={_yes(rendition.forced)}", f'URI="{rendition.uri}"']
    return "#EXT-X-MEDIA:" + ",".join(attributes)


def render_variant(segments: Sequence[Segment], uri: Callable[[Segment], str]) -> str:
    """A VOD playlist listing every segment from the start, so players can seek anywhere."""
    target = target_duration(tuple(segments))
    lines = ["#EXTM3U", "#EXT-X-VERSION:3", f"#EXT-X-TARGETDURATION:{target}",
             "#EXT-X-MEDIA-SEQUENCE:0", "#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-INDEPENDENT-SEGMENTS"]
    for segment in segments:
        lines += [f"#EXTINF:{segment.duration:.6f},", uri(segment)]
    return "\n".join([*lines, "#EXT-X-ENDLIST"]) + "\n"


def render_subtitle_playlist(duration: float, uri: str) -> str:
    """One WebVTT file covering the whole duration."""
    whole = Segment(0, 0.0, duration)
    return render_variant([whole], lambda _: uri)


def video_codecs_attribute(video: VideoStream, copied: bool) -> str:
    """RFC 6381 codec string of the video a variant carries ("" when unknown): our
    transcodes are H.264 High; a copy says what the source is."""
    if not copied:
        return "avc1.640028"
    if video.codec != "h264" or not video.profile or not video.level:
        return ""
    profile = _H264_PROFILES.get(video.profile.lower())
    return f"avc1.{profile}{video.level:02x}" if profile else ""


_H264_PROFILES = {"baseline": "4200", "constrained baseline": "42c0", "main": "4d40",
                  "high": "6400", "high 10": "6e00"}


def _yes(flag: bool) -> str:
    return "YES" if flag else "NO"


def _quoted(text: str) -> str:
    # Quoted-string attribute values may not hold quotes or line breaks.
    return text.replace('"', "'").replace("\n", " ").replace("\r", " ")
