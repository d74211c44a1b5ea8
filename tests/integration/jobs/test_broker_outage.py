"""No job is lost while Redis is unreachable: the request waits in the outbox and is
relayed, then run, once Redis answers again."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit

import msgspec
import pytest

from revenge.domain.errors import Unavailable
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.jobs import JobsOptions
from tests.integration.jobs.support import Echo, enqueue, finished, http_side, wait_for


class TcpProxy:
    """Forwards a loopback port to Redis; connections are refused until `start()`."""

    def __init__(self, target_url: str) -> None:
        target = urlsplit(target_url)
        self._target = (target.hostname or "127.0.0.1", target.port or 6379)
        self.port = _free_port()
        credentials = target.netloc.rpartition("@")[0]  # the embedded Redis has a password
        netloc = f"{credentials}@127.0.0.1:{self.port}" if credentials else f"127.0.0.1:{self.port}"
        self.url = urlunsplit(target._replace(netloc=netloc))
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._forward, "127.0.0.1", self.port)

    async def stop(self) -> None:
        if self._server:
            self._server.close()

    async def _forward(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self._target)
        await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    writer.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def proxy(redis_url: str) -> AsyncIterator[TcpProxy]:
    proxy = TcpProxy(redis_url)
    yield proxy
    await proxy.stop()


async def test_a_job_committed_while_redis_is_down_runs_once_it_is_back(
        jobs_settings: Config, jobs_options: JobsOptions, proxy: TcpProxy,
        request: pytest.FixtureRequest) -> None:
    settings = msgspec.structs.replace(jobs_settings, redis_url=proxy.url)
    async with http_side(settings, jobs_options, relay=False) as app:
        relay = app.jobs.outbox_relay()
        job_id = await enqueue(app, Echo(word="kept"))

        with pytest.raises(Unavailable):
            await relay.relay_once()
        assert (await app.jobs.job_runs().get(job_id)).status == "queued"

        await proxy.start()  # Redis is reachable again
        assert await relay.relay_once() == 1
        assert await relay.relay_once() == 0  # sent once, not again

        request.getfixturevalue("worker")  # only now: its own relay must not help above
        done = await wait_for(app, job_id, finished)
        assert (done.status, done.attempts, done.result) == ("succeeded", 1, {"echo": "kept"})
