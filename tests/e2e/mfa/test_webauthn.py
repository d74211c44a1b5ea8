"""Acceptance over HTTP with a software authenticator: registration ("none" and "packed"
self attestation), the MFA login with a security key, a passkey login; a replayed
assertion, a wrong origin, a wrong RP id and a sign-count rollback are each refused."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.e2e.mfa.conftest import PASSWORD, Account
from tests.support.webauthn_authenticator import SoftwareAuthenticator, b64url


def register_key(api: httpx.Client, user: Account, authenticator: SoftwareAuthenticator,
                 name: str = "Test key") -> dict[str, Any]:
    begin = api.post("/mfa/webauthn/register/begin", headers=user.auth)
    assert begin.status_code == 200, begin.text
    body = begin.json()
    assert set(body) == {"challenge_id", "options"}
    assert body["options"]["authenticatorSelection"]["userVerification"] == "required"
    finish = api.post("/mfa/webauthn/register/finish", headers=user.auth, json={
        "challenge_id": body["challenge_id"], "name": name,
        "credential": authenticator.create(body["options"])})
    assert finish.status_code == 201, finish.text
    credential: dict[str, Any] = finish.json()["credential"]
    return credential


def mfa_token(api: httpx.Client, user: Account) -> str:
    body = api.post("/auth/login", json={"username": user.username,
                                         "password": PASSWORD}).json()
    assert body["mfa_required"] is True and "webauthn" in body["methods"]
    return str(body["mfa_token"])


def begin_mfa(api: httpx.Client, token: str) -> dict[str, Any]:
    response = api.post("/auth/mfa/webauthn/begin", json={"mfa_token": token})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def finish_mfa(api: httpx.Client, token: str, begun: dict[str, Any],
               credential: dict[str, Any]) -> httpx.Response:
    return api.post("/auth/mfa/webauthn/finish", json={
        "mfa_token": token, "challenge_id": begun["challenge_id"], "credential": credential})


def begin_passkey(api: httpx.Client) -> dict[str, Any]:
    response = api.post("/auth/passkey/begin")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert not body["options"].get("allowCredentials")
    return body


def finish_passkey(api: httpx.Client, begun: dict[str, Any],
                   credential: dict[str, Any]) -> httpx.Response:
    return api.post("/auth/passkey/finish", json={"challenge_id": begun["challenge_id"],
                                                  "credential": credential})


@pytest.mark.parametrize("attestation", ["none", "packed"])
def test_register_a_key_then_log_in_with_it_as_second_factor(
        api: httpx.Client, user: Account, origin: str, attestation: Any) -> None:
    authenticator = SoftwareAuthenticator(origin, attestation=attestation)
    credential = register_key(api, user, authenticator)
    assert credential["name"] == "Test key" and credential["flagged_cloned"] is False
    token = mfa_token(api, user)
    begun = begin_mfa(api, token)
    allowed = [c["id"] for c in begun["options"]["allowCredentials"]]
    assert allowed == [b64url(raw_id) for raw_id in authenticator.credentials]
    session = finish_mfa(api, token, begun, authenticator.get(begun["options"]))
    assert session.status_code == 200, session.text
    auth = {"Authorization": f"Bearer {session.json()['access_token']}"}
    assert api.get("/mfa/status", headers=auth).json()["session_mfa_verified"] is True


def test_a_passkey_signs_in_without_a_username(api: httpx.Client, user: Account,
                                               authenticator: SoftwareAuthenticator) -> None:
    register_key(api, user, authenticator)
    begun = begin_passkey(api)
    session = finish_passkey(api, begun, authenticator.get(begun["options"]))
    assert session.status_code == 200, session.text
    assert session.json()["user"]["id"] == user.id


def test_a_replayed_assertion_is_refused(api: httpx.Client, user: Account,
                                         authenticator: SoftwareAuthenticator) -> None:
    register_key(api, user, authenticator)
    begun = begin_passkey(api)
    assertion = authenticator.get(begun["options"])
    assert finish_passkey(api, begun, assertion).status_code == 200
    assert finish_passkey(api, begun, assertion).status_code == 401
    fresh = begin_passkey(api)  # the old assertion under a new challenge
    assert finish_passkey(api, fresh, assertion).status_code == 401


@pytest.mark.parametrize("lie", [{"origin": "https://evil.example"},
                                 {"rp_id": "evil.example"}],
                         ids=["wrong origin", "wrong RP id"])
def test_an_assertion_for_another_site_is_refused(api: httpx.Client, user: Account,
                                                  authenticator: SoftwareAuthenticator,
                                                  lie: dict[str, str]) -> None:
    register_key(api, user, authenticator)
    token = mfa_token(api, user)
    begun = begin_mfa(api, token)
    refused = finish_mfa(api, token, begun, authenticator.get(begun["options"], **lie))
    assert refused.status_code == 401
    again = begin_mfa(api, token)  # the honest key still works, and the token too
    assert finish_mfa(api, token, again, authenticator.get(again["options"])).status_code == 200


def test_a_registration_for_another_origin_is_refused(api: httpx.Client, user: Account,
                                                      authenticator: SoftwareAuthenticator) -> None:
    begin = api.post("/mfa/webauthn/register/begin", headers=user.auth).json()
    finish = api.post("/mfa/webauthn/register/finish", headers=user.auth, json={
        "challenge_id": begin["challenge_id"],
        "credential": authenticator.create(begin["options"], origin="https://evil.example")})
    assert finish.status_code == 422


def test_a_sign_count_rollback_flags_the_key_refuses_and_is_audited(
        api: httpx.Client, user: Account, mfa_admin: Account,
        authenticator: SoftwareAuthenticator) -> None:
    credential = register_key(api, user, authenticator)
    begun = begin_passkey(api)
    assert finish_passkey(api, begun, authenticator.get(begun["options"])).status_code == 200
    cloned = begin_passkey(api)
    refused = finish_passkey(api, cloned, authenticator.get(cloned["options"], sign_count=1))
    assert refused.status_code == 401 and "cloned" in refused.json()["detail"]
    listed = api.get("/mfa/webauthn/credentials", headers=user.auth).json()["items"]
    assert [(c["id"], c["flagged_cloned"]) for c in listed] == [(credential["id"], True)]
    audit = api.get("/admin/audit", headers=mfa_admin.auth,
                    params={"type": "mfa.webauthn_clone_suspected", "user_id": user.id}).json()
    assert audit["total"] == 1
    honest = begin_passkey(api)  # a flagged key is refused from then on
    assert finish_passkey(api, honest, authenticator.get(honest["options"])).status_code == 401


def test_keys_are_listed_renamed_and_removed(api: httpx.Client, user: Account,
                                             authenticator: SoftwareAuthenticator) -> None:
    credential = register_key(api, user, authenticator)
    path = f"/mfa/webauthn/credentials/{credential['id']}"
    renamed = api.patch(path, headers=user.auth, json={"name": "Desk key"})
    assert renamed.status_code == 200 and renamed.json()["name"] == "Desk key"
    removed = api.delete(path, headers=user.auth)
    assert removed.status_code == 200 and removed.json()["status"]["enabled"] is False
    assert api.get("/mfa/webauthn/credentials", headers=user.auth).json()["total"] == 0
