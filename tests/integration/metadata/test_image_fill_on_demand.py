"""A poster the matcher could not fetch (the image host misbehaved at match time) is
fetched on its first request, and then recorded like any other: the movie list carries
its blurhash, which the grid paints while the poster loads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from revenge.entrypoints.config import Config
from revenge.entrypoints.http.app import create_app
from revenge.entrypoints.memory_profile import build_memory_container
from revenge.testing.fake_tmdb import FakeTmdb
from revenge.testing.fake_tmdb.server import API_KEY
from tests.support.first_admin import first_admin_headers


@pytest.fixture
def fake_tmdb() -> Iterator[FakeTmdb]:
    with FakeTmdb() as fake:
        yield fake


def _movies(client: TestClient[Any], headers: dict[str, str]) -> list[dict[str, Any]]:
    reply = client.get("/api/v1/movies", params={"limit": 50}, headers=headers)
    assert reply.status_code == 200, reply.text
    items: list[dict[str, Any]] = reply.json()["items"]
    return items


def test_a_poster_missed_at_match_time_is_recorded_with_its_blurhash_on_first_view(
        fake_tmdb: FakeTmdb, tmp_path: Path) -> None:
    media = tmp_path / "media"
    (media / "The Matrix (1999)").mkdir(parents=True)
    (media / "The Matrix (1999)" / "The.Matrix.1999.mkv").write_bytes(b"\0" * 2048)
    # Every image answer is a redirect, which the downloader refuses: nothing is cached.
    fake_tmdb.redirect_images_to = "http://127.0.0.1:9"
    settings = Config(data_dir=str(tmp_path / "data"), tmdb_api_key=API_KEY,
                      tmdb_base_url=fake_tmdb.base_url)
    with TestClient(create_app(build_memory_container(settings))) as client:
        headers = first_admin_headers(client)
        library = client.post("/api/v1/admin/libraries", headers=headers,
                              json={"name": "Movies", "paths": [str(media)]})
        assert library.status_code == 201, library.text
        client.post(f"/api/v1/admin/libraries/{library.json()['id']}/scan", headers=headers)
        [movie] = _movies(client, headers)
        assert movie["poster_path"] and movie["poster_blurhash"] is None
        assert not list((tmp_path / "data" / "images").rglob("*.json"))

        fake_tmdb.redirect_images_to = None
        poster = client.get(f"/api/v1/images/poster/w342{movie['poster_path']}",
                            headers=headers)
        assert poster.status_code == 200 and poster.headers["content-type"] == "image/jpeg"

        [movie] = _movies(client, headers)
        assert movie["poster_blurhash"] and len(movie["poster_blurhash"]) >= 6
