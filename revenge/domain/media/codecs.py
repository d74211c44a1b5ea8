"""Codec and container vocabulary, in ffmpeg's names, and what each is good for."""

from __future__ import annotations

import re

TEXT_SUBTITLES = frozenset({"subrip", "srt", "ass", "ssa", "mov_text", "webvtt", "text"})
IMAGE_SUBTITLES = frozenset({"hdmv_pgs_subtitle", "dvd_subtitle", "dvb_subtitle", "xsub"})

# ffmpeg demuxer names (the first of ffprobe's `format_name`) → our container names.
_CONTAINERS = {"mov": "mp4", "matroska": "matroska", "mpegts": "mpegts", "avi": "avi",
               "asf": "asf", "flv": "flv", "ogg": "ogg", "mpeg": "mpeg", "webm": "webm"}

# Codecs a WebM file may hold (anything else makes a "matroska,webm" file Matroska).
_WEBM_CODECS = frozenset({"vp8", "vp9", "av1", "opus", "vorbis", "webvtt"})

_MIME_BY_EXTENSION = {
    ".mp4": "video/mp4", ".m4v": "video/mp4", ".mov": "video/quicktime",
    ".mkv": "video/x-matroska", ".webm": "video/webm", ".avi": "video/x-msvideo",
    ".ts": "video/mp2t", ".m2ts": "video/mp2t", ".mpg": "video/mpeg", ".mpeg": "video/mpeg",
    ".wmv": "video/x-ms-wmv", ".flv": "video/x-flv", ".ogv": "video/ogg",
    ".3gp": "video/3gpp", ".vob": "video/mpeg", ".divx": "video/x-msvideo",
}

# A codec, profile or container name as ffmpeg spells them; nothing else passes.
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.]{0,31}$")


def is_valid_name(value: str) -> bool:
    """True for a plain ffmpeg-style name (`h264`, `hevc`, `eac3`): no spaces, dashes,
    colons or other characters that could reach a command line as an option."""
    return bool(_NAME.match(value))


def subtitle_format(codec: str) -> str:
    return "image" if codec in IMAGE_SUBTITLES else "text"


def container_name(format_names: tuple[str, ...], codecs: set[str]) -> str:
    """Our container name for a demuxer's names: "matroska,webm" is webm only when every
    stream is a WebM codec."""
    first = format_names[0] if format_names else "unknown"
    if first == "matroska" and codecs and codecs <= _WEBM_CODECS:
        return "webm"
    return _CONTAINERS.get(first, first)


def mime_type(path: str) -> str:
    """The MIME type browsers expect for a video file, by its extension."""
    dot = path.rfind(".")
    return _MIME_BY_EXTENSION.get(path[dot:].lower() if dot >= 0 else "",
                                  "application/octet-stream")


# ffmpeg's H.264 profile names → the names a client declares (what decoders support).
H264_PROFILE_NAMES = {
    "constrained baseline": "constrained_baseline", "baseline": "baseline", "main": "main",
    "extended": "extended", "high": "high", "progressive high": "high",
    "constrained high": "high", "high 10": "high10", "high 10 intra": "high10",
    "high 4:2:2": "high422", "high 4:2:2 intra": "high422", "high 4:4:4": "high444",
    "high 4:4:4 predictive": "high444", "high 4:4:4 intra": "high444",
    "cavlc 4:4:4": "high444", "cavlc 4:4:4 intra": "high444",
}
H264_PROFILES = frozenset(H264_PROFILE_NAMES.values())

_DEPTH = re.compile(r"p(9|10|12|14|16)(?:le|be)$")
_CHROMA = (("444", "4:4:4"), ("422", "4:2:2"), ("420", "4:2:0"), ("nv12", "4:2:0"),
           ("nv21", "4:2:0"), ("p010", "4:2:0"), ("gbr", "4:4:4"), ("411", "4:1:1"),
           ("440", "4:4:0"))


def h264_profile(name: str | None) -> str | None:
    """Our name for ffmpeg's H.264 profile; `unknown` for one we have no name for."""
    return None if name is None else H264_PROFILE_NAMES.get(name.strip().lower(), "unknown")


def pixel_bit_depth(pixel_format: str | None) -> int | None:
    """Bits per sample a pixel format holds (yuv420p10le → 10, yuv420p → 8)."""
    if not pixel_format:
        return None
    if pixel_format.startswith("p010"):
        return 10
    match = _DEPTH.search(pixel_format)
    return int(match.group(1)) if match else 8


def chroma_subsampling(pixel_format: str | None) -> str | None:
    """"4:2:0", "4:2:2", "4:4:4" (…) for a YUV or RGB pixel format; None when unknown."""
    if not pixel_format:
        return None
    return next((ratio for marker, ratio in _CHROMA if marker in pixel_format), None)
