"""A real `revenge http` + `revenge worker` on a database of their own, with a fake TMDb,
an admin, and a library of generated clips that the worker scanned, matched and probed:
what a Jellyfin app finds when it connects."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from revenge.testing.fake_tmdb.server import API_KEY, FakeTmdb
from tests.e2e.conftest import LiveServer, fresh_database, live_server_environment, start_server
from tests.e2e.identity.conftest import PASSWORD, Account, client_for, log_in
from tests.e2e.library.conftest import eventually
from tests.fixtures.media import H264_AAC_MP4, HEVC_AC3_MKV, MediaSpec, generate
from tests.support.redis_db import private_redis

pytestmark = pytest.mark.e2e

# (folder, spec): an MP4 every app plays directly, an HEVC/AC-3 Matroska that browsers
# cannot (HLS), and a third for sorting; Alien has a trailer and a featurette beside it.
SHORT = dataclasses.replace(H264_AAC_MP4, duration=2.0)
CLIPS: tuple[tuple[str, MediaSpec], ...] = (
    ("Alien (1979)/Alien.1979.mp4", H264_AAC_MP4),
    ("Alien (1979)/Alien.1979-trailer.mp4", SHORT),
    ("Alien (1979)/Featurettes/Making Alien.mp4", SHORT),
    ("The Matrix (1999)/The.Matrix.1999.mkv", HEVC_AC3_MKV),
    ("Inception (2010)/Inception.2010.mp4", dataclasses.replace(H264_AAC_MP4, duration=4.0)),
)
TITLES = ("Alien", "Inception", "The Matrix")  # the "Movies" library
# A second library (a second view in the apps), with one movie of its own.
SEQUELS: tuple[tuple[str, MediaSpec], ...] = (("Aliens (1986)/Aliens.1986.mp4", SHORT),)
SEQUEL_TITLES = ("Aliens",)


@dataclass
class JellyfinStack:
    server: LiveServer
    admin: Account
    movies: dict[str, dict[str, Any]]  # by title, as /api/v1/movies lists them
    libraries: dict[str, str]  # name -> id

    def api(self) -> httpx.Client:
        return client_for(self.server)


@pytest.fixture(scope="package")
def jellyfin_stack(postgres_server_url: str, redis_url: str,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[JellyfinStack]:
    media = _folder(tmp_path_factory, "jellyfin-library", CLIPS)
    sequels = _folder(tmp_path_factory, "jellyfin-sequels", SEQUELS)
    data_dir = tmp_path_factory.mktemp("jellyfin-stack")
    with FakeTmdb() as tmdb, fresh_database(postgres_server_url, "revenge_jf") as database:
        settings = {"REVENGE_TMDB_API_KEY": API_KEY, "REVENGE_TMDB_BASE_URL": tmdb.base_url,
                    "REVENGE_RESUME_MIN_SECONDS": "1"}  # the clips last seconds
        queue = private_redis(redis_url)
        with start_server(database, queue, data_dir, **settings) as server, \
                _worker(database, queue, data_dir, settings) as _:
            with client_for(server) as api:
                admin = _admin(api)
                libraries = {"Movies": _library(api, admin, "Movies", media),
                             "Sequels": _library(api, admin, "Sequels", sequels)}
                movies = _scanned(api, admin)
            yield JellyfinStack(server, admin, movies, libraries)


def _folder(tmp_path_factory: pytest.TempPathFactory, name: str,
            clips: tuple[tuple[str, MediaSpec], ...]) -> Path:
    folder = tmp_path_factory.mktemp(name)
    for relative, spec in clips:
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        made = generate(spec, tmp_path_factory.mktemp("clip"))  # beside its scratch files
        made.rename(folder / relative)
    return folder


class _worker:
    def __init__(self, database: str, queue: str, data_dir: Path,
                 settings: dict[str, str]) -> None:
        self._env = live_server_environment(database, queue, data_dir, **settings)
        self._log = data_dir / "worker.log"

    def __enter__(self) -> subprocess.Popen[bytes]:
        with self._log.open("wb") as out:
            self.process = subprocess.Popen([sys.executable, "-m", "revenge", "worker"],
                                            env=self._env, stdout=out,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        return self.process

    def __exit__(self, *exc: object) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def _admin(api: httpx.Client) -> Account:
    response = api.post("/auth/register", json={
        "username": "root", "email": "root@example.org", "password": PASSWORD})
    assert response.status_code == 201, response.text
    return log_in(api, "root")


def _library(api: httpx.Client, admin: Account, name: str, folder: Path) -> str:
    created = api.post("/admin/libraries", headers=admin.auth,
                       json={"name": name, "paths": [str(folder)]})
    assert created.status_code == 201, created.text
    library_id: str = created.json()["id"]
    return library_id


def _scanned(api: httpx.Client, admin: Account) -> dict[str, Any]:
    """Once every movie is matched (a poster) and probed, and Alien's two extras found."""
    everything = tuple(sorted(TITLES + SEQUEL_TITLES))

    def ready() -> dict[str, Any] | None:
        listed = api.get("/movies", headers=admin.auth, params={"limit": 50}).json()["items"]
        movies = {m["title"]: m for m in listed}
        if tuple(sorted(movies)) != everything or not all(m["poster_path"] for m in listed):
            return None
        files = {m["title"]: api.get(f"/movies/{m['id']}/files",
                                     headers=admin.auth).json()["items"] for m in listed}
        probed = all(f and f[0]["probed_at"] for f in files.values())
        extras = sorted(f["extra_type"] for f in files["Alien"] if f["kind"] == "extra")
        return movies if probed and extras == ["featurette", "trailer"] else None

    found: dict[str, Any] = eventually(ready, timeout=180, every=0.5)
    return found
