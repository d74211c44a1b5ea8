"""The search API on the memory profile: parameters, auth, degraded answers, problems."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from revenge.adapters.memory.search_index import InMemorySearchIndex
from revenge.entrypoints.config import Config
from revenge.entrypoints.http.app import create_app
from revenge.entrypoints.memory_profile import build_memory_container
from tests.contract.search.documents import small_catalog

PASSWORD = "correct horse battery staple"


class Api:
    def __init__(self, client: TestClient[Litestar], index: InMemorySearchIndex) -> None:
        self.client, self.index = client, index
        self.client.post("/api/v1/auth/register", json={
            "username": "root", "email": "root@example.org", "password": PASSWORD})
        self.admin = self.log_in("root")

    def new_user(self, username: str) -> dict[str, str]:
        """A user with the default role (library.read, no management)."""
        self.client.post("/api/v1/admin/users", headers=self.admin, json={
            "username": username, "email": f"{username}@example.org", "password": PASSWORD})
        return self.log_in(username)

    def log_in(self, username: str) -> dict[str, str]:
        response = self.client.post("/api/v1/auth/login",
                                    json={"username": username, "password": PASSWORD})
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params=params, headers=self.admin)


@pytest.fixture
def api() -> Iterator[Api]:
    container = build_memory_container(Config())
    index = container.search.index()
    with TestClient(create_app(container)) as client:
        with client.portal() as portal:
            portal.call(index.upsert, list(small_catalog().values()))
        yield Api(client, index)


def test_search_returns_hits_facets_found_and_a_cursor(api: Api) -> None:
    body = api.get("/search", q="keanu", limit=2).json()
    assert [hit["title"] for hit in body["hits"]] == ["The Matrix", "John Wick"]
    assert body["found"] == 3 and body["degraded"] is False and body["next_cursor"]
    assert {"value": "Action", "count": 3} in body["facets"]["genre"]
    last = api.get("/search", q="keanu", limit=2, cursor=body["next_cursor"]).json()
    assert [hit["title"] for hit in last["hits"]] == ["The Matrix Reloaded"]
    assert last["next_cursor"] is None


def test_search_filters_by_repeated_genre_and_year_range(api: Api) -> None:
    body = api.get("/search", genre=["Crime", "Comedy"], year_from=1990, year_to=1999).json()
    assert [hit["title"] for hit in body["hits"]] == ["Heat"]


def test_search_answers_degraded_when_the_index_is_down(api: Api) -> None:
    api.index.available = False
    response = api.get("/search", q="heat")
    assert response.status_code == 200 and response.json()["degraded"] is True


@pytest.mark.parametrize(("params", "field"), [
    ({"type": "series"}, "type"), ({"sort": "loudness"}, "sort"), ({"limit": 500}, "limit"),
    ({"year_from": 2000, "year_to": 1990}, "year_to"), ({"cursor": "nonsense"}, "cursor"),
    ({"year_from": "soon"}, "year_from"),
])
def test_bad_search_parameters_are_a_400_naming_the_field(api: Api, params: dict,
                                                          field: str) -> None:
    response = api.get("/search", **params)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert field in [error["field"] for error in response.json()["errors"]]


def test_autocomplete_suggests_at_most_ten_titles(api: Api) -> None:
    body = api.get("/search/autocomplete", q="the mat").json()
    assert [item["title"] for item in body["items"]] == ["The Matrix", "The Matrix Reloaded"]
    assert api.get("/search/autocomplete", q="a", limit=11).status_code == 400


def test_search_needs_a_signed_in_user(api: Api) -> None:
    api.client.cookies.clear()
    assert api.client.get("/api/v1/search", params={"q": "heat"}).status_code == 401


def test_reindex_is_for_admins_and_runs_as_a_job(api: Api) -> None:
    user = api.new_user("viewer")
    assert api.client.post("/api/v1/admin/search/reindex", headers=user).status_code == 403
    response = api.client.post("/api/v1/admin/search/reindex", headers=api.admin)
    assert response.status_code == 202 and response.json()["job_id"]
