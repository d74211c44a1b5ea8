"""A segment asked of a replica that does not own the session: one the owner finished
is read from the shared folder with the owner only told; one it has not made yet goes
through the owner; an owner that is gone is taken over only when something must be
made."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from revenge.adapters.memory.playback import (
    InMemoryPlaybackSessions,
    InMemorySegmenter,
    InMemorySessionOwners,
)
from revenge.application.playback.get_segment import GetSegment
from revenge.application.playback.serve_owned_segment import ServeOwnedSegment
from revenge.domain.media.info import VideoStream
from revenge.domain.playback.decision import PlaybackDecision
from revenge.domain.playback.ladder import Variant
from revenge.domain.playback.segments import fixed_segments
from revenge.domain.playback.sessions import HlsPlan, PlaybackSession

NOW = 1_800_000_000.0
VARIANT = Variant(name="720p", copy_video=False, width=1280, height=720,
                  video_bitrate=3_000_000, audio_bitrate=128_000)
SESSION = PlaybackSession(
    id="s1", user_id="alice", username="alice", movie_id="m1", file_id="f1",
    path="/movies/heat.mkv", size=1, mtime=0.0, video=VideoStream(index=0, codec="hevc"),
    duration=60.0, decision=PlaybackDecision(method="transcode", video="h264", audio="aac",
                                             audio_index=1),
    hls=HlsPlan(variants=(VARIANT,), transcode_segments=fixed_segments(60.0, 6.0)),
    subtitles=(), started_at=NOW, last_active=NOW, owner="r1")


@dataclass
class Replicas:
    sessions: InMemoryPlaybackSessions
    owners: InMemorySessionOwners
    owner_encoder: InMemorySegmenter
    other_encoder: InMemorySegmenter
    other: GetSegment


@pytest.fixture
async def replicas(tmp_path: Path) -> Replicas:
    sessions, owners = InMemoryPlaybackSessions(), InMemorySessionOwners()
    await sessions.add(SESSION)
    owner_encoder = InMemorySegmenter(tmp_path, "r1")
    other_encoder = InMemorySegmenter(tmp_path, "r2")
    owner = GetSegment(sessions, owner_encoder, owners, lambda: NOW, "r1")
    owners.register("r1", ServeOwnedSegment(sessions, owner, "r1").execute,
                    owner_encoder.stop)
    other = GetSegment(sessions, other_encoder, owners, lambda: NOW, "r2")
    return Replicas(sessions, owners, owner_encoder, other_encoder, other)


async def _session(replicas: Replicas) -> PlaybackSession:
    found = await replicas.sessions.get("s1")
    assert found is not None
    return found


async def test_a_segment_not_made_yet_is_made_by_the_owner(replicas: Replicas,
                                                           tmp_path: Path) -> None:
    path = await replicas.other.execute(await _session(replicas), "720p", 2)
    assert Path(path) == tmp_path / "replica-r1/s1/720p/2.ts"
    assert replicas.owners.asked == [("r1", "s1", "720p", 2)]
    assert replicas.other_encoder.requests == []


async def test_a_finished_segment_is_read_from_the_folder_and_the_owner_told(
        replicas: Replicas) -> None:
    made = await replicas.other.execute(await _session(replicas), "720p", 2)
    again = await replicas.other.execute(await _session(replicas), "720p", 2)
    assert again == made
    assert replicas.owners.asked == [("r1", "s1", "720p", 2)]  # asked once, not twice
    assert replicas.owners.told == [("r1", "s1", "720p", 2)]
    # The owner's encoder heard of both requests: its pacing follows the player.
    assert replicas.owner_encoder.requests == [("s1", "720p", 2), ("s1", "720p", 2)]
    assert replicas.other_encoder.requests == []


async def test_a_gone_owners_finished_segments_are_still_served_without_a_takeover(
        replicas: Replicas) -> None:
    await replicas.other.execute(await _session(replicas), "720p", 2)
    replicas.owners.gone("r1")
    await replicas.other.execute(await _session(replicas), "720p", 2)
    assert (await _session(replicas)).owner == "r1"
    # Something the gone owner never made: this replica claims the session and makes it.
    await replicas.other.execute(await _session(replicas), "720p", 3)
    assert (await _session(replicas)).owner == "r2"
    assert replicas.other_encoder.requests == [("s1", "720p", 3)]
