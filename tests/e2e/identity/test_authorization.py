"""Function-level (guards on every admin route) and object-level (ownership) checks."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest

from tests.e2e.conftest import LiveServer
from tests.e2e.identity.conftest import Account, log_in

pytestmark = pytest.mark.e2e

_PARAM = re.compile(r"\{[^}]+\}")


def admin_operations(server: LiveServer) -> list[tuple[str, str]]:
    spec = httpx.get(server.url("/api/v1/openapi.json"), timeout=10).json()
    return [(method.upper(), path) for path, item in spec["paths"].items()
            if "/admin/" in path for method in item
            if method in {"get", "post", "put", "patch", "delete"}]


def test_the_openapi_document_lists_the_admin_routes(live_server: LiveServer) -> None:
    operations = admin_operations(live_server)
    assert ("GET", "/api/v1/admin/users") in operations
    assert len(operations) >= 12


def test_a_plain_user_gets_403_on_every_admin_route(live_server: LiveServer,
                                                    api: httpx.Client, user: Account) -> None:
    api.cookies.clear()
    for method, path in admin_operations(live_server):
        url = _PARAM.sub(str(uuid.uuid4()), path).removeprefix("/api/v1")
        body = {} if method in {"POST", "PATCH", "PUT"} else None
        response = api.request(method, url, headers=user.auth, json=body)
        assert response.status_code == 403, f"{method} {path}: {response.status_code}"


def test_an_anonymous_caller_gets_401_on_every_admin_route(live_server: LiveServer,
                                                           api: httpx.Client) -> None:
    api.cookies.clear()
    for method, path in admin_operations(live_server):
        url = _PARAM.sub(str(uuid.uuid4()), path).removeprefix("/api/v1")
        response = api.request(method, url)
        assert response.status_code == 401, f"{method} {path}: {response.status_code}"
        assert response.headers["content-type"].startswith("application/problem+json")


def test_a_user_cannot_list_or_delete_another_users_sessions(api: httpx.Client,
                                                            admin: Account,
                                                            user: Account) -> None:
    from tests.e2e.identity.conftest import new_user

    other = new_user(api, admin)
    api.cookies.clear()
    mine = api.get("/users/me/sessions", headers=user.auth).json()
    theirs = api.get("/users/me/sessions", headers=other.auth).json()
    my_ids = {s["id"] for s in mine["items"]}
    their_ids = {s["id"] for s in theirs["items"]}
    assert my_ids and their_ids and not my_ids & their_ids
    for session_id in their_ids:
        response = api.delete(f"/users/me/sessions/{session_id}", headers=user.auth)
        assert response.status_code == 404
    assert api.get("/users/me", headers=other.auth).status_code == 200


def test_ending_my_other_sessions_keeps_this_one(api: httpx.Client, user: Account) -> None:
    second = log_in(api, user.username)
    api.cookies.clear()
    response = api.delete("/users/me/sessions", headers=second.auth)
    assert response.status_code == 200 and response.json()["revoked"] >= 1
    assert api.get("/users/me", headers=user.auth).status_code == 401
    assert api.get("/users/me", headers=second.auth).status_code == 200


def test_an_api_key_works_as_bearer_or_x_api_key_until_revoked(api: httpx.Client,
                                                               user: Account) -> None:
    api.cookies.clear()
    created = api.post("/users/me/api-keys", headers=user.auth,
                       json={"name": "script", "scopes": ["library.read"]})
    assert created.status_code == 201, created.text
    key, key_id = created.json()["key"], created.json()["api_key"]["id"]
    assert api.get("/movies", headers={"X-Api-Key": key}).status_code == 200
    assert api.get("/movies", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    assert api.get("/users/me", headers={"X-Api-Key": key}).status_code == 403  # no `account`
    listed = api.get("/users/me/api-keys", headers=user.auth).json()["items"]
    assert key not in str(listed) and listed[0]["last_used_at"] is not None
    beyond = api.post("/users/me/api-keys", headers=user.auth,
                      json={"name": "root", "scopes": ["users.manage"]})
    assert beyond.status_code == 422 and "scopes" in beyond.text
    assert api.delete(f"/users/me/api-keys/{key_id}", headers=user.auth).status_code == 204
    assert api.get("/movies", headers={"X-Api-Key": key}).status_code == 401


def test_cookie_sessions_need_the_csrf_token_on_unsafe_methods(api: httpx.Client,
                                                              user: Account) -> None:
    from tests.e2e.identity.conftest import PASSWORD

    login = api.post("/auth/login", json={"username": user.username, "password": PASSWORD})
    cookies = {c.name: c for c in api.cookies.jar}
    assert {"revenge_access", "revenge_refresh", "revenge_csrf"} <= set(cookies)
    assert "httponly" in login.headers.get_list("set-cookie")[0].lower()
    assert "samesite=lax" in login.headers.get_list("set-cookie")[0].lower()
    assert api.get("/users/me").status_code == 200
    patch = {"display_name": "Cookie Monster"}
    assert api.patch("/users/me", json=patch).status_code == 403
    csrf = {"X-CSRF-Token": api.cookies["revenge_csrf"]}
    assert api.patch("/users/me", json=patch, headers=csrf).status_code == 200
    assert api.post("/auth/refresh").status_code == 403
    assert api.post("/auth/refresh", headers=csrf).status_code == 200
