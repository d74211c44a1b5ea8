"""A session's HLS plan: renditions that copy the file's video are cut on its keyframes
at about `segment_seconds`; transcoded ones every `transcode_segment_seconds` (each is
encoded before it is served, so that length is the wait after a start or a seek)."""

from __future__ import annotations

import pytest

from revenge.adapters.memory.media_probe import InMemoryMediaProbe
from revenge.adapters.memory.playback import InMemoryPlaybackSessions
from revenge.application.playback.ports import PlaybackSettings
from revenge.application.playback.start_playback import StartPlayback, StartPlaybackCommand
from revenge.domain.media.info import AudioStream, MediaInfo, VideoStream
from tests.contract.playback.conftest import Shelf, new_id, row

TEN_MINUTES = 600.0
SETTINGS = PlaybackSettings(segment_seconds=6.0, transcode_segment_seconds=2.0)


def _info(video: str, audio: str, container: str) -> MediaInfo:
    return MediaInfo(container=container, duration=TEN_MINUTES,
                     video=(VideoStream(index=0, codec=video, width=1280, height=720),),
                     audio=(AudioStream(index=1, codec=audio, default=True),),
                     keyframes=tuple(float(t) for t in range(0, 600, 2)))


@pytest.mark.parametrize(("name", "info", "copied"), [
    ("Heat.mkv", _info("h264", "ac3", "matroska"), True),  # remux: a copied rendition
    ("Ran.mkv", _info("hevc", "ac3", "matroska"), False)])  # transcode only
async def test_copied_renditions_cut_on_keyframes_transcoded_ones_shorter(
        shelf: Shelf, name: str, info: MediaInfo, copied: bool) -> None:
    movie_id, _ = await shelf.movie((name, row()))
    probe = InMemoryMediaProbe({str(shelf.folder / name): info})
    start = StartPlayback(shelf.files, probe, InMemoryPlaybackSessions(), SETTINGS,
                          lambda: 1_800_000_000.0, new_id, b"k" * 32)
    started = await start.execute(StartPlaybackCommand(actor=await shelf.viewer(),
                                                       movie_id=movie_id))
    plan = started.session.hls
    assert plan is not None
    assert plan.variants[0].copy_video is copied
    assert [s.duration for s in plan.transcode_segments] == [2.0] * 300
    if copied:
        assert [s.duration for s in plan.copy_segments] == [6.0] * 100
    else:
        assert plan.copy_segments == ()
