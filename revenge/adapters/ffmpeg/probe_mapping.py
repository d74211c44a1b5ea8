"""ffprobe's JSON (`-show_format -show_streams`) → `MediaInfo`."""

from __future__ import annotations

from typing import Any

from revenge.domain.media.codecs import container_name, subtitle_format
from revenge.domain.media.info import AudioStream, MediaInfo, SubtitleStream, VideoStream


def media_info(data: dict[str, Any], keyframes: tuple[float, ...] | None = None) -> MediaInfo:
    fmt = data.get("format", {})
    streams = [s for s in data.get("streams", []) if s.get("codec_name")]
    video = tuple(_video(s) for s in streams if _is_video(s))
    audio = tuple(_audio(s) for s in streams if s.get("codec_type") == "audio")
    subtitles = tuple(_subtitle(s) for s in streams if s.get("codec_type") == "subtitle")
    formats = tuple(str(fmt.get("format_name", "unknown")).split(","))
    codecs = {s.codec for s in (*video, *audio, *subtitles)}
    return MediaInfo(
        container=container_name(formats, codecs), formats=formats,
        duration=_float(fmt.get("duration")) or _longest(streams),
        bitrate=_int(fmt.get("bit_rate")), size=_int(fmt.get("size")) or 0,
        start_time=_float(fmt.get("start_time")) or 0.0,
        video=video, audio=audio, subtitles=subtitles, keyframes=keyframes)


def _is_video(stream: dict[str, Any]) -> bool:
    # Cover art is a one-frame "video" stream; it is not the movie.
    return (stream.get("codec_type") == "video"
            and not stream.get("disposition", {}).get("attached_pic"))


def _common(stream: dict[str, Any]) -> dict[str, Any]:
    tags = {k.lower(): v for k, v in (stream.get("tags") or {}).items()}
    disposition = stream.get("disposition") or {}
    return {"index": int(stream["index"]), "codec": str(stream["codec_name"]),
            "profile": _profile(stream.get("profile")), "language": language(tags.get("language")),
            "title": tags.get("title") or None, "default": bool(disposition.get("default")),
            "forced": bool(disposition.get("forced"))}


def _video(stream: dict[str, Any]) -> VideoStream:
    return VideoStream(
        **_common(stream), width=int(stream.get("width") or 0),
        height=int(stream.get("height") or 0), level=_level(stream.get("level")),
        frame_rate=fraction(stream.get("avg_frame_rate")) or fraction(stream.get("r_frame_rate")),
        pixel_format=stream.get("pix_fmt"), bit_depth=_int(stream.get("bits_per_raw_sample")),
        color_transfer=stream.get("color_transfer"),
        color_primaries=stream.get("color_primaries"), bitrate=_int(stream.get("bit_rate")))


def _audio(stream: dict[str, Any]) -> AudioStream:
    return AudioStream(
        **_common(stream), channels=int(stream.get("channels") or 2),
        channel_layout=stream.get("channel_layout") or None,
        sample_rate=_int(stream.get("sample_rate")), bitrate=_int(stream.get("bit_rate")))


def _subtitle(stream: dict[str, Any]) -> SubtitleStream:
    common = _common(stream)
    hearing = bool((stream.get("disposition") or {}).get("hearing_impaired"))
    return SubtitleStream(**common, format=subtitle_format(common["codec"]),  # type: ignore[arg-type]
                          hearing_impaired=hearing)


def _level(value: Any) -> int | None:
    level = _int(value)
    return level if level is not None and level > 0 else None


def _profile(value: Any) -> str | None:
    return None if value in (None, "", "unknown") else str(value)


def _longest(streams: list[dict[str, Any]]) -> float:
    return max((_float(s.get("duration")) or 0.0 for s in streams), default=0.0)


def language(value: Any) -> str | None:
    text = str(value or "").strip().lower()
    return None if text in ("", "und", "unknown") else text


def fraction(value: Any) -> float | None:
    text = str(value or "")
    numerator, _, denominator = text.partition("/")
    try:
        result = float(numerator) / float(denominator or 1)
    except (ValueError, ZeroDivisionError):
        return None
    return round(result, 3) if result > 0 else None


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _int(value: Any) -> int | None:
    number = _float(value)
    return int(number) if number is not None else None
