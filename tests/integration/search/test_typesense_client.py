"""The `typesense` package's client as the adapter sets it up: one request per call (no
retries, so no sleeps between them), a short timeout, the breaker, and errors sorted into
outage (`Unavailable`), absent (`Missing`) and our mistake (`TypesenseRejected`).

Outages are played by a small HTTP server of the test's own that counts what reaches it;
the last tests ask the embedded Typesense 0.24 the tests start."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable
from typing import Any

import pytest

from revenge.adapters.typesense.client import Missing, TypesenseClient, TypesenseRejected, node_of
from revenge.domain.errors import Unavailable

COOLDOWN = 30.0  # seconds on the test's own clock, which only moves when told to


class FakeTypesense:
    """Answers every request with `status` (or never, when `stall`), counting arrivals."""

    def __init__(self, status: int = 200, body: bytes = b'{"ok":true}') -> None:
        self.status, self.body, self.stall = status, body, False
        self.requests = 0
        self.url = ""

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                await reader.readexactly(length)
                self.requests += 1
                if self.stall:
                    await reader.read()  # until the client gives up and hangs up
                    break
                writer.write(b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (self.status, len(self.body),
                                                                  self.body))
                await writer.drain()
        writer.close()


@pytest.fixture
async def fake() -> AsyncIterator[FakeTypesense]:
    server = FakeTypesense()
    listening = await asyncio.start_server(server.handle, "127.0.0.1", 0)
    server.url = f"http://127.0.0.1:{listening.sockets[0].getsockname()[1]}"
    async with listening:
        yield server
        listening.close()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def list_collections(client: TypesenseClient) -> Awaitable[Any]:
    return client.call("list collections", lambda ts: ts.collections.retrieve())


async def test_a_5xx_is_asked_once_then_the_breaker_answers_until_the_cooldown_ends(
        fake: FakeTypesense) -> None:
    fake.status, clock = 503, Clock()
    client = TypesenseClient(fake.url, "key", cooldown_seconds=COOLDOWN, clock=clock)
    with pytest.raises(Unavailable, match="ServiceUnavailable"):
        await list_collections(client)
    assert fake.requests == 1  # the package would retry 3 times, a second apart, by default
    with pytest.raises(Unavailable, match="moments ago"):
        await list_collections(client)
    assert fake.requests == 1
    fake.status = 200
    await client.health()  # health always asks, and closes the breaker
    assert fake.requests == 2
    fake.body = b"[]"
    assert await list_collections(client) == []
    await client.close()


async def test_after_the_cooldown_the_next_call_asks_again(fake: FakeTypesense) -> None:
    fake.status, clock = 500, Clock()
    client = TypesenseClient(fake.url, "key", cooldown_seconds=COOLDOWN, clock=clock)
    with pytest.raises(Unavailable):
        await list_collections(client)
    clock.now += COOLDOWN + 1
    fake.status, fake.body = 200, b"[]"
    assert await list_collections(client) == []
    assert fake.requests == 2
    await client.close()


async def test_a_404_is_missing_and_another_4xx_is_rejected_with_the_breaker_closed(
        fake: FakeTypesense) -> None:
    client = TypesenseClient(fake.url, "key", clock=Clock())
    fake.status, fake.body = 404, b'{"message": "Not Found"}'
    with pytest.raises(Missing, match="read alias movies: HTTP 404 Not Found"):
        await client.call("read alias movies", lambda ts: ts.aliases["movies"].retrieve())
    fake.status, fake.body = 400, b'{"message": "Bad field"}'
    with pytest.raises(TypesenseRejected, match="collection x: HTTP 400 Bad field") as raised:
        await client.call("create collection x", lambda ts: ts.collections.create(
            {"name": "x", "fields": []}))
    assert not isinstance(raised.value, Missing)
    fake.status, fake.body = 200, b"[]"
    assert await list_collections(client) == []  # a refusal is no outage: no breaker
    assert fake.requests == 3
    await client.close()


async def test_a_stalled_server_costs_one_short_timeout_and_bulk_calls_wait_longer(
        fake: FakeTypesense) -> None:
    fake.stall = True
    client = TypesenseClient(fake.url, "key", timeout_seconds=0.2, write_timeout_seconds=1.0,
                             cooldown_seconds=0)
    started = time.monotonic()
    with pytest.raises(Unavailable, match="ReadTimeout"):
        await list_collections(client)
    searched = time.monotonic() - started
    started = time.monotonic()
    with pytest.raises(Unavailable, match="ReadTimeout"):
        await client.call("export", lambda ts: ts.collections["m"].documents.export(), bulk=True)
    exported = time.monotonic() - started
    assert fake.requests == 2  # one each: no retry
    assert 0.2 <= searched < 1.0 <= exported
    await client.close()


async def test_an_unreachable_typesense_is_unavailable_without_retrying(
        fake: FakeTypesense) -> None:
    url = fake.url
    client = TypesenseClient(url.rsplit(":", 1)[0] + ":1", "key", cooldown_seconds=0)
    started = time.monotonic()
    with pytest.raises(Unavailable, match="ConnectError"):
        await list_collections(client)
    assert time.monotonic() - started < 1.0  # the package's default: 3 retries, 1 s apart


async def test_without_a_url_or_a_key_every_call_is_unavailable(fake: FakeTypesense) -> None:
    for client in (TypesenseClient(None, "key"), TypesenseClient(fake.url, None)):
        with pytest.raises(Unavailable, match="not configured"):
            await list_collections(client)
        with pytest.raises(Unavailable, match="not configured"):
            await client.health()
    assert fake.requests == 0


def test_a_url_may_leave_out_the_default_port() -> None:
    assert node_of("https://search.example.org/ts") == {
        "host": "search.example.org", "port": 443, "protocol": "https", "path": "/ts"}
    assert node_of("http://127.0.0.1:8108")["port"] == 8108


async def test_a_wrong_key_is_rejected_not_an_outage(typesense: tuple[str, str]) -> None:
    client = TypesenseClient(typesense[0], "not-the-key")
    with pytest.raises(TypesenseRejected, match="HTTP 401"):
        await list_collections(client)
    await client.health()  # /health asks for no key; the breaker stayed closed anyway
    await client.close()


def test_one_client_serves_several_event_loops(typesense: tuple[str, str]) -> None:
    """A CLI run or a test on another loop gets its own pool (httpx pools are per loop)."""
    client = TypesenseClient(*typesense)
    for _ in range(2):
        asyncio.run(client.health())
    asyncio.run(client.close())
