"""`SessionOwners` over Redis: each HTTP process (replica) keeps a heartbeat key and
reads its own request list; a replica asked for a segment of another's session pushes
the request there and waits for the reply (the segment's path in the transcode folder
all replicas share). A replica whose heartbeat has expired is gone: `ReplicaGone`.

Only ids and numbers travel (the owner reads the session itself), and a path in a reply
is taken only inside the shared folder, so a writable Redis cannot make a replica
serve or encode anything it would not anyway."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import msgspec
import redis.asyncio as aioredis
from redis.exceptions import RedisError

from revenge.domain.errors import NotFound, Unavailable
from revenge.domain.playback.errors import ReplicaGone

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 1.0
HEARTBEAT_TTL_SECONDS = 4  # a replica silent this long is taken for gone
WAIT_SECONDS = 65.0  # the owner's own ready timeout (60 s) and some
_PREFIX = "revenge:playback:"


class OwnerRequest(msgspec.Struct, frozen=True, kw_only=True):
    op: str  # "segment" | "stop"
    session_id: str
    variant: str = ""
    index: int = 0
    reply: str = ""


class OwnerReply(msgspec.Struct, frozen=True, kw_only=True):
    path: str | None = None  # relative to the shared transcode folder
    error: str | None = None  # "not_found" | "unavailable"
    detail: str = ""


# A request goes into the owner's inbox only while its heartbeat stands, in one round
# trip: the check and the push were two, on every segment asked of another replica.
_SEND = """
if redis.call('exists', KEYS[1]) == 0 then return 0 end
redis.call('rpush', KEYS[2], ARGV[1])
redis.call('expire', KEYS[2], ARGV[2])
return 1
"""


def _alive_key(replica: str) -> str:
    return f"{_PREFIX}replica:{replica}"


def _inbox_key(replica: str) -> str:
    return f"{_PREFIX}inbox:{replica}"


class RedisSessionOwners:
    def __init__(self, client: aioredis.Redis, shared_dir: Path,
                 wait_seconds: float = WAIT_SECONDS) -> None:
        self._redis = client
        self._shared = shared_dir.resolve()
        self._wait = wait_seconds
        self._push = client.register_script(_SEND)

    async def segment(self, owner: str, session_id: str, variant: str, index: int) -> str:
        reply_key = f"{_PREFIX}reply:{secrets.token_hex(12)}"
        request = OwnerRequest(op="segment", session_id=session_id, variant=variant,
                               index=index, reply=reply_key)
        try:
            await self._send(owner, request)
            reply = await self._await_reply(owner, reply_key)
        except RedisError as exc:
            raise Unavailable("redis", str(exc)) from exc
        return self._local_path(reply)

    async def stop(self, owner: str, session_id: str) -> None:
        with contextlib.suppress(RedisError, ReplicaGone):
            await self._send(owner, OwnerRequest(op="stop", session_id=session_id))

    async def seen(self, owner: str, session_id: str, variant: str, index: int) -> None:
        # A segment request with nowhere to reply: the owner does what it does for any
        # request (marks the player's place, wakes a paused ffmpeg) and answers no one.
        with contextlib.suppress(RedisError, ReplicaGone):
            await self._send(owner, OwnerRequest(op="segment", session_id=session_id,
                                                 variant=variant, index=index))

    async def _send(self, owner: str, request: OwnerRequest) -> None:
        pushed = await self._push(keys=[_alive_key(owner), _inbox_key(owner)],
                                  args=[msgspec.msgpack.encode(request), int(WAIT_SECONDS)])
        if not pushed:
            raise ReplicaGone(owner)

    async def _await_reply(self, owner: str, reply_key: str) -> OwnerReply:
        deadline = time.monotonic() + self._wait
        while time.monotonic() < deadline:
            found = await self._redis.blpop([reply_key], timeout=1)  # type: ignore[misc]
            if found:
                return msgspec.msgpack.decode(found[1], type=OwnerReply)
            if not await self._redis.exists(_alive_key(owner)):
                raise ReplicaGone(owner)
        raise Unavailable("ffmpeg", "the replica producing this segment did not answer in time")

    def _local_path(self, reply: OwnerReply) -> str:
        if reply.error == "not_found":
            raise NotFound(reply.detail or "no such segment")
        if reply.error or reply.path is None:
            raise Unavailable("ffmpeg", reply.detail or "the owner could not produce it")
        path = (self._shared / reply.path).resolve()
        if not path.is_relative_to(self._shared) or not path.is_file():
            raise Unavailable("ffmpeg", "the segment is not in the shared transcode folder")
        return str(path)


SegmentHandler = Callable[[str, str, int], Awaitable[str]]
StopHandler = Callable[[str], Awaitable[None]]


class RedisOwnerInbox:
    """This replica's side: the heartbeat, and the requests others send it."""

    def __init__(self, client: aioredis.Redis, replica: str, shared_dir: Path) -> None:
        self._redis = client
        self._replica = replica
        self._shared = shared_dir.resolve()
        self._tasks: list[asyncio.Task[None]] = []
        self._handling: set[asyncio.Task[None]] = set()

    async def start(self, segment: SegmentHandler, stop: StopHandler) -> None:
        """Alive for the others from its return on (the first heartbeat is written)."""
        await self._heartbeat()
        self._tasks = [asyncio.create_task(self._beat(), name="playback-heartbeat"),
                       asyncio.create_task(self._serve(segment, stop), name="playback-inbox")]

    async def close(self) -> None:
        for task in [*self._tasks, *self._handling]:
            task.cancel()
        for task in [*self._tasks, *self._handling]:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        with contextlib.suppress(RedisError):
            await self._redis.delete(_alive_key(self._replica))

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            await self._heartbeat()

    async def _heartbeat(self) -> None:
        try:
            await self._redis.set(_alive_key(self._replica), b"1", ex=HEARTBEAT_TTL_SECONDS)
        except RedisError as exc:
            log.warning("playback heartbeat failed: %s", exc)

    async def _serve(self, segment: SegmentHandler, stop: StopHandler) -> None:
        while True:
            try:
                found = await self._redis.blpop(  # type: ignore[misc]
                    [_inbox_key(self._replica)], timeout=1)
            except RedisError as exc:
                log.warning("playback inbox unreachable: %s", exc)
                await asyncio.sleep(1)
                continue
            if found:
                task = asyncio.create_task(self._handle(found[1], segment, stop))
                self._handling.add(task)
                task.add_done_callback(self._handling.discard)

    async def _handle(self, raw: bytes, segment: SegmentHandler, stop: StopHandler) -> None:
        try:
            request = msgspec.msgpack.decode(raw, type=OwnerRequest)
        except msgspec.DecodeError:
            log.warning("playback inbox: a malformed request was dropped")
            return
        if request.op == "stop":
            await stop(request.session_id)
            return
        reply = await self._produce(request, segment)
        if not request.reply.startswith(f"{_PREFIX}reply:"):
            return
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                pipe.rpush(request.reply, msgspec.msgpack.encode(reply))
                pipe.expire(request.reply, 30)
                await pipe.execute()
        except RedisError as exc:
            log.warning("playback inbox: could not reply: %s", exc)

    def _relative(self, path: str) -> str:
        relative = os.path.relpath(os.path.realpath(path), self._shared)
        if relative.startswith(".."):
            raise ValueError("segments must be in the shared transcode folder")
        return relative

    async def _produce(self, request: OwnerRequest, segment: SegmentHandler) -> OwnerReply:
        try:
            path = await segment(request.session_id, request.variant, request.index)
            return OwnerReply(path=self._relative(path))
        except NotFound as exc:
            return OwnerReply(error="not_found", detail=str(exc))
        except (Unavailable, ValueError) as exc:
            return OwnerReply(error="unavailable", detail=str(exc))
        except Exception:  # the asking replica must get an answer, not a timeout
            log.exception("playback inbox: producing a segment failed")
            return OwnerReply(error="unavailable", detail="the owner could not produce it")
