"""The NUL character (which PostgreSQL text cannot hold) is refused at the door with a
400 naming the field, wherever it comes: path, query or JSON body."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from revenge.entrypoints.memory_profile import create_memory_app

PASSWORD = "a long enough password 123"


@pytest.fixture
def client() -> Iterator[TestClient[Litestar]]:
    with TestClient(create_memory_app()) as test_client:
        test_client.post("/api/v1/auth/register", json={
            "username": "admin", "email": "a@example.org", "password": PASSWORD})
        token = test_client.post("/api/v1/auth/login", json={"username": "admin",
                                                      "password": PASSWORD}).json()
        test_client.headers["Authorization"] = f"Bearer {token['access_token']}"
        yield test_client


def _refused_naming(response: Any, field: str) -> bool:
    body = response.json()
    return bool(response.status_code == 400 and body["errors"][0]["field"] == field
                and "NUL" in body["detail"])


@pytest.mark.parametrize(("body", "field"), [
    ({"name": "Mo\x00vies", "paths": ["FOLDER"]}, "name"),
    ({"name": "Movies", "paths": ["FOLDER", "FOLDER\x00"]}, "paths[1]"),
    ({"name": "Movies", "paths": ["FOLDER"], "na\x00me": 1}, "name"),
])
def test_a_nul_in_a_json_body_is_refused_naming_the_field(
        client: TestClient[Litestar], tmp_path: Path, body: dict[str, Any], field: str) -> None:
    body["paths"] = [path.replace("FOLDER", str(tmp_path)) for path in body["paths"]]
    response = client.post("/api/v1/admin/libraries", json=body)
    assert _refused_naming(response, field), response.text
    assert client.get("/api/v1/admin/libraries").json()["items"] == []


def test_a_nul_in_the_query_or_the_path_is_refused_naming_the_parameter(
        client: TestClient[Litestar]) -> None:
    assert _refused_naming(client.get("/api/v1/movies?q=a%00b"), "q")
    assert _refused_naming(client.get("/api/v1/admin/jobs?name=x%00"), "name")
    assert _refused_naming(client.get("/api/v1/movies/x%00"), "movie_id")


def test_what_only_looks_like_a_nul_passes(client: TestClient[Litestar],
                                           tmp_path: Path) -> None:
    escaped = client.post("/api/v1/admin/libraries", json={"name": "r\\u0000x",
                                                    "paths": [str(tmp_path)]})
    assert escaped.status_code == 201 and escaped.json()["name"] == "r\\u0000x"
    assert client.get("/api/v1/movies?q=100%25").status_code == 200


def test_a_body_that_is_not_json_is_left_to_the_handler(client: TestClient[Litestar]) -> None:
    response = client.post("/api/v1/admin/libraries", content=b'{"name": "\\u0000', headers={
        "Content-Type": "application/json"})
    assert response.status_code == 400 and "NUL" not in response.text
