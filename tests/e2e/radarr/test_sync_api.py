"""Syncing through the admin API with a real server and worker, against the fake Radarr:
200 movies imported at mapped paths, a second full sync changes no row, an incremental
sync touches only what Radarr added since."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import psycopg
import pytest

from tests.e2e.radarr.conftest import ADMIN, BULK_LOCAL, Stack, finished

pytestmark = pytest.mark.e2e


@pytest.fixture
def api(stack: Stack) -> httpx.Client:
    return stack.client()


def sync(api: httpx.Client, stack: Stack, mode: str) -> dict[str, Any]:
    accepted = api.post(f"{ADMIN}/sync", headers=stack.admin.auth, json={"mode": mode})
    assert accepted.status_code == 202, accepted.text
    job = finished(api, stack, accepted.json()["job_id"])
    assert (job["name"], job["status"], job["error"]) == ("radarr_sync", "succeeded", None)
    result: dict[str, Any] = job["result"]
    return result


def row_versions(stack: Stack) -> dict[str, set[tuple[str, str]]]:
    """Each row's place and xmin per table: any write gives a row a new xmin."""
    with psycopg.connect(stack.server.database_url) as conn:
        return {table: {(row[0], row[1]) for row in conn.execute(
                    f"SELECT ctid::text, xmin::text FROM {table}")}  # noqa: S608
                for table in ("movies", "movie_files", "radarr_links", "radarr_conflicts")}


def test_full_sync_then_again_then_incremental(stack: Stack, api: httpx.Client) -> None:
    first = sync(api, stack, "full")
    movies = api.get("/movies", headers=stack.admin.auth, params={"limit": 200}).json()
    found = api.get("/movies", headers=stack.admin.auth,
                    params={"q": "Movie 7", "year_from": 1957, "year_to": 1957}).json()
    one = next(m for m in found["items"] if m["title"] == "Movie 7")
    files = api.get(f"/movies/{one['id']}/files", headers=stack.admin.auth).json()["items"]

    assert (first["mode"], first["examined"], first["files_added"]) == ("full", 200, 200)
    assert movies["total"] >= 200
    assert [f["path"] for f in files] == [
        f"{BULK_LOCAL}/Movie 7 (1957)/Movie 7 (1957) Bluray-1080p.mkv"]

    before = row_versions(stack)
    second = sync(api, stack, "full")
    assert (second["examined"], second["writes"]) == (200, 0)
    assert row_versions(stack) == before

    for number in (301, 302, 303):
        stack.radarr.library.add(number, f"Fresh {number}", 2025, 400_000 + number,
                                 root="/bulk", added=datetime.now(UTC))
    third = sync(api, stack, "incremental")
    assert (third["mode"], third["examined"], third["movies_created"], third["writes"]) == (
        "incremental", 3, 3, 6)

    status = api.get(f"{ADMIN}/status", headers=stack.admin.auth).json()
    assert (status["last_sync"]["status"], status["last_sync"]["mode"]) == (
        "succeeded", "incremental")
    assert status["linked_movies"] >= 203 and status["last_sync"]["radarr_version"]
