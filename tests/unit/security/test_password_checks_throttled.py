"""Review finding 3: the password change and the e-mail change were an unthrottled
password oracle (32 guesses/s, no account lock). Every check of a password or a second
factor goes through the login throttle (per IP) and its failure ceiling (per account).
Memory app behind a trusted proxy, so each guess can come from an address of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import TestClient
from litestar.types import Receive, Scope, Send

from revenge.entrypoints.config import Config
from revenge.entrypoints.memory_profile import create_memory_app

PASSWORD = "long enough secret"
IP_LIMIT = 10  # server settings' defaults: ip_login_failures
ACCOUNT_LIMIT = 20  # account_lock_threshold


def _behind_local_proxy(app: Litestar) -> Any:
    async def asgi(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope["client"] = ("127.0.0.1", 40000)
        await app(scope, receive, send)

    return asgi


@pytest.fixture
def client() -> Iterator[TestClient[Any]]:
    app = create_memory_app(Config(argon2_time_cost=1, argon2_memory_kib=8192,
                                   trusted_proxies=["127.0.0.1"]))
    with TestClient(_behind_local_proxy(app), base_url="http://revenge.local") as test_client:
        body = {"username": "alice", "email": "alice@example.org", "password": PASSWORD}
        assert test_client.post("/api/v1/auth/register", json=body,
                                headers=_ip(0)).status_code == 201
        yield test_client


def _ip(n: int) -> dict[str, str]:
    return {"X-Forwarded-For": f"198.51.{n // 250}.{n % 250 + 1}"}


def _session(client: TestClient[Any], ip: int = 0) -> dict[str, str]:
    response = client.post("/api/v1/auth/login", headers=_ip(ip),
                           json={"username": "alice", "password": PASSWORD})
    assert response.status_code == 200, response.text
    client.cookies.clear()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


Guess = Callable[[TestClient[Any], dict[str, str], str], httpx.Response]


def _change_password(client: TestClient[Any], headers: dict[str, str],
                     password: str) -> httpx.Response:
    return client.post("/api/v1/users/me/password", headers=headers, json={
        "current_password": password, "new_password": "a brand new passphrase"})


def _change_email(client: TestClient[Any], headers: dict[str, str],
                  password: str) -> httpx.Response:
    return client.patch("/api/v1/users/me", headers=headers, json={
        "email": "mallory@example.org", "current_password": password})


GUESSES = [pytest.param(_change_password, id="password-change"),
           pytest.param(_change_email, id="email-change")]


@pytest.mark.parametrize("guess", GUESSES)
def test_wrong_passwords_from_one_address_are_cut_off_like_logins(
        client: TestClient[Any], guess: Guess) -> None:
    """Finding 3: the per-IP login limit applies to these checks too."""
    session = {**_session(client, ip=0), **_ip(1)}
    statuses = [guess(client, session, f"guess {n}").status_code for n in range(IP_LIMIT + 2)]
    assert statuses[:IP_LIMIT - 1] == [422] * (IP_LIMIT - 1)
    assert statuses[-1] == 429
    refused = guess(client, session, PASSWORD)  # even the right one, while blocked
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    login = client.post("/api/v1/auth/login", headers=_ip(1),
                        json={"username": "alice", "password": "another guess"})
    assert login.status_code == 429  # one budget with the logins


@pytest.mark.parametrize("guess", GUESSES)
def test_wrong_passwords_from_many_addresses_reach_the_accounts_ceiling(
        client: TestClient[Any], guess: Guess) -> None:
    """Finding 3: the per-account failure ceiling (account lock) applies too."""
    session = _session(client, ip=0)
    statuses = [guess(client, {**session, **_ip(100 + n)}, f"guess {n}").status_code
                for n in range(ACCOUNT_LIMIT)]
    assert 429 in statuses and statuses.count(422) >= ACCOUNT_LIMIT - 1
    login = client.post("/api/v1/auth/login", headers=_ip(999),
                        json={"username": "alice", "password": PASSWORD})
    assert login.status_code == 429  # locked for addresses it never signed in from
    assert client.post("/api/v1/auth/login", headers=_ip(0), json={
        "username": "alice", "password": PASSWORD}).status_code == 200  # its own address


def test_the_right_password_still_changes_it(client: TestClient[Any]) -> None:
    session = {**_session(client), **_ip(0)}
    assert _change_password(client, session, PASSWORD).status_code == 204
