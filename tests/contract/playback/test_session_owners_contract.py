"""Replicas reaching the owner of a session, through the in-memory twin and Redis alike:
a segment comes back as a path in the shared folder, the owner's refusals come back as
they were, a stop arrives, and an owner that is gone says so at once."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from revenge.adapters.memory.playback import InMemorySessionOwners
from revenge.adapters.redis.client import create_redis_client
from revenge.adapters.redis.playback_owners import RedisOwnerInbox, RedisSessionOwners
from revenge.application.playback.ports import SessionOwners
from revenge.domain.errors import NotFound, Unavailable
from revenge.domain.playback.errors import ReplicaGone


@dataclass
class Owner:
    """What the owning replica's handlers were asked, and the segments they write."""

    shared: Path
    stopped: list[str] = field(default_factory=list)
    asked: list[tuple[str, str, int]] = field(default_factory=list)

    async def segment(self, session_id: str, variant: str, index: int) -> str:
        self.asked.append((session_id, variant, index))
        if session_id == "ended":
            raise NotFound("this playback session has ended")
        if session_id == "broken":
            raise Unavailable("ffmpeg", "exit status 1")
        path = self.shared / f"replica-a/{session_id}/{variant}/run1/{index}.ts"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"G" * 188)
        return str(path)

    async def stop(self, session_id: str) -> None:
        self.stopped.append(session_id)


@dataclass
class Cluster:
    owners: SessionOwners
    owner: Owner
    leave: object  # makes replica "a" go away


@pytest.fixture(params=["memory", "redis"])
async def cluster(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Cluster]:
    owner = Owner(tmp_path)
    if request.param == "memory":
        memory = InMemorySessionOwners()
        memory.register("a", owner.segment, owner.stop)
        yield Cluster(memory, owner, lambda: memory.gone("a"))
        return
    client = create_redis_client(request.getfixturevalue("redis_url"))
    replica = f"a-{uuid.uuid4().hex[:8]}"
    inbox = RedisOwnerInbox(client, replica, tmp_path)
    await inbox.start(owner.segment, owner.stop)  # alive once started
    yield Cluster(_Renamed(RedisSessionOwners(client, tmp_path), replica), owner, inbox.close)
    await inbox.close()
    await client.aclose()


class _Renamed:
    """Lets the tests call the Redis replica "a" whatever its unique name."""

    def __init__(self, owners: RedisSessionOwners, name: str) -> None:
        self._owners, self._name = owners, name

    def _real(self, owner: str) -> str:
        return self._name if owner == "a" else owner

    async def segment(self, owner: str, session_id: str, variant: str, index: int) -> str:
        return await self._owners.segment(self._real(owner), session_id, variant, index)

    async def stop(self, owner: str, session_id: str) -> None:
        await self._owners.stop(self._real(owner), session_id)

    async def seen(self, owner: str, session_id: str, variant: str, index: int) -> None:
        await self._owners.seen(self._real(owner), session_id, variant, index)


async def leave(cluster: Cluster) -> None:
    result = cluster.leave()  # type: ignore[operator]
    if asyncio.iscoroutine(result):
        await result


async def test_a_segment_produced_by_the_owner_is_read_from_the_shared_folder(
        cluster: Cluster, tmp_path: Path) -> None:
    path = await cluster.owners.segment("a", "s1", "720p", 3)
    assert Path(path) == tmp_path / "replica-a/s1/720p/run1/3.ts"
    assert (tmp_path / "replica-a/s1/720p/run1/3.ts").stat().st_size == 188


async def test_the_owners_refusals_come_back_as_they_were(cluster: Cluster) -> None:
    with pytest.raises(NotFound):
        await cluster.owners.segment("a", "ended", "720p", 0)
    with pytest.raises(Unavailable) as failed:
        await cluster.owners.segment("a", "broken", "720p", 0)
    assert not isinstance(failed.value, ReplicaGone)


async def test_a_stop_reaches_the_owner(cluster: Cluster) -> None:
    await cluster.owners.stop("a", "s1")
    for _ in range(100):
        if cluster.owner.stopped:
            break
        await asyncio.sleep(0.02)
    assert cluster.owner.stopped == ["s1"]


async def test_an_owner_that_is_gone_is_reported_as_gone(cluster: Cluster) -> None:
    with pytest.raises(ReplicaGone):
        await cluster.owners.segment("never-was", "s1", "720p", 0)
    await leave(cluster)
    with pytest.raises(ReplicaGone):
        await cluster.owners.segment("a", "s1", "720p", 0)
    await cluster.owners.stop("a", "s1")  # best effort: no error


async def test_a_segment_served_from_the_shared_folder_is_told_to_its_owner(
        cluster: Cluster) -> None:
    """The owner hears of it as of any request (its encoder's pacing follows the
    player), and a gone owner is no error: the segment was served all the same."""
    await cluster.owners.seen("a", "s1", "720p", 4)
    for _ in range(100):
        if cluster.owner.asked:
            break
        await asyncio.sleep(0.02)
    assert cluster.owner.asked == [("s1", "720p", 4)]
    await cluster.owners.seen("never-was", "s1", "720p", 5)
    await leave(cluster)
    await cluster.owners.seen("a", "s1", "720p", 5)
    assert cluster.owner.asked == [("s1", "720p", 4)]
