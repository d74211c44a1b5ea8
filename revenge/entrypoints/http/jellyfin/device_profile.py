"""A Jellyfin DeviceProfile (what the app says it plays) as our playback profile.

Only the direct-play profiles matter: we decide direct play, remux or transcode
ourselves (the playback domain), and our HLS is always MPEG-TS with H.264/AAC, which
every Jellyfin app plays. Names we do not know are dropped, never passed on."""

from __future__ import annotations

from typing import Any

from revenge.domain.playback.profiles import AUDIO_CODECS, CONTAINERS, VIDEO_CODECS

CONTAINER_NAMES = {"mkv": "matroska", "matroska": "matroska", "mp4": "mp4", "m4v": "mp4",
                   "mov": "mp4", "webm": "webm", "ts": "mpegts", "mpegts": "mpegts",
                   "m2ts": "mpegts", "ogg": "ogg"}
CODEC_NAMES = {"h265": "hevc", "hevc": "hevc", "avc": "h264", "h264": "h264"}
EVERYTHING: dict[str, Any] = {"containers": sorted(CONTAINERS),
                              "video_codecs": sorted(VIDEO_CODECS),
                              "audio_codecs": sorted(AUDIO_CODECS)}


def _names(value: Any) -> list[str]:
    if not isinstance(value, str):
        return []
    return [part.strip().lower() for part in value.split(",") if part.strip()]


def our_profile(device_profile: Any, *, direct_allowed: bool = True) -> dict[str, Any]:
    """No DeviceProfile: the app plays anything (what Jellyfin assumes too)."""
    if not direct_allowed:
        return {"containers": []}
    if not isinstance(device_profile, dict):
        return dict(EVERYTHING)
    containers: set[str] = set()
    video: set[str] = set()
    audio: set[str] = set()
    for entry in device_profile.get("DirectPlayProfiles") or []:
        if not isinstance(entry, dict) or entry.get("Type", "Video") != "Video":
            continue
        containers |= {CONTAINER_NAMES[c] for c in _names(entry.get("Container"))
                       if c in CONTAINER_NAMES}
        codecs = _names(entry.get("VideoCodec")) or sorted(VIDEO_CODECS)
        video |= {CODEC_NAMES.get(c, c) for c in codecs} & VIDEO_CODECS
        sounds = _names(entry.get("AudioCodec")) or sorted(AUDIO_CODECS)
        audio |= set(sounds) & AUDIO_CODECS
    profile: dict[str, Any] = {"containers": sorted(containers),
                               "video_codecs": sorted(video), "audio_codecs": sorted(audio)}
    bitrate = device_profile.get("MaxStreamingBitrate")
    if isinstance(bitrate, int) and not isinstance(bitrate, bool) and bitrate > 0:
        profile["max_bitrate"] = bitrate
    return profile
