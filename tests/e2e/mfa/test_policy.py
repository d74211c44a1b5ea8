"""The server setting `require_mfa`: a user it covers logs in with a password but can do
nothing until a second factor is set up; then logins ask for it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.e2e.mfa.conftest import PASSWORD, Account
from tests.support.totp import totp


def enrolled_session(api: httpx.Client, username: str) -> dict[str, str]:
    """A fresh session of `username` that has enrolled TOTP (so it passed a factor)."""
    login = api.post("/auth/login", json={"username": username, "password": PASSWORD})
    auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
    secret = api.post("/mfa/totp/setup", headers=auth).json()["secret"]
    assert api.post("/mfa/totp/verify", headers=auth,
                    json={"code": totp(secret)}).status_code == 200
    return auth


@pytest.fixture
def mfa_for_all(api: httpx.Client, mfa_admin: Account) -> Iterator[dict[str, str]]:
    """Sets `require_mfa=all`; yields the headers of an admin session that passed MFA."""
    # The policy covers the admin too: switch it with a session that passed a factor.
    admin = enrolled_session(api, mfa_admin.username)
    changed = api.patch("/admin/settings", headers=admin, json={"require_mfa": "all"})
    assert changed.status_code == 200, changed.text
    yield admin
    restored = api.patch("/admin/settings", headers=admin, json={"require_mfa": "off"})
    assert restored.status_code == 200, restored.text


def test_required_mfa_limits_a_session_to_enrolment_until_a_factor_is_set_up(
        api: httpx.Client, mfa_for_all: dict[str, str]) -> None:
    username = "policyuser"
    created = api.post("/admin/users", headers=mfa_for_all, json={
        "username": username, "email": f"{username}@example.org", "password": PASSWORD})
    assert created.status_code == 201, created.text
    login = api.post("/auth/login", json={"username": username, "password": PASSWORD})
    auth = {"Authorization": f"Bearer {login.json()['access_token']}"}

    refused = api.get("/movies", headers=auth)
    assert refused.status_code == 403 and "second factor" in refused.json()["detail"]
    assert api.get("/mfa/status", headers=auth).json()["enrolment_required"] is True

    secret = api.post("/mfa/totp/setup", headers=auth).json()["secret"]
    assert api.post("/mfa/totp/verify", headers=auth,
                    json={"code": totp(secret)}).status_code == 200
    assert api.get("/movies", headers=auth).status_code == 200  # enrolling verified it
    again = api.post("/auth/login", json={"username": username, "password": PASSWORD})
    assert again.json()["mfa_required"] is True
