"""Issue 20, finding 15: a JSON body nested 1,000 deep answered 500 (also anonymously, on
/auth/login). It is now a 400 naming the body, before any handler decodes it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from revenge.entrypoints.http.json_depth import MAX_DEPTH, nests_too_deep
from revenge.entrypoints.memory_profile import create_memory_app

JSON = {"content-type": "application/json"}


@pytest.fixture
def client() -> Iterator[TestClient[Litestar]]:
    with TestClient(create_memory_app()) as test_client:
        yield test_client


@pytest.mark.parametrize("body", ["[" * 1000 + "]" * 1000,
                                  '{"a":' * 1000 + "1" + "}" * 1000,
                                  '{"username": ' + "[" * 100_000])
def test_a_deeply_nested_login_body_is_a_400_not_a_500(client: TestClient[Litestar],
                                                       body: str) -> None:
    response = client.post("/api/v1/auth/login", content=body, headers=JSON)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["errors"][0]["field"] == "body"
    assert "nests deeper" in response.json()["detail"]


def test_ordinary_nesting_still_reaches_the_handler(client: TestClient[Litestar]) -> None:
    body = '{"username": "nobody", "password": "wrong password", "x": ' + "[" * 10 + "]" * 10
    response = client.post("/api/v1/auth/login", content=body + "}", headers=JSON)
    assert response.status_code == 400 and "nests deeper" not in response.text


def test_depth_is_counted_in_structure_not_brackets_inside_strings() -> None:
    many_brackets_in_a_string = b'{"name": "' + b"[" * 500 + b'"}'
    assert not nests_too_deep(many_brackets_in_a_string)
    assert not nests_too_deep(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH)
    assert nests_too_deep(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1))
    assert not nests_too_deep(b"[" + b"[]," * 5000 + b"[]]")
