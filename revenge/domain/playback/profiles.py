"""What a client can play: containers, codecs, limits; browser defaults; validation.

Every value a client declares is checked against a closed vocabulary, so nothing from a
request can later reach an ffmpeg command line (the CVE-2023-49096 class of bugs).
"""

from __future__ import annotations

from typing import Any

import msgspec

from revenge.domain.errors import RuleViolation

CONTAINERS = frozenset({"mp4", "webm", "matroska", "mpegts", "ogg"})
VIDEO_CODECS = frozenset({"h264", "hevc", "vp8", "vp9", "av1"})
AUDIO_CODECS = frozenset({"aac", "mp3", "opus", "vorbis", "flac", "ac3", "eac3", "alac"})


class ClientProfile(msgspec.Struct, frozen=True, kw_only=True):
    """Browser defaults: MP4/WebM, H.264 (VP9, AV1, HEVC only where declared),
    AAC/Opus/MP3. `max_bitrate` is bits per second for the whole stream."""

    containers: frozenset[str] = frozenset({"mp4", "webm"})
    video_codecs: frozenset[str] = frozenset({"h264"})
    audio_codecs: frozenset[str] = frozenset({"aac", "mp3", "opus"})
    max_width: int | None = None
    max_height: int | None = None
    max_bitrate: int | None = None
    hdr: bool = False
    preferred_language: str | None = None


BROWSER = ClientProfile()

_LISTS = {"containers": CONTAINERS, "video_codecs": VIDEO_CODECS, "audio_codecs": AUDIO_CODECS}
_NUMBERS = ("max_width", "max_height", "max_bitrate")
_LANGUAGE_LENGTH = range(2, 4)


def client_profile(declared: dict[str, Any] | None) -> ClientProfile:
    """A profile from a client's declaration (missing keys take browser defaults).
    Raises `RuleViolation` naming `profile.<key>` for anything outside the vocabulary."""
    if not declared:
        return BROWSER
    unknown = sorted(set(declared) - {*_LISTS, *_NUMBERS, "hdr", "preferred_language"})
    if unknown:
        raise RuleViolation(f"unknown profile setting {unknown[0]!r}",
                            field=f"profile.{unknown[0]}")
    values: dict[str, Any] = {k: _names(k, declared[k]) for k in _LISTS if k in declared}
    values |= {k: _positive(k, declared[k]) for k in _NUMBERS if declared.get(k) is not None}
    values["hdr"] = declared.get("hdr") is True
    values["preferred_language"] = _language(declared.get("preferred_language"))
    return ClientProfile(**values)


def _names(key: str, value: Any) -> frozenset[str]:
    allowed = _LISTS[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleViolation(f"{key} must be a list of names", field=f"profile.{key}")
    bad = [v for v in value if v.lower() not in allowed]
    if bad:
        raise RuleViolation(f"{bad[0][:40]!r} is not a known {key[:-1].replace('_', ' ')} "
                            f"(one of {', '.join(sorted(allowed))})", field=f"profile.{key}")
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
