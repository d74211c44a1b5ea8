"""GET /api/v1/admin/server: configuration-only settings, shown read-only to admins."""

from __future__ import annotations

from litestar.testing import TestClient

from revenge.entrypoints.config import Config
from revenge.entrypoints.memory_profile import create_memory_app

ADMIN = {"username": "admin", "email": "admin@example.com", "password": "a long passphrase 1"}
USER = {"username": "someone", "email": "someone@example.com", "password": "a long passphrase 2"}


def _signed_in(client: TestClient, account: dict[str, str]) -> dict[str, str]:  # type: ignore[type-arg]
    token = client.post("/api/v1/auth/login", json={
        "username": account["username"], "password": account["password"]}).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def test_an_admin_reads_the_configured_progress_policy_and_transcoding() -> None:
    config = Config(watched_threshold_percent=85, transcode_limit=3, transcode_hwaccel="vaapi")
    with TestClient(create_memory_app(config)) as client:
        client.post("/api/v1/auth/register", json=ADMIN)
        body = client.get("/api/v1/admin/server", headers=_signed_in(client, ADMIN)).json()
    assert body["watched_threshold_percent"] == 85
    assert body["transcode_limit"] == 3 and body["transcode_hwaccel"] == "vaapi"
    assert body["tmdb_configured"] is False


def test_a_person_without_settings_manage_is_refused() -> None:
    with TestClient(create_memory_app()) as client:
        client.post("/api/v1/auth/register", json=ADMIN)
        admin = _signed_in(client, ADMIN)
        client.patch("/api/v1/admin/settings", headers=admin, json={"open_registration": True})
        client.post("/api/v1/auth/register", json=USER)
        response = client.get("/api/v1/admin/server", headers=_signed_in(client, USER))
        client.cookies.clear()  # the sign-ins above left session cookies
        anonymous = client.get("/api/v1/admin/server")
    assert response.status_code == 403
    assert anonymous.status_code == 401
