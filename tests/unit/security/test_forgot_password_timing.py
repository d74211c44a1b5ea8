"""Review finding 10: "forgot password" answered later for an address that exists (the
token, the audit row and the mail were written before the answer). Now only the per-IP
limit is checked before answering; both timings are measured here, with a mail channel
made slow (250 ms) so that any work done before the answer would show."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Iterator
from typing import Any

import pytest
from dependency_injector import providers
from litestar.testing import TestClient
from litestar.types import Receive, Scope, Send

from revenge.application.identity.ports import Mail
from revenge.entrypoints.config import Config
from revenge.entrypoints.http.app import create_app
from revenge.entrypoints.memory_profile import build_memory_container

SLOW_MAIL_SECONDS = 0.25
ROUNDS = 6


class SlowMailer:
    """A mail channel that takes its time (a slow SMTP server, a busy database)."""

    def __init__(self) -> None:
        self.sent: list[Mail] = []

    async def send(self, mail: Mail) -> None:
        await asyncio.sleep(SLOW_MAIL_SECONDS)
        self.sent.append(mail)


@pytest.fixture
def setup() -> Iterator[tuple[TestClient[Any], SlowMailer]]:
    container = build_memory_container(Config(argon2_time_cost=1, argon2_memory_kib=8192,
                                       trusted_proxies=["127.0.0.1"]))
    mailer = SlowMailer()
    container.identity.mailer.override(providers.Object(mailer))
    app = create_app(container)

    async def behind_local_proxy(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope["client"] = ("127.0.0.1", 40000)
        await app(scope, receive, send)

    with TestClient(behind_local_proxy, base_url="http://revenge.local") as client:
        _add_users(client)
        yield client, mailer


def _add_users(client: TestClient[Any]) -> None:
    """user0 (the admin, registered first) and user1..userN created by it."""
    here = {"X-Forwarded-For": "192.0.2.1"}
    admin = {"username": "user0", "email": "user0@example.org", "password": "long enough secret"}
    assert client.post("/api/v1/auth/register", json=admin, headers=here).status_code == 201
    login = client.post("/api/v1/auth/login", headers=here, json={
        "username": "user0", "password": admin["password"]})
    client.cookies.clear()
    here["Authorization"] = f"Bearer {login.json()['access_token']}"
    for n in range(1, ROUNDS + 1):
        body = {**admin, "username": f"user{n}", "email": f"user{n}@example.org"}
        assert client.post("/api/v1/admin/users", json=body, headers=here).status_code == 201


def _forgot(client: TestClient[Any], email: str, n: int) -> float:
    started = time.perf_counter()
    response = client.post("/api/v1/auth/password/forgot", json={"email": email},
                           headers={"X-Forwarded-For": f"198.51.100.{n + 1}"})
    elapsed = time.perf_counter() - started
    assert response.status_code == 202
    return elapsed


def test_forgot_password_answers_as_fast_for_a_known_address_as_for_an_unknown_one(
        setup: tuple[TestClient[Any], SlowMailer]) -> None:
    """Finding 10: both timings measured, interleaved; the mail still goes out."""
    client, mailer = setup
    known, unknown = [], []
    for n in range(ROUNDS):  # interleaved, each from its own address (per-IP limit)
        known.append(_forgot(client, f"user{n + 1}@example.org", 2 * n))
        unknown.append(_forgot(client, f"nobody{n}@example.org", 2 * n + 1))
    gap = statistics.median(known) - statistics.median(unknown)
    print(f"forgot password, median: known {statistics.median(known) * 1000:.1f} ms, "
          f"unknown {statistics.median(unknown) * 1000:.1f} ms")
    assert abs(gap) < SLOW_MAIL_SECONDS / 5, (known, unknown)
    assert max(known) < SLOW_MAIL_SECONDS  # the answer never waited for the mail
    deadline = time.monotonic() + 10
    while len(mailer.sent) < ROUNDS and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(m.to for m in mailer.sent) == [f"user{n + 1}@example.org"
                                                for n in range(ROUNDS)]
