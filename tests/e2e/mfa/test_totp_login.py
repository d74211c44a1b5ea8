"""Acceptance over HTTP: enable TOTP, log out, log in -> mfa_required; wrong codes ->
429 with Retry-After; the right code -> a session marked mfa_verified; the same code on
a new login -> refused. Backup codes work once."""

from __future__ import annotations

import httpx

from tests.e2e.conftest import LiveServer
from tests.e2e.mfa.conftest import PASSWORD, Account, client_for
from tests.support.totp import totp


def enable_totp(api: httpx.Client, user: Account) -> str:
    setup = api.post("/mfa/totp/setup", headers=user.auth)
    assert setup.status_code == 200, setup.text
    body = setup.json()
    assert set(body) == {"secret", "uri", "qr_png_base64", "qr_svg"}
    verified = api.post("/mfa/totp/verify", headers=user.auth, json={"code": totp(body["secret"])})
    assert verified.status_code == 200, verified.text
    assert verified.json()["status"]["enabled"] is True
    return str(body["secret"])


def password_step(api: httpx.Client, user: Account) -> dict[str, object]:
    response = api.post("/auth/login", json={"username": user.username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def second_step(api: httpx.Client, token: object, code: str,
                method: str = "totp") -> httpx.Response:
    return api.post("/auth/mfa/verify", json={"mfa_token": token, "method": method, "code": code})


def test_totp_login_end_to_end(mfa_server: LiveServer, api: httpx.Client,
                               user: Account) -> None:
    secret = enable_totp(api, user)
    assert api.post("/auth/logout", headers=user.auth).status_code == 204

    challenge = password_step(api, user)
    assert challenge["mfa_required"] is True and challenge["methods"] == ["totp"]
    assert set(challenge) == {"mfa_required", "mfa_token", "methods"}

    statuses = [second_step(api, challenge["mfa_token"], "000000").status_code
                for _ in range(10)]
    assert statuses == [401] * 9 + [429]
    blocked = second_step(api, challenge["mfa_token"], totp(secret, 1))
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0

    code = totp(secret, 1)  # the next step's code: inside the window, not used yet
    with client_for(mfa_server) as elsewhere:
        fresh = password_step(elsewhere, user)
        session = second_step(elsewhere, fresh["mfa_token"], code)
        assert session.status_code == 200, session.text
        auth = {"Authorization": f"Bearer {session.json()['access_token']}"}
        mine = [s for s in elsewhere.get("/users/me/sessions", headers=auth).json()["items"]
                if s["current"]]
        assert mine[0]["mfa_verified"] is True
        assert elsewhere.get("/mfa/status", headers=auth).json()["session_mfa_verified"]

        again = password_step(elsewhere, user)
        reused = second_step(elsewhere, again["mfa_token"], code)
        assert reused.status_code == 401


def test_backup_codes_over_http_each_work_once(mfa_server: LiveServer, api: httpx.Client,
                                               user: Account) -> None:
    enable_totp(api, user)
    generated = api.post("/mfa/backup-codes/generate", headers=user.auth)
    assert generated.status_code == 200, generated.text
    codes = generated.json()["codes"]
    assert len(codes) == 10
    with client_for(mfa_server) as other:
        first = second_step(other, password_step(other, user)["mfa_token"], codes[0],
                            "backup_code")
        assert first.status_code == 200, first.text
        reused = second_step(other, password_step(other, user)["mfa_token"], codes[0],
                             "backup_code")
        assert reused.status_code == 401
    regenerated = api.post("/mfa/backup-codes/regenerate", headers=user.auth).json()["codes"]
    with client_for(mfa_server) as other:
        old = second_step(other, password_step(other, user)["mfa_token"], codes[1],
                          "backup_code")
        new = second_step(other, password_step(other, user)["mfa_token"], regenerated[1],
                          "backup_code")
    assert (old.status_code, new.status_code) == (401, 200)


def test_factor_changes_without_a_session_are_refused(api: httpx.Client, user: Account) -> None:
    key = api.post("/users/me/api-keys", headers=user.auth,
                   json={"name": "script", "scopes": ["library.read"]}).json()["key"]
    response = api.post("/mfa/totp/setup", headers={"X-Api-Key": key})
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("application/problem+json")
