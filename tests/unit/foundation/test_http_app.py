"""The HTTP app on the memory profile: health, problem details, OpenAPI."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from litestar import Litestar, get
from litestar.testing import TestClient

from revenge.domain.errors import (
    Conflict,
    DiskFull,
    NotConfigured,
    TooManyAttempts,
    Unavailable,
)
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container
from revenge.entrypoints.http.app import create_app
from revenge.entrypoints.memory_profile import create_memory_app


@pytest.fixture
def client() -> Iterator[TestClient[Litestar]]:
    with TestClient(create_memory_app()) as test_client:
        yield test_client


def test_liveness_answers_without_dependencies(client: TestClient[Litestar]) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_memory_profile_is_ready_once_started(client: TestClient[Litestar]) -> None:
    assert client.get("/readyz").status_code == 200
    assert client.get("/startupz").json()["status"] == "started"


def test_every_response_carries_a_request_id(client: TestClient[Litestar]) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert response.headers["x-request-id"] == "abc-123"
    assert len(client.get("/healthz").headers["x-request-id"]) == 32


def test_a_hostile_request_id_is_replaced(client: TestClient[Litestar]) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": "bad id\r\nx"})
    assert response.headers["x-request-id"] != "bad id\r\nx"


def test_openapi_document_is_served_under_api_v1(client: TestClient[Litestar]) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1") and "/readyz" in document["paths"]
    assert client.get("/api/docs", follow_redirects=True).status_code == 200


def test_unknown_route_is_a_problem_document(client: TestClient[Litestar]) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 404


def test_metrics_expose_route_latency() -> None:
    with TestClient(create_memory_app(Config(metrics_token="scrape-me"))) as client:
        client.get("/healthz")
        body = client.get("/metrics", headers={"Authorization": "Bearer scrape-me"}).text
    assert 'revenge_http_request_duration_seconds_count{method="GET",route="/healthz"' in body


@get("/conflict", sync_to_thread=False)
def _conflict() -> None:
    raise Conflict("username already taken", field="username")


@get("/throttled", sync_to_thread=False)
def _throttled() -> None:
    raise TooManyAttempts("slow down", retry_after_seconds=7)


@get("/down", sync_to_thread=False)
def _down() -> None:
    raise Unavailable("database", "connection refused")


@get("/unconfigured", sync_to_thread=False)
def _unconfigured() -> None:
    raise NotConfigured("metadata", "no TMDb API key is set")


@get("/full", sync_to_thread=False)
def _full() -> None:
    raise DiskFull("transcode cache", "/srv/revenge/transcode")


@get("/boom", sync_to_thread=False)
def _boom() -> None:
    raise RuntimeError("secret internals")


@pytest.fixture
def error_client() -> Iterator[TestClient[Litestar]]:
    app = create_app(build_container(Config(), "memory"))
    for handler in (_conflict, _throttled, _down, _unconfigured, _full, _boom):
        app.register(handler)
    with TestClient(app) as test_client:
        yield test_client


def test_domain_errors_map_to_problem_json_naming_the_field(
    error_client: TestClient[Litestar],
) -> None:
    response = error_client.get("/conflict")
    assert response.status_code == 409
    assert response.json()["errors"] == [{"field": "username", "message": "username already taken"}]


def test_throttling_sets_retry_after(error_client: TestClient[Litestar]) -> None:
    response = error_client.get("/throttled")
    assert response.status_code == 429 and response.headers["retry-after"] == "7"


def test_unavailable_dependency_is_503_not_500(error_client: TestClient[Litestar]) -> None:
    response = error_client.get("/down")
    assert response.status_code == 503 and "database" in response.json()["detail"]


def test_a_dependency_not_configured_is_503_saying_so_without_retry_after(
        error_client: TestClient[Litestar]) -> None:
    response = error_client.get("/unconfigured")
    assert response.status_code == 503 and "retry-after" not in response.headers
    assert response.json()["detail"] == ("metadata is not configured on this server: "
                                         "no TMDb API key is set")


def test_a_full_disk_is_507_saying_so_without_the_servers_path(
        error_client: TestClient[Litestar]) -> None:
    """Review finding 14: a full disk answered "ffmpeg unavailable, try again"."""
    response = error_client.get("/full")
    assert response.status_code == 507 and response.json()["type"].endswith("disk_full")
    assert "disk is full (transcode cache)" in response.json()["detail"]
    assert "/srv" not in response.text and "retry-after" not in response.headers


def test_unexpected_errors_never_leak_internals(error_client: TestClient[Litestar]) -> None:
    response = error_client.get("/boom")
    assert response.status_code == 500
    assert "secret internals" not in response.text and "Traceback" not in response.text
