"""Throttling, no user enumeration, and legacy bcrypt hashes, against a real server."""

from __future__ import annotations

import asyncio
import statistics
import time

import bcrypt
import httpx
import msgspec
import pytest

from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.identity_unit_of_work import PostgresIdentityUnitOfWork
from tests.e2e.conftest import LiveServer
from tests.e2e.identity.conftest import PASSWORD, Account, client_for, random_ip

pytestmark = pytest.mark.e2e


def test_ten_wrong_passwords_from_one_ip_get_429_with_retry_after(
        live_server: LiveServer, user: Account) -> None:
    with client_for(live_server) as api:
        statuses = [api.post("/auth/login", json={"username": user.username,
                                                  "password": f"wrong guess {n}"}).status_code
                    for n in range(10)]
        assert statuses == [401] * 9 + [429]
        blocked = api.post("/auth/login", json={"username": user.username, "password": PASSWORD})
        assert blocked.status_code == 429
        assert 0 < int(blocked.headers["Retry-After"]) <= 15 * 60
    with client_for(live_server) as elsewhere:  # another IP is not blocked
        ok = elsewhere.post("/auth/login", json={"username": user.username, "password": PASSWORD})
        assert ok.status_code == 200


def _attempt(live_server: LiveServer, username: str) -> tuple[float, int, dict[str, object]]:
    with client_for(live_server, random_ip()) as api:
        started = time.perf_counter()
        response = api.post("/auth/login", json={"username": username,
                                                 "password": "not the right one"})
        elapsed = time.perf_counter() - started
    body = response.json()
    return elapsed, response.status_code, body


def test_unknown_and_known_usernames_get_the_same_answer_in_the_same_time(
        live_server: LiveServer, user: Account) -> None:
    known: list[float] = []
    unknown: list[float] = []
    answers = set()
    for n in range(12):  # below the account lock threshold (20)
        for username, times in ((user.username, known), (f"ghost{n}x", unknown)):
            elapsed, status, body = _attempt(live_server, username)
            times.append(elapsed)
            answers.add((status, msgspec.json.encode(body)))
    assert len(answers) == 1, answers
    fast, slow = sorted([statistics.median(known), statistics.median(unknown)])
    assert slow - fast < max(0.3 * slow, 0.015), (known, unknown)


def test_a_legacy_bcrypt_hash_logs_in_and_is_stored_as_argon2id(
        live_server: LiveServer, user: Account) -> None:
    legacy = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=10)).decode()
    asyncio.run(_set_hash(live_server.database_url, user.username, legacy))
    with client_for(live_server) as api:
        response = api.post("/auth/login", json={"username": user.username, "password": PASSWORD})
        assert response.status_code == 200, response.text
    stored = asyncio.run(_get_hash(live_server.database_url, user.username))
    assert stored.startswith("$argon2id$")
    with client_for(live_server) as api:
        again = api.post("/auth/login", json={"username": user.username, "password": PASSWORD})
        assert again.status_code == 200


async def _set_hash(url: str, username: str, password_hash: str) -> None:
    database = Database(url, min_size=1, max_size=1)
    await database.open()
    try:
        async with PostgresIdentityUnitOfWork(database) as tx:
            found = await tx.users.by_login(username)
            assert found is not None
            await tx.users.update(msgspec.structs.replace(found, password_hash=password_hash))
            await tx.commit()
    finally:
        await database.close()


async def _get_hash(url: str, username: str) -> str:
    database = Database(url, min_size=1, max_size=1)
    await database.open()
    try:
        async with PostgresIdentityUnitOfWork(database) as tx:
            found = await tx.users.by_login(username)
            assert found is not None
            return found.password_hash
    finally:
        await database.close()


def test_forgot_password_answers_202_whether_or_not_the_account_exists(
        live_server: LiveServer, user: Account) -> None:
    with client_for(live_server) as api:
        known = api.post("/auth/password/forgot", json={"email": f"{user.username}@example.org"})
        unknown = api.post("/auth/password/forgot", json={"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 202
    assert known.content == unknown.content


def test_a_reset_token_from_the_outbox_sets_a_new_password_once(
        live_server: LiveServer, user: Account) -> None:
    import re

    import psycopg

    email = f"{user.username}@example.org"
    with client_for(live_server) as api:
        assert api.post("/auth/password/forgot", json={"email": email}).status_code == 202
        row = None
        deadline = time.monotonic() + 10
        while row is None and time.monotonic() < deadline:  # mailed after the 202
            with psycopg.connect(live_server.database_url) as conn:
                row = conn.execute("SELECT body FROM mail_outbox WHERE recipient = %s"
                                   " ORDER BY created_at DESC LIMIT 1", (email,)).fetchone()
            time.sleep(0 if row else 0.05)
        assert row is not None
        match = re.search(r"token=(\S+)", row[0])
        assert match
        body = {"token": match.group(1), "new_password": "a fresh passphrase here"}
        assert api.post("/auth/password/reset", json=body).status_code == 204
        assert api.post("/auth/password/reset", json=body).status_code == 422
        login = api.post("/auth/login", json={"username": user.username,
                                              "password": "a fresh passphrase here"})
        assert login.status_code == 200
    assert httpx.get(live_server.url("/healthz")).status_code == 200
