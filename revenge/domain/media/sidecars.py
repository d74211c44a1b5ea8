"""Sidecar subtitle files next to a video: `Movie.en.srt`, `Movie.forced.srt`, …"""

from __future__ import annotations

import re

from revenge.domain.media.info import SubtitleStream

SIDECAR_EXTENSIONS = {".srt": "subrip", ".ass": "ass", ".ssa": "ssa", ".vtt": "webvtt",
                      ".sub": "microdvd"}
# Sidecar subtitles are numbered after every embedded stream a file may have.
SIDECAR_INDEX_BASE = 1000

_FLAGS = {"forced": "forced", "foreign": "forced", "default": "default", "sdh": "sdh",
          "cc": "sdh", "hi": "sdh"}
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


def sidecar_subtitles(video_name: str, sibling_names: list[str]) -> tuple[SubtitleStream, ...]:
    """The sidecars of `video_name` among the names in its folder, sorted by name,
    numbered from SIDECAR_INDEX_BASE. `path` holds the sibling's name (join it with
    the folder)."""
    stem = video_name.rsplit(".", 1)[0]
    matches = sorted(n for n in sibling_names if _belongs(stem, n))
    return tuple(_sidecar(stem, name, SIDECAR_INDEX_BASE + i) for i, name in enumerate(matches))


def _belongs(stem: str, name: str) -> bool:
    base, dot, extension = name.rpartition(".")
    return bool(dot) and f".{extension.lower()}" in SIDECAR_EXTENSIONS and (
        base == stem or base.startswith(stem + "."))


def _sidecar(stem: str, name: str, index: int) -> SubtitleStream:
    base, _, extension = name.rpartition(".")
    tags = [t.lower() for t in base[len(stem):].split(".") if t]
    flags = {_FLAGS[t] for t in tags if t in _FLAGS}
    language = next((t for t in tags if t not in _FLAGS and _LANGUAGE.match(t)), None)
    return SubtitleStream(index=index, codec=SIDECAR_EXTENSIONS[f".{extension.lower()}"],
                          language=language, path=name, forced="forced" in flags,
                          default="default" in flags, hearing_impaired="sdh" in flags)
