"""The administrators' reports through HTTP on the memory profile: after a real scan of
a folder, the overview counts the movies and files and lists the unmatched ones (no
metadata provider, so all of them), and a library's skipped files carry their reason."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from revenge.entrypoints.config import Config
from revenge.entrypoints.http.app import create_app
from revenge.entrypoints.memory_profile import build_memory_container
from tests.support.first_admin import first_admin_headers

FILES = ["Heat (1995)/Heat.1995.mkv", "Heat (1995)/Heat.1995-sample.mkv",
         "Alien (1979)/Alien.1979.mp4"]


class Api:
    def __init__(self, client: TestClient[Litestar]) -> None:
        self.client = client
        self.headers = first_admin_headers(client)

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", headers=self.headers, params=params)

    def post(self, path: str, body: Any = None) -> Any:
        return self.client.post(f"/api/v1{path}", json=body, headers=self.headers)

    def finished(self, job_id: str) -> dict[str, Any]:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            job: dict[str, Any] = self.get(f"/admin/jobs/{job_id}").json()
            if job["status"] in ("succeeded", "failed", "dead"):
                return job
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} did not finish")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Api, str]]:
    data, media = tmp_path_factory.mktemp("data"), tmp_path_factory.mktemp("media")
    for name in FILES:
        path: Path = media / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\0" * 2048)
    with TestClient(create_app(build_memory_container(Config(data_dir=str(data))))) as c:
        api = Api(c)
        created = api.post("/admin/libraries", {"name": "Movies", "paths": [str(media)]})
        assert created.status_code == 201, created.text
        assert api.finished(created.json()["scan_job_id"])["status"] == "succeeded"
        yield api, created.json()["id"]


def test_the_overview_counts_movies_and_files_and_lists_the_unmatched(
        scanned: tuple[Api, str]) -> None:
    api, _ = scanned
    overview = api.get("/admin/library-overview").json()
    assert overview["counts"] == {"movies": 2, "missing_movies": 0, "unmatched_movies": 2,
                                  "files": 2, "missing_files": 0}
    assert [(m["title"], m["year"]) for m in overview["unmatched"]] == [
        ("Alien", 1979), ("Heat", 1995)]
    assert len(api.get("/admin/library-overview", limit=1).json()["unmatched"]) == 1
    assert api.get("/admin/library-overview", limit=0).status_code == 400


def test_a_librarys_skipped_files_carry_their_reason(scanned: tuple[Api, str]) -> None:
    api, library_id = scanned
    body = api.get(f"/admin/libraries/{library_id}/skipped").json()
    assert [(Path(f["path"]).name, f["reason"]) for f in body["items"]] == [
        ("Heat.1995-sample.mkv", "sample")]
    assert body["total"] == 1


def test_skipped_files_of_an_unknown_library_are_a_404(scanned: tuple[Api, str]) -> None:
    api, _ = scanned
    missing = api.get("/admin/libraries/0190a000-0000-7000-8000-000000000000/skipped")
    assert missing.status_code == 404


def test_the_permission_list_is_the_servers_closed_set(scanned: tuple[Api, str]) -> None:
    api, _ = scanned
    items = api.get("/admin/permissions").json()["items"]
    assert {"library.manage", "users.manage", "audit.read"} <= set(items)


def test_the_admin_user_list_shows_mfa_and_last_seen(scanned: tuple[Api, str]) -> None:
    api, _ = scanned
    [root] = api.get("/admin/users").json()["items"]
    assert root["mfa_enabled"] is False and root["last_seen_at"] is not None
