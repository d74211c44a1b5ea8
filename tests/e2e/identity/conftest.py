"""Helpers for identity e2e tests: an identity-only server, a client per test acting from
its own IP, and the server's first user (the admin) registered once per session."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from tests.e2e.conftest import LiveServer, fresh_database, start_server

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"


def random_ip() -> str:
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


def client_for(server: LiveServer, ip: str | None = None) -> httpx.Client:
    return httpx.Client(base_url=server.url("/api/v1"), timeout=30,
                        headers={"X-Forwarded-For": ip or random_ip()})


@dataclass
class Account:
    id: str
    username: str
    token: str
    refresh_token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def log_in(api: httpx.Client, username: str, password: str = PASSWORD) -> Account:
    response = api.post("/auth/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    body = response.json()
    return Account(body["user"]["id"], username, body["access_token"], body["refresh_token"])


@pytest.fixture(scope="session")
def live_server(postgres_server_url: str, redis_url: str,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server of our own, with an empty database: the acceptance flow registers its
    first user, which must not have been done by another suite on the shared server."""
    with fresh_database(postgres_server_url, "revenge_e2e_identity") as url, \
            start_server(url, redis_url, tmp_path_factory.mktemp("identity-server")) as server:
        yield server


@pytest.fixture
def api(live_server: LiveServer) -> Iterator[httpx.Client]:
    with client_for(live_server) as client:
        yield client


@pytest.fixture(scope="session")
def admin(live_server: LiveServer) -> Account:
    with client_for(live_server) as api:
        response = api.post("/auth/register", json={
            "username": "root", "email": "root@example.org", "password": PASSWORD})
        assert response.status_code == 201, response.text
        assert [r["name"] for r in response.json()["roles"]] == ["admin"]
        return log_in(api, "root")


def new_user(api: httpx.Client, admin: Account, **extra: object) -> Account:
    username = f"u{uuid.uuid4().hex[:10]}"
    response = api.post("/admin/users", headers=admin.auth, json={
        "username": username, "email": f"{username}@example.org", "password": PASSWORD,
        **extra})
    assert response.status_code == 201, response.text
    return log_in(api, username)


@pytest.fixture
def user(api: httpx.Client, admin: Account) -> Account:
    return new_user(api, admin)
