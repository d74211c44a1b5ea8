"""Issue 20, finding 17: the OpenAPI document declared security on few guarded routes,
almost no 4xx answers and no problem+json bodies, and /api/docs loaded Swagger UI from a
CDN (blank offline). The document is now completed from the routes' guards and the error
table, and checked here against what the server really answers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from revenge.entrypoints.memory_profile import create_memory_app

METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient[Litestar]]:
    with TestClient(create_memory_app()) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def document(client: TestClient[Litestar]) -> dict[str, Any]:
    answer: dict[str, Any] = client.get("/api/v1/openapi.json").json()
    return answer


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def test_every_operation_refused_to_an_anonymous_caller_declares_security(
        client: TestClient[Litestar], document: dict[str, Any]) -> None:
    undeclared = []
    for path, method, operation in _operations(document):
        url = re.sub(r"\{[^}]+\}", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", path)
        answer = client.request(method.upper(), url, json={} if method != "get" else None)
        # A refresh or login reads its credential from the body: 401 without `security`.
        in_body = path.startswith("/api/v1/auth/")
        if answer.status_code == 401 and not ((operation.get("security") or in_body)
                                              and "401" in operation["responses"]):
            undeclared.append(f"{method.upper()} {path}")
    assert undeclared == [], "\n".join(undeclared)


def test_guarded_operations_name_schemes_the_document_defines(document: dict[str, Any]) -> None:
    schemes = set(document["components"]["securitySchemes"])
    guarded = [op for _, _, op in _operations(document)
               if op.get("security") and {} not in op["security"]]
    assert len(guarded) >= 90
    for operation in guarded:
        assert {name for requirement in operation["security"] for name in requirement} <= schemes
        assert {"401", "403"} <= set(operation["responses"])


def test_every_problem_answer_is_problem_json_with_the_problem_schema(
        document: dict[str, Any]) -> None:
    for path, method, operation in _operations(document):
        statuses = {status for status in operation["responses"] if status[0] in "45"}
        assert {"400", "503"} <= statuses, (method, path)
        for status in statuses:
            content = operation["responses"][status]["content"]
            assert list(content) == ["application/problem+json"], (method, path, status)
            assert content["application/problem+json"]["schema"] == {
                "$ref": "#/components/schemas/Problem"}
    assert "Problem" in document["components"]["schemas"]


def test_anonymous_operations_say_so(document: dict[str, Any]) -> None:
    login = document["paths"]["/api/v1/auth/login"]["post"]
    assert login["security"] == []


def test_the_docs_page_loads_only_files_this_server_serves(
        client: TestClient[Litestar]) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200 and "swagger-ui" in page.text
    assert "://" not in page.text  # no CDN: works without internet
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert len(assets) >= 3
    for asset in assets:
        answer = client.get(asset)
        assert answer.status_code == 200 and len(answer.content) > 100, asset
    start = client.get("/api/docs/assets/start.js").text
    assert "/api/v1/openapi.json" in start


def test_the_docs_document_is_the_completed_one(client: TestClient[Litestar],
                                                 document: dict[str, Any]) -> None:
    assert client.get("/api/docs/openapi.json").json() == document
