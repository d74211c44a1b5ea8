"""Radarr's webhook events, in its real payload shapes, through a live server and worker:
each event's documented effect, replays, keys, malformed bodies. The movie's files live
in a library folder that Radarr's `/movies` maps to, as on a real box."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.radarr.conftest import ADMIN, Stack, finished, settled
from tests.fakes.radarr import RadarrLibrary
from tests.fakes.radarr import payloads as radarr_sends

pytestmark = pytest.mark.e2e


class Radarr:
    """Radarr's side: its library (for payloads) and the files it puts on disk."""

    def __init__(self, stack: Stack) -> None:
        self.library = RadarrLibrary()
        self.library.add(901, "Heat", 1995, 949, imdb_id="tt0113277", with_file=False)
        self.movie = self.library.movies[901]
        self.stack = stack

    def local(self, file: dict[str, Any]) -> Path:
        return self.stack.media / file["path"].removeprefix("/movies/")

    def put_file(self, name: str, size: int) -> dict[str, Any]:
        file = self.library.give_file(901, name, size=size)
        path = self.local(file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\0" * size)
        return file


def send(api: httpx.Client, stack: Stack, payload: dict[str, Any], *,
         password: str | None = None) -> httpx.Response:
    """As Radarr's Webhook connection sends it: JSON, HTTP Basic with the key as password."""
    basic = base64.b64encode(f"radarr:{password or stack.webhook_key}".encode()).decode()
    return api.post("/webhooks/radarr", json=payload,
                    headers={"Authorization": f"Basic {basic}"})


def applied(api: httpx.Client, stack: Stack, payload: dict[str, Any]) -> dict[str, Any]:
    response = send(api, stack, payload)
    assert response.status_code == 202, response.text
    job = finished(api, stack, response.json()["job_id"])
    assert (job["name"], job["status"]) == ("radarr_webhook", "succeeded"), job
    settled(api, stack)  # what the event requested (scans of its folder) is done too
    result: dict[str, Any] = job["result"]
    return result


def heat(api: httpx.Client, stack: Stack) -> dict[str, Any]:
    found = api.get("/movies", headers=stack.admin.auth,
                    params={"limit": 50, "q": "Heat"}).json()["items"]
    movie: dict[str, Any] = next(m for m in found if m["title"] == "Heat")
    return movie


def files_of(api: httpx.Client, stack: Stack, movie_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = api.get(f"/movies/{movie_id}/files",
                                          headers=stack.admin.auth).json()["items"]
    return items


@pytest.fixture(scope="module")
def api(stack: Stack) -> httpx.Client:
    return stack.client()


@pytest.fixture(scope="module")
def radarr(stack: Stack) -> Radarr:
    return Radarr(stack)


def test_keys_radarr_cannot_use_are_refused(api: httpx.Client, stack: Stack) -> None:
    payload = radarr_sends.connection_test()

    reader = api.post("/users/me/api-keys", headers=stack.admin.auth,
                      json={"name": "reader", "scopes": ["library.read"]}).json()["key"]

    assert send(api, stack, payload, password="rv_not-a-key").status_code == 401
    assert api.post("/webhooks/radarr", json=payload).status_code == 401
    assert api.post("/webhooks/radarr", json=payload,
                    headers=stack.admin.auth).status_code == 401  # a session is no key
    assert send(api, stack, payload, password=reader).status_code == 403
    assert api.post("/webhooks/radarr", json=payload,
                    headers={"X-Api-Key": stack.webhook_key}).status_code == 200


def test_the_test_event_is_answered_without_a_job(api: httpx.Client, stack: Stack) -> None:
    response = send(api, stack, radarr_sends.connection_test())
    assert (response.status_code, response.json()["job_id"]) == (200, None)


@pytest.mark.parametrize(("body", "field"), [
    (b"{nope", "body"), (b'{"movie": {}}', "eventType"),
    (b'{"eventType": "Download", "movie": {"tmdbId": "949"}}', "movie.tmdbId"),
])
def test_malformed_bodies_get_a_4xx_with_the_reason(api: httpx.Client, stack: Stack,
                                                    body: bytes, field: str) -> None:
    response = api.post("/webhooks/radarr", content=body,
                        headers={"X-Api-Key": stack.webhook_key,
                                 "Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == field


def test_grab_then_download_then_replay(api: httpx.Client, stack: Stack,
                                        radarr: Radarr) -> None:
    assert applied(api, stack, radarr_sends.grab(radarr.movie))["effect"] == "recorded"
    status = api.get(f"{ADMIN}/status", headers=stack.admin.auth).json()
    assert status["downloading"] == 1

    file = radarr.put_file("Heat (1995) Bluray-1080p.mkv", 4096)
    download = radarr_sends.download(radarr.movie, file)
    outcome = applied(api, stack, download)
    replay = send(api, stack, download)

    assert (outcome["movies_created"], outcome["files_added"]) == (1, 1)
    assert replay.status_code == 200 and replay.json()["duplicate"] is True
    movie = heat(api, stack)
    assert (movie["year"], [f["path"] for f in files_of(api, stack, movie["id"])]) == (
        1995, [str(radarr.local(file))])
    status = api.get(f"{ADMIN}/status", headers=stack.admin.auth).json()
    assert status["downloading"] == 0


def test_rename_and_upgrade_keep_the_user_s_position(api: httpx.Client, stack: Stack,
                                                     radarr: Radarr) -> None:
    movie = heat(api, stack)
    reported = api.post(f"/movies/{movie['id']}/progress", headers=stack.admin.auth,
                        json={"position_seconds": 1800, "duration_seconds": 7200})
    assert reported.status_code == 200, reported.text
    file = radarr.movie["movieFile"]
    previous = file["path"]
    old_local = radarr.local(file)

    radarr.library.rename_file(901, "Heat (1995) {tmdb-949} Bluray-1080p.mkv")
    shutil.move(old_local, radarr.local(file))
    applied(api, stack, radarr_sends.rename(radarr.movie, file, previous))

    (renamed,) = files_of(api, stack, movie["id"])
    assert renamed["path"] == str(radarr.local(file))
    old = dict(file)
    new = radarr.put_file("Heat (1995) Remux-2160p.mkv", 8192)
    radarr.local(old).unlink()
    outcome = applied(api, stack, radarr_sends.download(radarr.movie, new, [old]))

    assert outcome["files_moved"] == 1 and heat(api, stack)["id"] == movie["id"]
    assert [(f["path"], f["missing_since"]) for f in files_of(api, stack, movie["id"])] == [
        (str(radarr.local(new)), None)]
    progress = api.get(f"/movies/{movie['id']}/progress", headers=stack.admin.auth).json()
    assert progress["position_seconds"] == 1800


def test_a_deleted_file_makes_the_movie_missing_and_keeps_its_history(
        api: httpx.Client, stack: Stack, radarr: Radarr) -> None:
    file = radarr.movie["movieFile"]
    radarr.local(file).unlink()
    radarr.library.delete_file(901)

    outcome = applied(api, stack, radarr_sends.movie_file_delete(radarr.movie, file))

    assert outcome["files_missing"] == 1
    movie = heat(api, stack)
    assert movie["missing"] is True
    progress = api.get(f"/movies/{movie['id']}/progress", headers=stack.admin.auth).json()
    assert progress["position_seconds"] == 1800


def test_a_movie_deleted_in_radarr_is_applied_and_other_events_are_recorded(
        api: httpx.Client, stack: Stack, radarr: Radarr) -> None:
    deleted = applied(api, stack, radarr_sends.movie_delete(radarr.movie, deleted_files=True))
    others = [radarr_sends.movie_added(radarr.movie), radarr_sends.health(),
              radarr_sends.health(restored=True), radarr_sends.application_update(),
              radarr_sends.manual_interaction_required(radarr.movie)]
    outcomes = [applied(api, stack, payload) for payload in others]

    assert deleted["event"] == "MovieDelete"
    assert [o["effect"] for o in outcomes] == ["recorded"] * 5
    events = api.get(f"{ADMIN}/status", headers=stack.admin.auth).json()["recent_events"]
    assert {"MovieAdded", "Health", "HealthRestored", "ApplicationUpdate",
            "ManualInteractionRequired", "MovieDelete"} <= {e["event_type"] for e in events}
