"""The shared session registry, on the in-memory twin and PostgreSQL alike: what one
replica records, every other finds; a session moves to one new owner only."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import msgspec
import pytest

from revenge.adapters.memory.playback import InMemoryPlaybackSessions
from revenge.adapters.postgres.playback_sessions import PostgresPlaybackSessions
from revenge.application.playback.ports import PlaybackSessions
from revenge.domain.media.info import VideoStream
from revenge.domain.playback.decision import PlaybackDecision
from revenge.domain.playback.ladder import Variant
from revenge.domain.playback.segments import fixed_segments
from revenge.domain.playback.sessions import HlsPlan, PlaybackSession
from tests.contract.playback.conftest import Shelf, new_id

Replicas = tuple[PlaybackSessions, PlaybackSessions]


@pytest.fixture
def replicas(shelf: Shelf) -> Replicas:
    """Two replicas' handles on the same registry (the shelf's: memory or PostgreSQL)."""
    database = getattr(shelf, "database", None)
    if database is None:
        shared = InMemoryPlaybackSessions()
        return shared, shared
    return PostgresPlaybackSessions(database), PostgresPlaybackSessions(database)


def make_session(user_id: str, owner: str, started_at: float = 100.0) -> PlaybackSession:
    variant = Variant(name="720p", copy_video=False, width=1280, height=720,
                      video_bitrate=3_000_000, audio_bitrate=128_000)
    return PlaybackSession(
        id=new_id(), user_id=user_id, username="u", movie_id=new_id(), file_id=new_id(),
        path="/movies/heat.mkv", size=10, mtime=1.5, video=VideoStream(index=0, codec="hevc"),
        duration=60.0, decision=PlaybackDecision(method="transcode", video="transcode",
                                                 audio="transcode", audio_index=1),
        hls=HlsPlan(variants=(variant,), transcode_segments=fixed_segments(60.0, 6.0)),
        subtitles=(), started_at=started_at, last_active=started_at, owner=owner,
        sign_in_id=new_id())


async def user(shelf: Shelf) -> str:
    return (await shelf.viewer()).user_id


AddUser = Callable[[], Awaitable[str]]


@pytest.fixture
def add_user(shelf: Shelf) -> AddUser:
    return lambda: user(shelf)


async def test_a_session_recorded_by_one_replica_is_found_whole_by_another(
        replicas: Replicas, add_user: AddUser) -> None:
    session = make_session(await add_user(), "a")
    await replicas[0].add(session)
    assert await replicas[1].get(session.id) == session


async def test_use_and_position_are_recorded_for_everyone(
        replicas: Replicas, add_user: AddUser) -> None:
    session = make_session(await add_user(), "a")
    await replicas[0].add(session)
    await replicas[1].touch(session.id, 130.0, 42.0)
    await replicas[0].touch(session.id, 140.0)
    found = await replicas[0].get(session.id)
    assert found is not None and (found.last_active, found.position) == (140.0, 42.0)


async def test_an_ended_session_is_gone_for_every_replica_and_ends_once(
        replicas: Replicas, add_user: AddUser) -> None:
    session = make_session(await add_user(), "a")
    await replicas[0].add(session)
    assert await replicas[1].remove(session.id) == session
    assert await replicas[0].remove(session.id) is None
    assert await replicas[0].get(session.id) is None


async def test_each_replica_lists_the_sessions_it_owns_oldest_first(
        replicas: Replicas, add_user: AddUser) -> None:
    uid = await add_user()
    late, early, other = (make_session(uid, "a", 200.0), make_session(uid, "a", 100.0),
                          make_session(uid, "b", 150.0))
    for session in (late, early, other):
        await replicas[0].add(session)
    assert [s.id for s in await replicas[1].owned_by("a")] == [early.id, late.id]
    assert [s.id for s in await replicas[1].all()] == [early.id, other.id, late.id]


async def test_of_two_replicas_claiming_a_dead_owners_session_one_wins(
        replicas: Replicas, add_user: AddUser) -> None:
    session = make_session(await add_user(), "dead")
    await replicas[0].add(session)
    won = await asyncio.gather(replicas[0].claim(session.id, "dead", "b"),
                               replicas[1].claim(session.id, "dead", "c"))
    assert sorted(won) == [False, True]
    moved = await replicas[0].get(session.id)
    assert moved is not None and moved.owner == ("b" if won[0] else "c")
    assert msgspec.structs.replace(moved, owner="dead") == session


@pytest.mark.parametrize("session_id", ["nope", "", "0" * 40])
async def test_an_id_that_is_no_session_id_finds_nothing(
        replicas: Replicas, session_id: str) -> None:
    assert await replicas[0].get(session_id) is None
    assert await replicas[0].remove(session_id) is None
