"""The catalog API on a real server: browsing, my library, admin changes, and the
answers to bad input (400 naming the field), unknown ids (404) and missing rights."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest

from revenge.entrypoints.http.catalog import catalog_router
from tests.e2e.catalog.conftest import new_movie, new_user
from tests.e2e.identity.conftest import Account


@pytest.fixture
def user(api: httpx.Client, catalog_admin: Account) -> Account:
    return new_user(api, catalog_admin)


def test_an_admin_adds_edits_and_deletes_a_movie(api: httpx.Client,
                                                 catalog_admin: Account) -> None:
    tmdb_id = 1_000_000 + uuid.uuid4().int % 1_000_000
    created = new_movie(api, catalog_admin, title="The Matrix", year=1999, tmdb_id=tmdb_id,
                        genres=["Action", "Science Fiction"], runtime_minutes=136)
    assert (created["title"], created["sort_title"], created["year"]) == (
        "The Matrix", "matrix", 1999)
    assert [g["name"] for g in created["genres"]] == ["Action", "Science Fiction"]

    edited = api.patch(f"/movies/{created['id']}", headers=catalog_admin.auth,
                       json={"year": 2000, "tagline": None})
    assert edited.status_code == 200, edited.text
    assert (edited.json()["year"], edited.json()["locked_fields"]) == (2000, ["tagline", "year"])

    duplicate = api.post("/movies", headers=catalog_admin.auth,
                         json={"title": "Matrix again", "tmdb_id": tmdb_id})
    assert duplicate.status_code == 409
    assert api.delete(f"/movies/{created['id']}", headers=catalog_admin.auth).status_code == 204
    assert api.get(f"/movies/{created['id']}", headers=catalog_admin.auth).status_code == 404


def test_merging_duplicates_moves_my_state_to_the_survivor(
        api: httpx.Client, catalog_admin: Account, user: Account) -> None:
    keep, duplicate = new_movie(api, catalog_admin), new_movie(api, catalog_admin)
    api.post(f"/movies/{duplicate['id']}/watched", headers=user.auth)
    api.put(f"/movies/{duplicate['id']}/watchlist", headers=user.auth)
    merged = api.post(f"/movies/{keep['id']}/merge", headers=catalog_admin.auth,
                      json={"source_ids": [duplicate["id"]]})
    assert merged.status_code == 200, merged.text
    mine = api.get(f"/movies/{keep['id']}", headers=user.auth).json()["user"]
    assert (mine["watched"], mine["play_count"], mine["on_watchlist"]) == (True, 1, True)
    assert api.get(f"/movies/{duplicate['id']}", headers=user.auth).status_code == 404
    itself = api.post(f"/movies/{keep['id']}/merge", headers=catalog_admin.auth,
                      json={"source_ids": [keep["id"]]})
    assert itself.status_code == 422


def test_progress_drives_continue_watching_and_completion(
        api: httpx.Client, catalog_admin: Account, user: Account) -> None:
    movie = new_movie(api, catalog_admin)
    report = api.post(f"/movies/{movie['id']}/progress", headers=user.auth,
                      json={"position_seconds": 3600, "duration_seconds": 7200}).json()
    assert (report["percent"], report["resume_position_seconds"]) == (50.0, 3600)
    assert api.delete(f"/movies/{movie['id']}/continue-watching",
                      headers=user.auth).status_code == 204
    assert api.get("/movies/continue-watching", headers=user.auth).json()["items"] == []
    kept = api.get(f"/movies/{movie['id']}/progress", headers=user.auth).json()
    assert kept["resume_position_seconds"] == 3600
    done = api.post(f"/movies/{movie['id']}/progress", headers=user.auth,
                    json={"position_seconds": 6600, "duration_seconds": 7200}).json()
    assert (done["completed"], done["play_count"]) == (True, 1)
    unmarked = api.delete(f"/movies/{movie['id']}/watched", headers=user.auth).json()
    assert (unmarked["completed"], unmarked["play_count"]) == (False, 0)
    assert api.delete(f"/movies/{movie['id']}/progress", headers=user.auth).status_code == 204


def test_lists_page_with_opaque_cursors_and_report_the_total(
        api: httpx.Client, catalog_admin: Account, user: Account) -> None:
    genre = f"Genre{uuid.uuid4().hex[:6]}"
    made = {new_movie(api, catalog_admin, genres=[genre])["id"] for _ in range(5)}
    seen: list[str] = []
    cursor = None
    while True:
        params = {"genre": genre, "limit": 2, "sort": "-added"}
        if cursor:
            params["cursor"] = cursor
        body = api.get("/movies", headers=user.auth, params=params).json()
        assert body["total"] == 5
        seen += [i["id"] for i in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert set(seen) == made and len(seen) == 5
    genres = api.get("/genres", headers=user.auth, params={"limit": 200}).json()["items"]
    assert {"name": genre, "movie_count": 5} in [
        {"name": g["name"], "movie_count": g["movie_count"]} for g in genres]


@pytest.mark.parametrize(("query", "field"), [
    ("limit=0", "limit"), ("limit=201", "limit"), ("limit=many", "limit"),
    ("sort=shoe-size", "sort"), ("cursor=not-a-cursor", "cursor"),
    ("year_from=2000&year_to=1990", "year_to"), ("min_rating=11", "min_rating"),
    ("watched=perhaps", "watched"), ("year_from=12", "year_from"),
])
def test_a_bad_query_parameter_is_a_400_naming_it(api: httpx.Client, user: Account,
                                                   query: str, field: str) -> None:
    response = api.get(f"/movies?{query}", headers=user.auth)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert field in [e["field"] for e in response.json()["errors"]]


@pytest.mark.parametrize("body", [
    {"position_seconds": -1, "duration_seconds": 100},
    {"position_seconds": 10, "duration_seconds": 0},
    {"position_seconds": "ten", "duration_seconds": 100},
    {"position_seconds": 10},
    {"position_seconds": 10, "duration_seconds": 100, "user_id": "someone-else"},
])
def test_a_bad_progress_report_is_a_400(api: httpx.Client, catalog_admin: Account,
                                        user: Account, body: dict[str, object]) -> None:
    movie = new_movie(api, catalog_admin)
    response = api.post(f"/movies/{movie['id']}/progress", headers=user.auth, json=body)
    assert response.status_code == 400, response.text


@pytest.mark.parametrize("rating", [0, 11, 5.5, "seven", None])
def test_a_rating_outside_one_to_ten_is_a_400(api: httpx.Client, catalog_admin: Account,
                                              user: Account, rating: object) -> None:
    movie = new_movie(api, catalog_admin)
    response = api.put(f"/movies/{movie['id']}/rating", headers=user.auth,
                       json={"rating": rating})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "rating"


@pytest.mark.parametrize("path", [
    "/movies/{id}", "/movies/{id}/files", "/movies/{id}/cast", "/movies/{id}/crew",
    "/movies/{id}/genres", "/movies/{id}/progress", "/collections/{id}",
    "/collections/{id}/movies",
])
@pytest.mark.parametrize("movie_id", [str(uuid.uuid4()), "not-a-uuid", "1"])
def test_unknown_ids_are_404_never_500(api: httpx.Client, user: Account, path: str,
                                       movie_id: str) -> None:
    response = api.get(path.format(id=movie_id), headers=user.auth)
    assert response.status_code == 404, response.text


@pytest.mark.parametrize(("method", "path", "body"), [
    ("POST", "/movies/{id}/progress", {"position_seconds": 1, "duration_seconds": 2}),
    ("POST", "/movies/{id}/watched", None), ("DELETE", "/movies/{id}/watched", None),
    ("PUT", "/movies/{id}/watchlist", None), ("DELETE", "/movies/{id}/watchlist", None),
    ("PUT", "/movies/{id}/rating", {"rating": 5}), ("DELETE", "/movies/{id}/rating", None),
    ("DELETE", "/movies/{id}/continue-watching", None),
])
def test_changing_my_state_for_an_unknown_movie_is_404(
        api: httpx.Client, user: Account, method: str, path: str,
        body: dict[str, object] | None) -> None:
    response = api.request(method, path.format(id=uuid.uuid4()), headers=user.auth, json=body)
    assert response.status_code == 404, response.text


def test_anonymous_callers_get_401_and_users_cannot_manage_the_library(
        api: httpx.Client, catalog_admin: Account, user: Account) -> None:
    movie = new_movie(api, catalog_admin)
    api.cookies.clear()  # logging in set session cookies on this client
    assert api.get("/movies").status_code == 401
    assert api.get("/movies/stats").status_code == 401
    for method, path in (("POST", "/movies"), ("PATCH", f"/movies/{movie['id']}"),
                         ("DELETE", f"/movies/{movie['id']}"),
                         ("POST", f"/movies/{movie['id']}/merge"),
                         ("POST", f"/movies/{movie['id']}/refresh")):
        response = api.request(method, path, headers=user.auth, json={"title": "x"})
        assert response.status_code == 403, (method, path, response.text)


def test_a_refresh_request_becomes_a_job(api: httpx.Client, catalog_admin: Account) -> None:
    movie = new_movie(api, catalog_admin)
    first = api.post(f"/movies/{movie['id']}/refresh", headers=catalog_admin.auth)
    again = api.post(f"/movies/{movie['id']}/refresh", headers=catalog_admin.auth)
    assert first.status_code == 202, first.text
    assert first.json()["job_id"] == again.json()["job_id"]  # one queued refresh per movie


def test_every_catalog_response_in_the_openapi_document_has_an_example(
        api: httpx.Client) -> None:
    document = api.get("/openapi.json").json()
    ours = _catalog_operations()
    assert len(ours) >= 30
    for method, path in ours:
        operation = document["paths"][path][method]
        for status, response in operation["responses"].items():
            for media in (response.get("content") or {}).values():
                assert media.get("examples"), (method, path, status)


def _catalog_operations() -> set[tuple[str, str]]:
    """(method, OpenAPI path) of every catalog route handler."""
    found = set()
    for route in catalog_router().routes:
        path = "/api/v1" + re.sub(r":\w+}", "}", route.path)
        for handler in route.route_handlers:  # type: ignore[union-attr]
            found |= {(m.lower(), path) for m in handler.http_methods}  # type: ignore[union-attr]
    return {(method, path) for method, path in found if method != "options"}  # automatic


@pytest.mark.parametrize("path", ["/collections", "/movies/next-in-collection"])
def test_the_collection_list_and_next_in_collection_answer_pages_and_check_the_limit(
        api: httpx.Client, user: Account, path: str) -> None:
    body = api.get(path, headers=user.auth, params={"limit": 5}).json()
    assert set(body) == {"items", "next_cursor", "total"}
    assert body["total"] >= len(body["items"])
    refused = api.get(path, headers=user.auth, params={"limit": 0})
    assert refused.status_code == 400 and "limit" in refused.text
