"""Helpers for MFA e2e tests: a server of our own (its first user is our admin), users
created by the admin, each test acting from its own IP. WebAuthn ceremonies use the
default RP id and origin, `localhost` and `http://localhost:<port>`."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from tests.e2e.conftest import LiveServer, fresh_database, start_server
from tests.e2e.identity.conftest import PASSWORD, Account, client_for, new_user
from tests.support.webauthn_authenticator import SoftwareAuthenticator

pytestmark = pytest.mark.e2e

__all__ = ["PASSWORD", "Account", "client_for"]


@pytest.fixture(scope="session")
def mfa_server(postgres_server_url: str, redis_url: str,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with fresh_database(postgres_server_url, "revenge_e2e_mfa") as url, \
            start_server(url, redis_url, tmp_path_factory.mktemp("mfa-server")) as server:
        yield server


@pytest.fixture
def api(mfa_server: LiveServer) -> Iterator[httpx.Client]:
    with client_for(mfa_server) as client:
        yield client


@pytest.fixture(scope="session")
def mfa_admin(mfa_server: LiveServer) -> Account:
    with client_for(mfa_server) as api:
        response = api.post("/auth/register", json={
            "username": "root", "email": "root@example.org", "password": PASSWORD})
        assert response.status_code == 201, response.text
        response = api.post("/auth/login", json={"username": "root", "password": PASSWORD})
        body = response.json()
        return Account(body["user"]["id"], "root", body["access_token"], body["refresh_token"])


@pytest.fixture
def user(api: httpx.Client, mfa_admin: Account) -> Account:
    return new_user(api, mfa_admin)


@pytest.fixture
def origin(mfa_server: LiveServer) -> str:
    return f"http://localhost:{urlsplit(mfa_server.base_url).port}"


@pytest.fixture
def authenticator(origin: str) -> SoftwareAuthenticator:
    return SoftwareAuthenticator(origin)
