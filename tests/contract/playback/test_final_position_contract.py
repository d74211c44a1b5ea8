"""Ending a playback session records the final position through the catalog's own
RecordProgress and repositories (in memory and PostgreSQL), so the catalog's progress
rules apply: a resume point mid-movie, a counted play near the end."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from revenge.adapters.memory.media_probe import InMemoryMediaProbe
from revenge.adapters.memory.playback import (
    InMemoryPlaybackSessions,
    InMemorySegmenter,
    InMemorySessionOwners,
)
from revenge.application.catalog.record_progress import RecordProgress
from revenge.application.playback.catalog_progress import CatalogProgress
from revenge.application.playback.common import SessionEnder
from revenge.application.playback.ports import PlaybackSettings
from revenge.application.playback.start_playback import StartPlayback, StartPlaybackCommand
from revenge.application.playback.stop_playback import StopPlayback, StopPlaybackCommand
from revenge.application.shared.principal import Principal
from revenge.domain.catalog.progress import ProgressPolicy
from revenge.domain.media.info import AudioStream, MediaInfo, VideoStream
from tests.contract.playback.conftest import Shelf, new_id, row

TWO_HOURS = 7200.0
INFO = MediaInfo(container="mp4", duration=TWO_HOURS,
                 video=(VideoStream(index=0, codec="h264", width=1920, height=1080),),
                 audio=(AudioStream(index=1, codec="aac", default=True),))


class Playback:
    """Start and stop wired as the playback container wires them, over `shelf`."""

    def __init__(self, shelf: Shelf, folder: Path) -> None:
        probe = InMemoryMediaProbe({str(shelf.folder / "Heat.mp4"): INFO})
        sessions = InMemoryPlaybackSessions()
        record = RecordProgress(shelf.unit_of_work, lambda: datetime.now(UTC), new_id,
                                ProgressPolicy())
        self.start = StartPlayback(shelf.files, probe, sessions, PlaybackSettings(),
                                   lambda: 1_800_000_000.0, new_id, b"k" * 32)
        ender = SessionEnder(sessions, InMemorySegmenter(folder), InMemorySessionOwners(), "r1")
        self.stop = StopPlayback(sessions, ender, CatalogProgress(record))

    async def watch(self, viewer: Principal, movie_id: str, until: float) -> None:
        started = await self.start.execute(StartPlaybackCommand(actor=viewer,
                                                                movie_id=movie_id))
        await self.stop.execute(StopPlaybackCommand(actor=viewer, session_id=started.session.id,
                                                    position_seconds=until))


@pytest.mark.parametrize(("until", "resume", "plays"), [
    (1800.0, 1800.0, 0), (7000.0, 0.0, 1), (TWO_HOURS + 60, 0.0, 1)])
async def test_the_final_position_lands_in_the_catalog_under_its_rules(
        shelf: Shelf, tmp_path: Path, until: float, resume: float, plays: int) -> None:
    movie_id, _ = await shelf.movie(("Heat.mp4", row()))
    viewer = await shelf.viewer()
    await Playback(shelf, tmp_path).watch(viewer, movie_id, until)
    progress = await shelf.library.progress(viewer.user_id, movie_id)
    assert progress.position_seconds == min(until, TWO_HOURS)
    assert progress.duration_seconds == TWO_HOURS
    assert (progress.resume_position_seconds, progress.play_count) == (resume, plays)
