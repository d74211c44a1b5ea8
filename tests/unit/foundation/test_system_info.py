"""GET /api/v1/system/info: what the web app needs to know before anyone signs in."""

from __future__ import annotations

from litestar.testing import TestClient

from revenge.entrypoints.memory_profile import create_memory_app

ADMIN = {"username": "admin", "email": "admin@example.com", "password": "a long passphrase 1"}


def test_a_new_server_says_set_up_is_required_and_registration_open() -> None:
    with TestClient(create_memory_app()) as client:
        info = client.get("/api/v1/system/info").json()
    assert info["setup_required"] is True and info["registration_open"] is True
    assert info["version"] and info["name"]


def test_once_the_admin_exists_set_up_is_done_and_registration_closed_by_default() -> None:
    with TestClient(create_memory_app()) as client:
        assert client.post("/api/v1/auth/register", json=ADMIN).status_code == 201
        info = client.get("/api/v1/system/info").json()
    assert info == {**info, "setup_required": False, "registration_open": False}


def test_system_info_is_public_and_names_no_user() -> None:
    with TestClient(create_memory_app()) as client:
        client.post("/api/v1/auth/register", json=ADMIN)
        response = client.get("/api/v1/system/info")
    assert response.status_code == 200 and "admin" not in response.text
