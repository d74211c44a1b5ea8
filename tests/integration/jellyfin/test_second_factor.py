"""Accounts with a second factor: Jellyfin apps cannot ask for one, so the password is
refused with directions, and an app password (an API key of the account) signs in."""

from __future__ import annotations

import pyotp

from tests.integration.jellyfin.conftest import Jellyfin, sign_in
from tests.integration.playback.live import PASSWORD

USER = "guarded"


async def guarded_account(jellyfin: Jellyfin) -> str:
    """A user with TOTP required at login; returns one of their API keys."""
    client, admin = jellyfin.client, jellyfin.live.admin
    roles = (await client.get("/api/v1/admin/roles", headers=admin)).json()["items"]
    user_role = next(r for r in roles if r["name"] == "user")
    created = await client.post("/api/v1/admin/users", headers=admin, json={
        "username": USER, "email": "guarded@example.org", "password": PASSWORD,
        "role_ids": [user_role["id"]]})
    assert created.status_code == 201, created.text
    login = await client.post("/api/v1/auth/login", json={"username": USER,
                                                          "password": PASSWORD})
    client.cookies.clear()
    auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
    key = await client.post("/api/v1/users/me/api-keys", headers=auth, json={
        "name": "TV", "scopes": ["library.read", "playback"]})
    assert key.status_code == 201, key.text
    secret = (await client.post("/api/v1/mfa/totp/setup", headers=auth)).json()["secret"]
    verified = await client.post("/api/v1/mfa/totp/verify", headers=auth,
                                 json={"code": pyotp.TOTP(secret).now()})
    assert verified.status_code == 200, verified.text
    client.cookies.clear()
    token: str = key.json()["key"]
    return token


async def test_a_password_alone_is_refused_with_how_to_use_an_app_password(
        jellyfin: Jellyfin) -> None:
    app_password = await guarded_account(jellyfin)
    refused = await sign_in(jellyfin.client, USER, PASSWORD)
    assert refused.status_code == 401
    assert "app password" in refused.json()["detail"]
    wrong = await sign_in(jellyfin.client, USER, "not the password at all")
    assert "app password" not in wrong.json()["detail"]  # only a correct password learns it

    signed_in = await sign_in(jellyfin.client, USER, app_password)
    assert signed_in.status_code == 200, signed_in.text
    token = signed_in.json()["AccessToken"]
    me = await jellyfin.client.get("/Users/Me", headers={"X-Emby-Token": token})
    assert me.json()["Name"] == USER


async def test_an_app_password_signs_in_only_as_its_owner(jellyfin: Jellyfin) -> None:
    keys = await jellyfin.client.post("/api/v1/users/me/api-keys", headers=jellyfin.live.admin,
                                      json={"name": "admin's TV", "scopes": ["library.read"]})
    admin_key = keys.json()["key"]
    assert (await sign_in(jellyfin.client, "root", admin_key)).status_code == 200
    assert (await sign_in(jellyfin.client, USER, admin_key)).status_code == 401
