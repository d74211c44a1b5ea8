"""Radarr's stock "Emby / Jellyfin" connection against a live server and worker, request
for request as Radarr's MediaBrowserProxy sends them: the test notification, `GET /Items`
to find the movie's paths, `POST /Library/Media/Updated` per path; each update rescans
its folder."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.e2e.radarr.conftest import Stack, eventually
from tests.fakes.radarr import mediabrowser as radarr_emby

pytestmark = pytest.mark.e2e

ITEMS = {"recursive": "true", "includeItemTypes": "Movie", "fields": "Path,ProviderIds"}


@pytest.fixture(scope="module")
def root(stack: Stack) -> httpx.Client:
    return stack.root()


def movies(stack: Stack, title: str) -> list[dict[str, Any]]:
    with stack.client() as api:
        found: list[dict[str, Any]] = api.get("/movies", headers=stack.admin.auth,
                                              params={"q": title}).json()["items"]
    return [m for m in found if m["title"] == title]


def test_radarr_s_test_button_succeeds_with_the_key_and_fails_without(root: httpx.Client,
                                                                      stack: Stack) -> None:
    assert radarr_emby.admin_notification(root, stack.webhook_key).status_code == 204
    assert radarr_emby.admin_notification(root, "rv_wrong").status_code == 401


def test_items_answer_radarr_s_query_with_paths_and_provider_ids(root: httpx.Client,
                                                                 stack: Stack) -> None:
    folder = stack.media / "Alien (1979)"
    folder.mkdir()
    (folder / "Alien (1979).mkv").write_bytes(b"\0" * 4096)
    movie = {"title": "Alien", "year": 1979, "tmdbId": 348, "path": "/movies/Alien (1979)"}

    first = radarr_emby.notify(root, stack.webhook_key, movie, "Created")
    eventually(lambda: movies(stack, "Alien"))
    answer = root.get("/Items", params={**ITEMS, "years": "1979"},
                      headers={"X-MediaBrowser-Token": stack.webhook_key})

    assert [r.status_code for r in first] == [204]
    assert answer.status_code == 200
    (item,) = answer.json()["Items"]
    assert (item["Name"], item["Path"], item["Type"]) == (
        "Alien", str(folder / "Alien (1979).mkv"), "Movie")
    assert answer.json()["TotalRecordCount"] == 1
    assert root.get("/Items", params={**ITEMS, "years": "1979"}).status_code == 401


def test_a_modified_movie_is_found_by_name_and_its_folder_rescanned(root: httpx.Client,
                                                                     stack: Stack) -> None:
    folder = stack.media / "Alien (1979)"
    (folder / "Alien (1979) Director's Cut.mkv").write_bytes(b"\1" * 4096)
    movie = {"title": "Alien", "year": 1979, "tmdbId": 348, "path": "/movies/Alien (1979)"}

    assert radarr_emby.find_paths(root, stack.webhook_key, movie) == {
        str(folder / "Alien (1979).mkv")}
    sent = radarr_emby.notify(root, stack.webhook_key, movie, "Modified")

    assert [r.status_code for r in sent] == [204]
    (alien,) = movies(stack, "Alien")
    with stack.client() as api:
        def files() -> list[str]:
            items = api.get(f"/movies/{alien['id']}/files",
                            headers=stack.admin.auth).json()["items"]
            return sorted(f["path"].rsplit("/", 1)[1] for f in items)

        assert eventually(lambda: len(files()) == 2 and files()) == [
            "Alien (1979) Director's Cut.mkv", "Alien (1979).mkv"]


def test_a_deleted_movie_s_folder_is_rescanned_and_the_movie_marked_missing(
        root: httpx.Client, stack: Stack) -> None:
    folder = stack.media / "Alien (1979)"
    for file in folder.iterdir():
        file.unlink()
    movie = {"title": "Alien", "year": 1979, "tmdbId": 348, "path": "/movies/Alien (1979)"}

    sent = radarr_emby.notify(root, stack.webhook_key, movie, "Deleted")

    assert {r.status_code for r in sent} == {204}
    assert eventually(lambda: movies(stack, "Alien")[0]["missing"])
