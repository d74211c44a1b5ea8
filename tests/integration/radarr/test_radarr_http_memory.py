"""The Radarr integration through HTTP on the memory profile (jobs run inline), against
the fake Radarr: settings with a sealed write-only key, the connection check, syncs,
webhooks authenticated by a webhooks-scoped key, and the Emby-style endpoints."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import TestClient

from revenge.entrypoints.config import Config
from revenge.entrypoints.http.app import create_app
from revenge.entrypoints.memory_profile import build_memory_container
from tests.fakes.radarr import API_KEY, FakeRadarr, RadarrLibrary, generated
from tests.fakes.radarr import mediabrowser as radarr_emby
from tests.fakes.radarr import payloads as radarr_sends
from tests.support.first_admin import first_admin_headers

ADMIN = "/api/v1/admin/integrations/radarr"
# Found by fuzzing: each of these once reached httpx and answered 500.
UNUSABLE_URLS = ["http://radarr:port", "http://radarr:99999", "http://[::1:7878",
                 "http://999.1.1.1", "http://\x00radarr", "http://xn--zz.\xff\u0301:1"]
UNSENDABLE_KEYS = ["\xdc", "key with spaces", "line\nbreak", "\x00"]


class Api:
    def __init__(self, client: TestClient[Litestar]) -> None:
        self.client = client
        self.headers = first_admin_headers(client)
        created = self.post("/api/v1/users/me/api-keys", {"name": "radarr", "scopes": ["webhooks"]})
        assert created.status_code == 201, created.text
        self.webhook_key = created.json()["key"]

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.get(path, headers=self.headers, **kwargs)

    def post(self, path: str, body: Any = None) -> httpx.Response:
        return self.client.post(path, json=body, headers=self.headers)

    def put(self, path: str, body: Any) -> httpx.Response:
        return self.client.put(path, json=body, headers=self.headers)

    def hook(self, payload: dict[str, Any], key: str | None = None) -> httpx.Response:
        basic = base64.b64encode(f"radarr:{key or self.webhook_key}".encode()).decode()
        return self.client.post("/api/v1/webhooks/radarr", json=payload,
                                headers={"Authorization": f"Basic {basic}"})

    def titles(self) -> list[str]:
        items = self.get("/api/v1/movies", params={"limit": 200}).json()["items"]
        return sorted(item["title"] for item in items)


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeRadarr]:
    with FakeRadarr(generated(12)) as radarr:
        yield radarr


@pytest.fixture
def api(tmp_path: Path, fake: FakeRadarr) -> Iterator[Api]:
    settings = Config(data_dir=str(tmp_path / "data"))
    with TestClient(create_app(build_memory_container(settings))) as client:
        yield Api(client)


def _settings(fake: FakeRadarr, **changes: Any) -> dict[str, Any]:
    return {"url": fake.url, "api_key": API_KEY, "sync_interval_minutes": 60,
            "path_mappings": [{"remote": "/movies", "local": "/media/movies"}], **changes}


def test_settings_are_saved_and_the_key_is_never_returned(api: Api, fake: FakeRadarr) -> None:
    saved = api.put(f"{ADMIN}/settings", _settings(fake))
    kept = api.put(f"{ADMIN}/settings", _settings(fake, api_key=None, enabled=False))
    read = api.get(f"{ADMIN}/settings")

    assert saved.status_code == 200, saved.text
    assert API_KEY not in saved.text + kept.text + read.text
    assert read.json() == {**kept.json(), "api_key_set": True, "enabled": False}
    assert read.json()["path_mappings"] == [{"remote": "/movies", "local": "/media/movies"}]


def _status_of(value: str) -> int:
    """A NUL is refused at the door, as in any request (400); other bad values by the
    settings rules (422)."""
    return 400 if "\x00" in value else 422


@pytest.mark.parametrize(("body", "status", "field"), [
    ({"url": "radarr:7878", "api_key": "k"}, 422, "url"),
    ({"url": "http://radarr", "api_key": "k",
      "path_mappings": [{"remote": "movies", "local": "/m"}]}, 422, "path_mappings[0].remote"),
    ({"url": "http://radarr"}, 422, "api_key"),
    ({"url": "http://radarr", "api_key": "k", "sync_interval_minutes": 1}, 400,
     "sync_interval_minutes"),
    ({"api_key": "k"}, 400, "url"),
    *[({"url": url, "api_key": "k"}, _status_of(url), "url") for url in UNUSABLE_URLS],
    *[({"url": "http://radarr", "api_key": key}, _status_of(key), "api_key")
      for key in UNSENDABLE_KEYS],
])
def test_bad_settings_get_a_4xx_naming_the_field(api: Api, body: dict[str, Any], status: int,
                                                 field: str) -> None:
    response = api.put(f"{ADMIN}/settings", body)

    assert response.status_code == status, response.text
    assert field in [error["field"] for error in response.json()["errors"]]


@pytest.mark.parametrize(("body", "field"), [
    *[({"url": url, "api_key": "k"}, "url") for url in UNUSABLE_URLS],
    *[({"url": "http://127.0.0.1:9", "api_key": key}, "api_key") for key in UNSENDABLE_KEYS],
])
def test_a_connection_check_of_an_unusable_url_or_key_gets_a_4xx_naming_it(
        api: Api, body: dict[str, str], field: str) -> None:
    response = api.post(f"{ADMIN}/test", body)

    assert response.status_code == _status_of(body[field]), response.text
    assert [error["field"] for error in response.json()["errors"]] == [field]


def test_the_connection_check_reports_the_version_or_the_exact_failure(api: Api,
                                                                        fake: FakeRadarr
                                                                        ) -> None:
    api.put(f"{ADMIN}/settings", _settings(fake))

    good = api.post(f"{ADMIN}/test").json()
    refused = api.post(f"{ADMIN}/test", {"api_key": "wrong"}).json()
    nobody = api.post(f"{ADMIN}/test", {"url": "http://127.0.0.1:9"}).json()

    assert (good["ok"], good["version"]) == (True, "5.14.0.9383")
    assert (refused["ok"], refused["reason"], refused["error"]) == (
        False, "refused", "Radarr refused the API key (HTTP 401)")
    assert (nobody["ok"], nobody["reason"]) == (False, "unreachable")


def test_a_full_sync_imports_radarr_s_movies_and_the_status_tells(api: Api,
                                                                   fake: FakeRadarr) -> None:
    api.put(f"{ADMIN}/settings", _settings(fake))

    accepted = api.post(f"{ADMIN}/sync", {"mode": "full"})
    status = api.get(f"{ADMIN}/status").json()

    assert accepted.status_code == 202 and accepted.json()["job_id"]
    assert api.titles() == sorted(f"Movie {n}" for n in range(1, 13))
    assert (status["last_sync"]["status"], status["last_sync"]["mode"],
            status["linked_movies"]) == ("succeeded", "full", 12)
    assert status["last_sync"]["counts"]["files_added"] == 12
    profiles = api.get(f"{ADMIN}/quality-profiles").json()["items"]
    folders = api.get(f"{ADMIN}/root-folders").json()["items"]
    assert [p["name"] for p in profiles] == ["Any", "HD-1080p"]
    assert [f["path"] for f in folders] == ["/movies"]


def test_radarr_endpoints_need_integrations_manage(api: Api) -> None:
    api.client.cookies.clear()  # logging in set a session cookie
    anonymous = api.client.get(f"{ADMIN}/status")
    with_the_webhook_key = api.client.get(f"{ADMIN}/status",
                                          headers={"X-Api-Key": api.webhook_key})
    assert (anonymous.status_code, with_the_webhook_key.status_code) == (401, 403)


def test_a_sync_before_settings_is_refused_with_the_reason(api: Api) -> None:
    response = api.post(f"{ADMIN}/sync")
    assert response.status_code == 422 and "not configured" in response.json()["detail"]


def test_webhooks_need_a_webhooks_key_and_apply_each_delivery_once(api: Api,
                                                                  fake: FakeRadarr) -> None:
    api.put(f"{ADMIN}/settings", _settings(fake))
    library = RadarrLibrary()
    library.add(501, "Heat", 1995, 949, imdb_id="tt0113277", with_file=False)
    payload = radarr_sends.download(library.movies[501],
                                    library.give_file(501, "Heat (1995).mkv"))

    wrong = api.hook(payload, key="rv_wrong")
    first = api.hook(payload)
    replay = api.hook(payload)
    test = api.hook(radarr_sends.connection_test())
    broken = api.client.post("/api/v1/webhooks/radarr", content=b"{nope",
                             headers={"X-Api-Key": api.webhook_key})

    assert wrong.status_code == 401
    assert (first.status_code, first.json()["duplicate"]) == (202, False)
    assert (replay.status_code, replay.json()) == (200, {"event_type": "Download",
                                                         "duplicate": True, "job_id": None})
    assert test.status_code == 200 and broken.status_code == 422
    assert api.titles().count("Heat") == 1


def test_the_emby_endpoints_answer_radarr_s_requests_and_rescan(api: Api, fake: FakeRadarr,
                                                                 tmp_path: Path) -> None:
    media = tmp_path / "media"
    folder = media / "Heat (1995)"
    folder.mkdir(parents=True)
    (folder / "Heat (1995).mkv").write_bytes(b"\0" * 4096)
    created = api.post("/api/v1/admin/libraries", {"name": "Movies", "paths": [str(media)]})
    assert created.status_code == 201, created.text
    movie = {"title": "Heat", "year": 1995, "tmdbId": 949, "path": str(folder)}
    (folder / "Heat (1995) 2160p.mkv").write_bytes(b"\1" * 4096)

    sent = radarr_emby.notify(api.client, api.webhook_key, movie, "Created")
    test = radarr_emby.admin_notification(api.client, api.webhook_key)
    wrong = radarr_emby.admin_notification(api.client, "rv_wrong")

    assert [r.status_code for r in sent] == [204] and test.status_code == 204
    assert wrong.status_code == 401
    (heat,) = api.get("/api/v1/movies", params={"limit": 10}).json()["items"]
    files = api.get(f"/api/v1/movies/{heat['id']}/files").json()
    assert sorted(Path(f["path"]).name for f in files["items"]) == [
        "Heat (1995) 2160p.mkv", "Heat (1995).mkv"]


@pytest.mark.parametrize("years", ["99999999999999999999", "²", "1995,abc", "-1"])
def test_an_emby_items_year_filter_that_is_no_year_gets_a_4xx_naming_it(api: Api,
                                                                          years: str) -> None:
    answer = api.client.get("/Items", headers={"X-MediaBrowser-Token": api.webhook_key},
                            params={"IncludeItemTypes": "Movie", "Years": years})

    assert answer.status_code in (400, 422) and "years" in answer.text
