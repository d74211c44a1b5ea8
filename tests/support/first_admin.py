"""The first account of an in-process app (it becomes the administrator), signed in."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

PASSWORD = "correct horse battery staple"


def first_admin_headers(client: TestClient[Any]) -> dict[str, str]:
    """Registers `root` and answers the bearer header of its session."""
    client.post("/api/v1/auth/register", json={
        "username": "root", "email": "root@example.org", "password": PASSWORD})
    token = client.post("/api/v1/auth/login",
                        json={"username": "root", "password": PASSWORD}).json()
    return {"Authorization": f"Bearer {token['access_token']}"}
