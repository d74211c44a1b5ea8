"""The issue's acceptance flow, through HTTP against a real server process."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.identity.conftest import PASSWORD, Account, log_in

pytestmark = pytest.mark.e2e


def test_first_user_admin_creates_a_user_who_logs_in_refreshes_and_logs_out(
        api: httpx.Client, admin: Account) -> None:
    created = api.post("/admin/users", headers=admin.auth, json={
        "username": "second", "email": "second@example.org", "password": PASSWORD})
    assert created.status_code == 201, created.text
    assert [r["name"] for r in created.json()["roles"]] == ["user"]

    login = api.post("/auth/login", json={"username": "SECOND", "password": PASSWORD})
    assert login.status_code == 200
    pair = login.json()
    assert pair["token_type"] == "bearer" and pair["expires_in"] > 0
    assert pair["user"]["username"] == "second"
    api.cookies.clear()  # act as an API client: bearer tokens only

    rotated = api.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert rotated.status_code == 200
    new = rotated.json()
    assert new["refresh_token"] != pair["refresh_token"]
    api.cookies.clear()
    assert _me(api, new["access_token"]).status_code == 200

    reused = api.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert reused.status_code == 401
    assert reused.headers["content-type"].startswith("application/problem+json")
    family = api.post("/auth/refresh", json={"refresh_token": new["refresh_token"]})
    assert family.status_code == 401, "reuse must revoke the whole family"
    assert _me(api, new["access_token"]).status_code == 401

    again = log_in(api, "second")
    api.cookies.clear()
    assert _me(api, again.token).status_code == 200
    out = api.post("/auth/logout", headers=again.auth)
    assert out.status_code == 204
    assert _me(api, again.token).status_code == 401
    assert api.post("/auth/refresh", json={"refresh_token": again.refresh_token}
                    ).status_code == 401


def test_registration_is_closed_once_the_first_user_exists(api: httpx.Client,
                                                           admin: Account) -> None:
    response = api.post("/auth/register", json={
        "username": "latecomer", "email": "late@example.org", "password": PASSWORD})
    assert response.status_code == 403


def test_a_disabled_users_token_stops_working_at_once(api: httpx.Client, admin: Account,
                                                      user: Account) -> None:
    api.cookies.clear()
    assert _me(api, user.token).status_code == 200
    disabled = api.patch(f"/admin/users/{user.id}", headers=admin.auth, json={"disabled": True})
    assert disabled.status_code == 200 and disabled.json()["disabled"] is True
    assert _me(api, user.token).status_code == 401
    login = api.post("/auth/login", json={"username": user.username, "password": PASSWORD})
    assert login.status_code == 401


def test_the_audit_log_records_logins_and_pages_with_a_cursor(api: httpx.Client,
                                                              admin: Account) -> None:
    first = api.get("/admin/audit", headers=admin.auth,
                    params={"type": "login.succeeded", "limit": 1})
    assert first.status_code == 200, first.text
    body = first.json()
    assert set(body) == {"items", "next_cursor", "total"} and len(body["items"]) == 1
    if body["total"] > 1:
        second = api.get("/admin/audit", headers=admin.auth,
                         params={"type": "login.succeeded", "limit": 1,
                                 "cursor": body["next_cursor"]})
        assert second.json()["items"][0]["id"] != body["items"][0]["id"]
    assert "password" not in first.text.lower().replace("password.", "")


def test_server_settings_are_typed_and_validated(api: httpx.Client, admin: Account) -> None:
    current = api.get("/admin/settings", headers=admin.auth)
    assert current.status_code == 200 and current.json()["open_registration"] is False
    bad = api.patch("/admin/settings", headers=admin.auth, json={"account_lock_threshold": 1000})
    assert bad.status_code == 400 and "account_lock_threshold" in bad.text
    ok = api.patch("/admin/settings", headers=admin.auth, json={"password_reset_minutes": 30})
    assert ok.status_code == 200 and ok.json()["password_reset_minutes"] == 30


def _me(api: httpx.Client, token: str) -> httpx.Response:
    return api.get("/users/me", headers={"Authorization": f"Bearer {token}"})
