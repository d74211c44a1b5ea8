"""Acceptance through HTTP on the memory profile, against the fake TMDb: a scanned
library ends matched (credits, genres, collection, poster variants on disk), an
ambiguous file stays unmatched with candidates, fix-match works, and the image
endpoint serves variants with ETags while refusing every path traversal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container
from revenge.entrypoints.http.app import create_app
from revenge.entrypoints.memory_profile import build_memory_container
from revenge.testing.fake_tmdb import FakeTmdb
from revenge.testing.fake_tmdb.server import API_KEY
from tests.support.first_admin import first_admin_headers

LIBRARY = [
    "The Matrix (1999)/The.Matrix.1999.1080p.BluRay.x264.mkv",
    "The Matrix Reloaded (2003)/The.Matrix.Reloaded.2003.mkv",
    "The Matrix Revolutions (2003)/The Matrix Revolutions (2003).mp4",
    "Amelie (2001)/Amelie.2001.DVDRip.avi",
    "Dune (1984)/Dune.1984.720p.mkv",
    "The Thing/The.Thing.mkv",
]


class Api:
    def __init__(self, client: TestClient[Litestar]) -> None:
        self.client = client
        self.headers = first_admin_headers(client)

    def get(self, path: str, **kwargs: Any) -> Any:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        return self.client.get(f"/api/v1{path}", headers=headers, **kwargs)

    def post(self, path: str, body: Any = None) -> Any:
        return self.client.post(f"/api/v1{path}", json=body, headers=self.headers)

    def movies(self) -> dict[tuple[str, int | None], dict[str, Any]]:
        """Every movie's details by (title, year)."""
        items = self.get("/movies", params={"limit": 200}).json()["items"]
        return {(m["title"], m["year"]): self.get(f"/movies/{m['id']}").json() for m in items}


@pytest.fixture(scope="module")
def scanned(fake_tmdb: FakeTmdb, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    data, media = tmp_path_factory.mktemp("data"), tmp_path_factory.mktemp("media")
    (data / "outside.jpg").write_text("secret outside the cache")
    for name in LIBRARY:
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(b"\0" * 2048)
    settings = Config(data_dir=str(data), tmdb_api_key=API_KEY,
                      tmdb_base_url=fake_tmdb.base_url)
    with TestClient(create_app(build_memory_container(settings))) as client:
        api = Api(client)
        library = api.post("/admin/libraries", {"name": "Movies", "paths": [str(media)]})
        assert library.status_code == 201, library.text
        assert api.post(f"/admin/libraries/{library.json()['id']}/scan").status_code == 202
        yield api, data


def test_a_scanned_library_is_matched_with_credits_genres_and_collections(scanned: Any) -> None:
    api, _ = scanned
    movies = api.movies()
    matrix = movies[("The Matrix", 1999)]
    assert matrix["tmdb_id"] == 603
    assert {k for k in movies} >= {("The Matrix Reloaded", 2003), ("Amélie", 2001),
                                   ("The Matrix Revolutions", 2003), ("Dune", 1984)}
    assert matrix["imdb_id"] == "tt0133093" and matrix["runtime_minutes"] == 136
    cast = api.get(f"/movies/{matrix['id']}/cast").json()["items"]
    assert cast[0]["name"] == "Keanu Reeves"
    genres = [g["name"] for g in api.get(f"/movies/{matrix['id']}/genres").json()["items"]]
    assert genres == ["Action", "Science Fiction"]
    similar = api.get(f"/movies/{matrix['id']}/similar").json()["items"]
    assert similar and {s["tmdb_id"] for s in similar if s["movie_id"]} <= {604, 605, 841}


def test_the_collection_holds_the_library_members_in_release_order(scanned: Any) -> None:
    api, _ = scanned
    matrix = api.movies()[("The Matrix", 1999)]
    [collection] = matrix["collections"]
    members = api.get(f"/collections/{collection['id']}/movies").json()["items"]
    assert [m["title"] for m in members] == ["The Matrix", "The Matrix Reloaded",
                                             "The Matrix Revolutions"]


def test_poster_variants_are_on_disk_after_the_scan(scanned: Any) -> None:
    _, data = scanned
    variants = {p.name for p in (data / "images" / "variants").rglob("*") if p.is_file()}
    assert {"w185.jpg", "w342.jpg", "w780.jpg", "w185.webp", "original.jpg"} <= variants
    indexed = list((data / "images" / "index" / "poster").glob("*.json"))
    assert len(indexed) >= 5


def test_an_ambiguous_file_stays_unmatched_with_candidates_until_fixed(scanned: Any) -> None:
    api, _ = scanned
    thing = api.movies()[("The Thing", None)]
    assert thing["tmdb_id"] is None
    candidates = api.get(f"/movies/{thing['id']}/match-candidates").json()["items"]
    assert [(c["tmdb_id"], c["year"]) for c in candidates] == [(1091, 1982), (60935, 2011)]
    fixed = api.post(f"/movies/{thing['id']}/match", {"tmdb_id": 1091})
    assert fixed.status_code == 200 and fixed.json()["status"] == "matched"
    detail = api.get(f"/movies/{thing['id']}").json()
    assert (detail["title"], detail["year"], detail["tmdb_id"]) == ("The Thing", 1982, 1091)
    assert api.get(f"/movies/{thing['id']}/match-candidates").json()["items"] == []


def test_fixing_a_match_to_an_id_we_have_merges_the_movies(scanned: Any) -> None:
    api, _ = scanned
    created = api.post("/movies", {"title": "Matrix, The", "year": 1999}).json()
    merged = api.post(f"/movies/{created['id']}/match", {"tmdb_id": 603}).json()
    assert merged["status"] == "merged"
    assert merged["movie_id"] == api.movies()[("The Matrix", 1999)]["id"]
    assert api.get(f"/movies/{created['id']}").status_code == 404


def test_fix_match_refuses_unknown_ids_and_bad_bodies(scanned: Any) -> None:
    api, _ = scanned
    dune = api.movies()[("Dune", 1984)]
    assert api.post(f"/movies/{dune['id']}/match", {"tmdb_id": 99999999}).status_code == 404
    assert api.post(f"/movies/{dune['id']}/match", {"tmdb_id": -1}).status_code == 400
    assert api.post(f"/movies/{dune['id']}/match", {}).status_code == 400


def test_provider_search_and_details_pass_through(scanned: Any) -> None:
    api, _ = scanned
    found = api.get("/metadata/search/movie", params={"q": "dune", "year": 2021}).json()
    assert [m["tmdb_id"] for m in found["items"]] == [438631]
    details = api.get("/metadata/movie/438631").json()
    assert details["collection"]["name"] == "Dune Collection"
    assert api.get("/metadata/movie/99999999").status_code == 404
    assert api.get("/metadata/search/movie").status_code == 400


def test_images_are_served_with_strong_etags_and_304s(scanned: Any) -> None:
    api, _ = scanned
    poster = api.movies()[("The Matrix", 1999)]["poster_path"]
    first = api.get(f"/images/poster{poster}", params={"size": "w342"})
    assert first.status_code == 200 and first.headers["content-type"] == "image/jpeg"
    assert "immutable" in first.headers["cache-control"]
    etag = first.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = api.get(f"/images/poster{poster}", params={"size": "w342"},
                    headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.content
    as_part = api.get(f"/images/poster/w342{poster}")
    assert as_part.status_code == 200 and as_part.headers["etag"] == etag
    webp = api.get(f"/images/poster/w185{poster}", headers={"Accept": "image/webp,*/*"})
    assert webp.headers["content-type"] == "image/webp" and webp.content[8:12] == b"WEBP"


@pytest.mark.parametrize("attack", [
    "/images/poster/../../outside.jpg",
    "/images/poster/%2e%2e%2f%2e%2e%2foutside.jpg",
    "/images/poster/%2e%2e/%2e%2e/outside.jpg",
    "/images/poster/..%5c..%5coutside.jpg",
    "/images/poster/..%2F..%2Foutside.jpg",
    "/images/poster//etc/passwd",
    "/images/poster/%2Fetc%2Fpasswd",
    "/images/poster/outside.jpg%00.png",
    "/images/poster/w342/../../../outside.jpg",
    "/images/..%2f..%2f/outside.jpg",
    "/images/poster/abc.jpg?size=../../outside",
])
def test_path_traversal_gets_a_4xx_and_reads_nothing_outside_the_cache(
        scanned: Any, attack: str) -> None:
    api, _ = scanned
    response = api.client.get(f"/api/v1{attack}", headers=api.headers)
    assert 400 <= response.status_code < 500
    assert b"secret outside the cache" not in response.content
    assert b"root:" not in response.content


def test_without_a_tmdb_key_the_provider_routes_say_it_is_not_configured(
        tmp_path: Path) -> None:
    with TestClient(create_app(build_container(Config(data_dir=str(tmp_path)),
                                               "memory"))) as client:
        api = Api(client)
        search = api.get("/metadata/search/movie", params={"q": "dune"})
        details = api.get("/metadata/movie/438631")

    for answer in (search, details):
        assert answer.status_code == 503 and "retry-after" not in answer.headers
        assert "REVENGE_TMDB_API_KEY" in answer.json()["detail"]
