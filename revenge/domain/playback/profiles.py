"""What a client can play: containers, codecs, limits; browser defaults; validation.

Every value a client declares is checked against a closed vocabulary, so nothing from a
request can later reach an ffmpeg command line (the CVE-2023-49096 class of bugs).
"""

from __future__ import annotations

from typing import Any

import msgspec

from revenge.domain.errors import RuleViolation
from revenge.domain.media.codecs import H264_PROFILES

CONTAINERS = frozenset({"mp4", "webm", "matroska", "mpegts", "ogg"})
VIDEO_CODECS = frozenset({"h264", "hevc", "vp8", "vp9", "av1"})
AUDIO_CODECS = frozenset({"aac", "mp3", "opus", "vorbis", "flac", "ac3", "eac3", "alac"})
CHROMA = frozenset({"4:2:0", "4:2:2", "4:4:4"})
BIT_DEPTHS = (8, 10, 12)
MAX_H264_LEVEL = 62  # 6.2, the highest H.264 defines (levels are kept times 10, as ffprobe says)


class ClientProfile(msgspec.Struct, frozen=True, kw_only=True):
    """Browser defaults: MP4/WebM, H.264 (VP9, AV1, HEVC only where declared),
    AAC/Opus/MP3. `max_bitrate` is bits per second for the whole stream. Browsers decode
    8-bit 4:2:0 H.264 in the Baseline, Main and High profiles up to level 5.2: not
    Hi10P, High 4:2:2 or High 4:4:4, whatever the container."""

    containers: frozenset[str] = frozenset({"mp4", "webm"})
    video_codecs: frozenset[str] = frozenset({"h264"})
    audio_codecs: frozenset[str] = frozenset({"aac", "mp3", "opus"})
    h264_profiles: frozenset[str] = frozenset({"constrained_baseline", "baseline", "main",
                                               "high"})
    max_h264_level: int = 52  # times 10: 5.2
    max_bit_depth: int = 8
    chroma: frozenset[str] = frozenset({"4:2:0"})
    max_width: int | None = None
    max_height: int | None = None
    max_bitrate: int | None = None
    hdr: bool = False
    preferred_language: str | None = None


BROWSER = ClientProfile()

_LISTS = {"containers": CONTAINERS, "video_codecs": VIDEO_CODECS, "audio_codecs": AUDIO_CODECS,
          "h264_profiles": H264_PROFILES, "chroma": CHROMA}
_NUMBERS = ("max_width", "max_height", "max_bitrate")
_OTHERS = ("hdr", "preferred_language", "max_h264_level", "max_bit_depth")
_LANGUAGE_LENGTH = range(2, 4)


def client_profile(declared: dict[str, Any] | None) -> ClientProfile:
    """A profile from a client's declaration (missing keys take browser defaults).
    Raises `RuleViolation` naming `profile.<key>` for anything outside the vocabulary."""
    if not declared:
        return BROWSER
    unknown = sorted(set(declared) - {*_LISTS, *_NUMBERS, *_OTHERS})
    if unknown:
        raise RuleViolation(f"unknown profile setting {unknown[0]!r}",
                            field=f"profile.{unknown[0]}")
    values: dict[str, Any] = {k: _names(k, declared[k]) for k in _LISTS if k in declared}
    values |= {k: _positive(k, declared[k]) for k in _NUMBERS if declared.get(k) is not None}
    values["hdr"] = declared.get("hdr") is True
    values["preferred_language"] = _language(declared.get("preferred_language"))
    if declared.get("max_h264_level") is not None:
        values["max_h264_level"] = _h264_level(declared["max_h264_level"])
    if declared.get("max_bit_depth") is not None:
        values["max_bit_depth"] = _bit_depth(declared["max_bit_depth"])
    return ClientProfile(**values)


def _h264_level(value: Any) -> int:
    """A level as people write it (4.1, 5, 5.2), kept times 10 as ffprobe reports it."""
    if (isinstance(value, bool) or not isinstance(value, int | float)
            or not 1 <= value <= MAX_H264_LEVEL / 10):
        raise RuleViolation("max_h264_level must be a level from 1 to 6.2 (e.g. 4.1)",
                            field="profile.max_h264_level")
    return round(value * 10)


def _bit_depth(value: Any) -> int:
    if isinstance(value, bool) or value not in BIT_DEPTHS:
        raise RuleViolation("max_bit_depth must be 8, 10 or 12", field="profile.max_bit_depth")
    return int(value)


def _names(key: str, value: Any) -> frozenset[str]:
    allowed = _LISTS[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleViolation(f"{key} must be a list of names", field=f"profile.{key}")
    bad = [v for v in value if v.lower() not in allowed]
    if bad:
        raise RuleViolation(f"{bad[0][:40]!r} is not one of the known {key.replace('_', ' ')} "
                            f"({', '.join(sorted(allowed))})", field=f"profile.{key}")
    return frozenset(v.lower() for v in value)


def _positive(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise RuleViolation(f"{key} must be a positive integer", field=f"profile.{key}")
    return value


def _language(value: Any) -> str | None:
    if value is None:
        return None
    if (not isinstance(value, str) or len(value) not in _LANGUAGE_LENGTH
            or not value.isascii() or not value.isalpha()):
        raise RuleViolation("preferred_language must be a 2 or 3 letter language code",
                            field="profile.preferred_language")
    return value.lower()
