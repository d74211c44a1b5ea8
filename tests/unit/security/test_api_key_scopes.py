"""Review finding 2: API-key scopes were not enforced on account routes (a key scoped
`library.read` could log its owner out everywhere, revoke the owner's other keys, read
session IPs, edit the profile and try passwords). Keys get exactly their scopes on every
route; account routes need a session or a key created with the `account` scope; a
password change or reset revokes every API key unless asked not to. Memory app."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.config import Config
from revenge.entrypoints.http.di_bridge import CONTAINER_KEY
from revenge.entrypoints.memory_profile import create_memory_app

PASSWORD = "long enough secret"
NEW_PASSWORD = "a brand new passphrase"
ACCOUNT_PREFIXES = ("/api/v1/users/me", "/api/v1/mfa", "/api/v1/auth/reauthenticate")


def _app() -> Litestar:
    return create_memory_app(Config(argon2_time_cost=1, argon2_memory_kib=8192))


def _routes(app: Litestar) -> list[tuple[str, str, Any]]:
    return [(method, route.path, handler) for route in app.routes
            for handler in getattr(route, "route_handlers", [])
            for method in sorted(handler.http_methods - {"HEAD", "OPTIONS"})]


def _account_routes() -> list[tuple[str, str]]:
    return [(method, path) for method, path, _ in _routes(_app())
            if path.startswith(ACCOUNT_PREFIXES)]


ACCOUNT_ROUTES = _account_routes()


class Owner:
    def __init__(self, client: TestClient[Any]) -> None:
        self.client = client
        body = {"username": "owner", "email": "owner@example.org", "password": PASSWORD}
        assert client.post("/api/v1/auth/register", json=body).status_code == 201
        self.session = self.login()

    def login(self, password: str = PASSWORD) -> dict[str, str]:
        response = self.client.post("/api/v1/auth/login",
                                    json={"username": "owner", "password": password})
        assert response.status_code == 200, response.text
        self.client.cookies.clear()
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    def key(self, *scopes: str) -> dict[str, str]:
        response = self.client.post("/api/v1/users/me/api-keys", headers=self.session,
                                    json={"name": "k", "scopes": list(scopes)})
        assert response.status_code == 201, response.text
        return {"X-Api-Key": response.json()["key"]}


@pytest.fixture(scope="module")
def owner() -> Iterator[Owner]:
    with TestClient(_app(), base_url="http://revenge.local") as client:
        yield Owner(client)


def test_there_are_account_routes_to_check() -> None:
    assert len(ACCOUNT_ROUTES) >= 25
    assert ("DELETE", "/api/v1/users/me/sessions") in ACCOUNT_ROUTES


@pytest.mark.parametrize(("method", "path"), ACCOUNT_ROUTES)
def test_a_library_key_reaches_no_account_route(owner: Owner, method: str, path: str) -> None:
    """Finding 2: no account, session, key, MFA or password route for a key without
    the `account` scope (it could end sessions, revoke keys, try passwords)."""
    key = owner.key(Permission.LIBRARY_READ.value, Permission.PLAYBACK.value)
    url = re.sub(r"\{[^}]+\}", "0190f0a0-0000-7000-8000-000000000000", path)
    body = {"current_password": "guess", "new_password": NEW_PASSWORD, "password": "guess"}
    response = owner.client.request(method, url, headers=key,
                                    json=body if method in ("POST", "PUT", "PATCH") else None)
    assert response.status_code == 403, (method, url, response.text)
    assert "account" in response.json()["detail"]


def test_a_library_key_leaves_its_owners_sessions_and_keys_alone(owner: Owner) -> None:
    other = owner.key(Permission.LIBRARY_READ.value)
    key = owner.key(Permission.LIBRARY_READ.value)
    owner.client.delete("/api/v1/users/me/sessions", headers=key)
    assert owner.client.get("/api/v1/users/me", headers=owner.session).status_code == 200
    assert owner.client.get("/api/v1/movies", headers=other).status_code == 200


def test_a_key_created_with_the_account_scope_may_manage_the_account(owner: Owner) -> None:
    key = owner.key(Permission.ACCOUNT.value)
    assert owner.client.get("/api/v1/users/me/sessions", headers=key).status_code == 200
    assert owner.client.get("/api/v1/movies", headers=key).status_code == 403  # only that


def test_a_key_gets_exactly_its_scopes(owner: Owner) -> None:
    key = owner.key(Permission.LIBRARY_READ.value)
    assert owner.client.get("/api/v1/movies", headers=key).status_code == 200
    assert owner.client.get("/api/v1/admin/users", headers=key).status_code == 403
    assert owner.client.get("/api/v1/admin/libraries", headers=key).status_code == 403


def test_every_route_that_needs_a_caller_names_the_permission_it_needs() -> None:
    """Finding 2, kept closed: a route resolving the caller without a permission guard
    would give every API key access to it whatever its scopes."""
    unguarded = [(method, path) for method, path, handler in _routes(_app())
                 if "principal" in handler.parsed_fn_signature.parameters
                 and not any(layer.guards for layer in handler.ownership_layers)]
    assert unguarded == []


def _reset_token(app: Litestar) -> str:
    identity = app.state[CONTAINER_KEY].identity
    deadline = time.monotonic() + 10
    while not identity.mailer().sent and time.monotonic() < deadline:
        time.sleep(0.02)  # mailed in the background, after the 202
    mail = identity.mailer().sent[-1]
    match = re.search(r"token=(\S+)", mail.body)
    assert match
    return match.group(1)


@pytest.mark.parametrize("keep_keys", [False, True])
@pytest.mark.parametrize("how", ["change", "reset"])
def test_a_new_password_revokes_every_api_key_unless_asked_not_to(how: str,
                                                                  keep_keys: bool) -> None:
    """Finding 2: a password change or reset offers (default on) to revoke every key."""
    app = _app()
    with TestClient(app, base_url="http://revenge.local") as client:
        owner = Owner(client)
        keys = [owner.key(Permission.LIBRARY_READ.value), owner.key(Permission.ACCOUNT.value)]
        other_session = owner.login()
        choice = {"revoke_api_keys": False} if keep_keys else {}
        if how == "change":
            response = client.post("/api/v1/users/me/password", headers=owner.session, json={
                "current_password": PASSWORD, "new_password": NEW_PASSWORD, **choice})
        else:
            client.post("/api/v1/auth/password/forgot", json={"email": "owner@example.org"})
            response = client.post("/api/v1/auth/password/reset", json={
                "token": _reset_token(app), "new_password": NEW_PASSWORD, **choice})
        assert response.status_code == 204, response.text
        expected = 200 if keep_keys else 401
        assert client.get("/api/v1/movies", headers=keys[0]).status_code == expected
        assert client.get("/api/v1/users/me/sessions", headers=keys[1]).status_code == expected
        assert client.get("/api/v1/users/me", headers=other_session).status_code == 401
