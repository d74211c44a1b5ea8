"""The subtitle files next to a video (`Movie.en.srt`, `Movie.forced.ass`…), read from
its folder when playback starts, so a sidecar added after the scan is found too."""

from __future__ import annotations

import os

import msgspec

from revenge.domain.media.info import SubtitleStream
from revenge.domain.media.sidecars import sidecar_subtitles


def sidecar_files(video_path: str) -> tuple[SubtitleStream, ...]:
    """Sidecars with absolute paths; none when the folder cannot be listed."""
    folder, name = os.path.split(video_path)
    try:
        siblings = os.listdir(folder)
    except OSError:
        return ()
    return tuple(msgspec.structs.replace(s, path=os.path.join(folder, s.path or ""))
                 for s in sidecar_subtitles(name, siblings))
