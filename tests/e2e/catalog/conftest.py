"""Helpers for the catalog's e2e tests, on the session's `live_server`: an admin (the
server's first user, or logged in again if another suite registered it first), fresh
users, and movies created through the admin API."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import LiveServer
from tests.e2e.identity.conftest import PASSWORD, Account, client_for, log_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def api(live_server: LiveServer) -> Iterator[httpx.Client]:
    with client_for(live_server) as client:
        yield client


@pytest.fixture(scope="session")
def catalog_admin(live_server: LiveServer) -> Account:
    with client_for(live_server) as api:
        response = api.post("/auth/register", json={
            "username": "root", "email": "root@example.org", "password": PASSWORD})
        assert response.status_code in (201, 403, 409), response.text
        return log_in(api, "root")


def new_user(api: httpx.Client, admin: Account) -> Account:
    username = f"u{uuid.uuid4().hex[:10]}"
    response = api.post("/admin/users", headers=admin.auth, json={
        "username": username, "email": f"{username}@example.org", "password": PASSWORD})
    assert response.status_code == 201, response.text
    return log_in(api, username)


def new_movie(api: httpx.Client, admin: Account, **fields: Any) -> dict[str, Any]:
    body = {"title": f"Movie {uuid.uuid4().hex[:8]}", **fields}
    response = api.post("/movies", headers=admin.auth, json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created
