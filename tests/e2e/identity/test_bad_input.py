"""Bad input gets a 4xx problem naming the field; never a 500."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.identity.conftest import PASSWORD, Account

pytestmark = pytest.mark.e2e


def _problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, object] = response.json()
    return body


def _fields(body: dict[str, object]) -> set[object]:
    return {e["field"] for e in body.get("errors", [])}  # type: ignore[union-attr,index]


@pytest.mark.parametrize(("payload", "field"), [
    ({"username": "x"}, "password"),
    ({"username": "x", "password": 12345678}, "password"),
    ({"username": "x", "password": "y" * 10, "remember_me": True}, "remember_me"),
])
def test_login_body_errors_name_the_field(api: httpx.Client, payload: dict[str, object],
                                          field: str) -> None:
    assert field in _fields(_problem(api.post("/auth/login", json=payload), 400))


def test_self_service_cannot_assign_roles_or_admin(api: httpx.Client, user: Account) -> None:
    api.cookies.clear()
    for sneaky in ({"is_admin": True}, {"role_ids": ["x"]}, {"disabled": False}):
        body = _problem(api.patch("/users/me", headers=user.auth, json=sneaky), 400)
        assert _fields(body) == set(sneaky)


@pytest.mark.parametrize("sneaky", [{"is_admin": True}, {"role_ids": ["x"]}, {"roles": ["admin"]}])
def test_registration_refuses_role_fields_naming_them(api: httpx.Client,
                                                     sneaky: dict[str, object]) -> None:
    payload = {"username": "mallory", "email": "m@example.org", "password": PASSWORD, **sneaky}
    assert _fields(_problem(api.post("/auth/register", json=payload), 400)) == set(sneaky)


def test_registration_rules_name_the_field(api: httpx.Client, admin: Account) -> None:
    cases = [({"username": "ok_name", "email": "not-an-email", "password": PASSWORD}, "email"),
             ({"username": "ok_name", "email": "a@b.io", "password": "short"}, "password"),
             ({"username": "ok_name", "email": "a@b.io", "password": "password1"}, "password"),
             ({"username": "root", "email": "a@b.io", "password": PASSWORD}, "username")]
    for payload, field in cases:
        response = api.post("/admin/users", headers=admin.auth, json=payload)
        assert response.status_code in (409, 422), response.text
        assert field in _fields(response.json())


@pytest.mark.parametrize("raw", [b"{not json", b"[]", b"null", b""])
def test_malformed_bodies_are_400(api: httpx.Client, raw: bytes) -> None:
    response = api.post("/auth/login", content=raw,
                        headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text


def test_bad_query_parameters_and_ids_are_4xx(api: httpx.Client, admin: Account) -> None:
    api.cookies.clear()
    for params in ({"limit": 0}, {"limit": 201}, {"limit": "many"}, {"type": "nope"},
                   {"cursor": "%%%"}, {"since": "yesterday"}, {"user_id": "not-a-uuid"}):
        response = api.get("/admin/audit", headers=admin.auth, params=params)
        assert 400 <= response.status_code < 500, (params, response.text)
    assert api.get("/admin/users/not-a-uuid", headers=admin.auth).status_code == 404
    assert api.delete("/admin/roles/not-a-uuid", headers=admin.auth).status_code == 404
    garbage = api.get("/users/me", headers={"Authorization": "Bearer garbage"})
    assert garbage.status_code == 401
