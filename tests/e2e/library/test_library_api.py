"""The library admin API and the job API through a live server and worker: add a
library, watch its scan's progress, see its movies, pick up a new file by watching."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.library.conftest import Stack, eventually

pytestmark = pytest.mark.e2e


def put_file(folder: Path, relative: str, size: int = 4096) -> Path:
    """A finished copy: written aside, then renamed into place (as copy tools do)."""
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(b"\0" * size)
    partial.rename(target)
    return target


def finished_job(api: httpx.Client, stack: Stack, job_id: str) -> dict[str, Any]:
    def done() -> dict[str, Any] | None:
        job: dict[str, Any] = api.get(f"/admin/jobs/{job_id}", headers=stack.admin.auth).json()
        return job if job["status"] in ("succeeded", "failed") else None

    return eventually(done, timeout=60)


def titles(api: httpx.Client, stack: Stack, **params: Any) -> list[str]:
    response = api.get("/movies", params={"limit": 200, **params}, headers=stack.admin.auth)
    assert response.status_code == 200, response.text
    return sorted(item["title"] for item in response.json()["items"])


@pytest.fixture
def api(stack: Stack) -> httpx.Client:
    return stack.client()


def test_a_new_library_is_scanned_and_its_movies_listed(stack: Stack, api: httpx.Client
                                                        ) -> None:
    folder = stack.media / "first"
    put_file(folder, "Heat (1995)/Heat.1995.1080p.mkv")
    put_file(folder, "Alien (1979)/Alien.mkv")
    put_file(folder, "Alien (1979)/Trailers/Teaser.mkv")

    created = api.post("/admin/libraries", headers=stack.admin.auth, json={
        "name": "First", "paths": [str(folder)]})
    assert created.status_code == 201, created.text
    job = finished_job(api, stack, created.json()["scan_job_id"])

    assert (job["name"], job["status"], job["progress"], job["error"]) == (
        "library.scan", "succeeded", 100, None)
    assert {k: job["result"][k] for k in ("seen", "new", "missing", "errors")} == {
        "seen": 3, "new": 3, "missing": 0, "errors": 0}
    assert {"Alien", "Heat"} <= set(titles(api, stack))
    listed = api.get("/admin/jobs", params={"name": "library.scan"}, headers=stack.admin.auth)
    assert job["id"] in [item["id"] for item in listed.json()["items"]]


@pytest.mark.parametrize(("body", "status", "field"), [
    ({"name": "X", "paths": ["/does/not/exist"]}, 422, "paths[0]"),
    ({"name": "X", "paths": ["relative"]}, 422, "paths[0]"),
    ({"name": "X", "paths": "/tmp"}, 400, "paths"),
    ({"paths": ["/tmp"]}, 400, "name"),
    ({"name": "X", "paths": ["/tmp"], "scan_interval_minutes": 0}, 400,
     "scan_interval_minutes"),
])
def test_bad_library_bodies_get_a_4xx_naming_the_field(stack: Stack, api: httpx.Client,
                                                       body: dict[str, Any], status: int,
                                                       field: str) -> None:
    response = api.post("/admin/libraries", headers=stack.admin.auth, json=body)

    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert field in [error["field"] for error in response.json()["errors"]]


def test_a_folder_inside_another_library_or_a_taken_name_is_refused(
        stack: Stack, api: httpx.Client) -> None:
    outer = stack.media / "outer"
    (outer / "inner").mkdir(parents=True)
    assert api.post("/admin/libraries", headers=stack.admin.auth, json={
        "name": "Outer", "paths": [str(outer)]}).status_code == 201

    nested = api.post("/admin/libraries", headers=stack.admin.auth, json={
        "name": "Inner", "paths": [str(outer / "inner")]})
    taken = api.post("/admin/libraries", headers=stack.admin.auth, json={
        "name": "outer", "paths": [str(stack.media / "elsewhere")]})

    assert nested.status_code == 422 and "Outer" in nested.json()["detail"]
    assert nested.json()["errors"][0]["field"] == "paths[0]"
    assert taken.status_code in (409, 422)


def test_a_finished_copy_into_a_watched_library_is_listed_within_seconds(
        stack: Stack, api: httpx.Client) -> None:
    folder = stack.media / "watched"
    folder.mkdir()
    created = api.post("/admin/libraries", headers=stack.admin.auth, json={
        "name": "Watched", "paths": [str(folder)], "watch": True}).json()
    finished_job(api, stack, created["scan_job_id"])
    time.sleep(1.5)  # the worker notices the new watched library on its next look

    start = time.monotonic()
    put_file(folder, "Ran (1985)/Ran.1985.mkv")
    eventually(lambda: "Ran" in titles(api, stack), timeout=30)

    assert time.monotonic() - start < 10  # quiet period 0.5 s + a scan of one folder


def test_a_deleted_library_leaves_its_movies_missing(stack: Stack, api: httpx.Client) -> None:
    folder = stack.media / "doomed"
    put_file(folder, "Solaris (1972)/Solaris.mkv")
    created = api.post("/admin/libraries", headers=stack.admin.auth, json={
        "name": "Doomed", "paths": [str(folder)]}).json()
    finished_job(api, stack, created["scan_job_id"])

    deleted = api.delete(f"/admin/libraries/{created['id']}", headers=stack.admin.auth)

    assert deleted.status_code == 204
    assert "Solaris" in titles(api, stack, missing="true")
    assert api.get(f"/admin/libraries/{created['id']}",
                   headers=stack.admin.auth).status_code == 404


def test_a_scan_request_answers_with_a_job_id_and_an_unknown_library_is_404(
        stack: Stack, api: httpx.Client) -> None:
    folder = stack.media / "rescan"
    put_file(folder, "Stalker (1979)/Stalker.mkv")
    created = api.post("/admin/libraries", headers=stack.admin.auth, json={
        "name": "Rescan", "paths": [str(folder)]}).json()
    finished_job(api, stack, created["scan_job_id"])

    again = api.post(f"/admin/libraries/{created['id']}/scan", headers=stack.admin.auth)
    unknown = api.post("/admin/libraries/0190f0e0-0000-7000-8000-000000000000/scan",
                       headers=stack.admin.auth)

    assert again.status_code == 202
    job = finished_job(api, stack, again.json()["job_id"])
    assert (job["result"]["unchanged"], job["result"]["parsed"]) == (1, 0)
    assert unknown.status_code == 404


def test_libraries_and_jobs_need_library_manage(stack: Stack, api: httpx.Client) -> None:
    assert api.get("/admin/libraries").status_code == 401
    assert api.get("/admin/jobs").status_code == 401


def test_a_library_is_edited_field_by_field(stack: Stack, api: httpx.Client) -> None:
    folder = stack.media / "edited"
    folder.mkdir()
    created = api.post("/admin/libraries", headers=stack.admin.auth, json={
        "name": "Edited", "paths": [str(folder)], "scan_interval_minutes": 60}).json()

    edited = api.patch(f"/admin/libraries/{created['id']}", headers=stack.admin.auth,
                       json={"name": "Renamed", "scan_interval_minutes": None})
    bad = api.patch(f"/admin/libraries/{created['id']}", headers=stack.admin.auth,
                    json={"paths": ["/does/not/exist"]})

    assert edited.status_code == 200, edited.text
    assert (edited.json()["name"], edited.json()["scan_interval_minutes"],
            edited.json()["paths"]) == ("Renamed", None, [str(folder)])
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "paths[0]"


def test_a_link_out_of_the_library_is_followed_only_once_the_library_allows_it(
        stack: Stack, api: httpx.Client) -> None:
    """Review finding 6, end to end: the setting is stored (migration 0020), shown, and
    obeyed by the worker's scan."""
    folder, outside = stack.media / "linked", stack.media / "elsewhere"
    put_file(folder, "Ran (1985)/Ran.1985.mkv")
    put_file(outside, "Brazil (1985)/Brazil.1985.mkv")
    (folder / "Shared").symlink_to(outside)
    created = api.post("/admin/libraries", headers=stack.admin.auth, json={
        "name": "Linked", "paths": [str(folder)]}).json()
    finished_job(api, stack, created["scan_job_id"])
    assert created["follow_symlinks_outside"] is False
    assert "Brazil" not in titles(api, stack) and "Ran" in titles(api, stack)

    patched = api.patch(f"/admin/libraries/{created['id']}", headers=stack.admin.auth,
                        json={"follow_symlinks_outside": True})
    assert patched.json()["follow_symlinks_outside"] is True
    scan = api.post(f"/admin/libraries/{created['id']}/scan", headers=stack.admin.auth)
    finished_job(api, stack, scan.json()["job_id"])

    assert "Brazil" in titles(api, stack)
