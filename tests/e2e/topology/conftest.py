"""The scaled-out stack for the topology tests (module-scoped: started once, ~15 s)."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import fresh_database
from tests.e2e.identity.conftest import PASSWORD
from tests.e2e.topology.cluster import Cluster, deployment_environment, running_cluster
from tests.fixtures.media import H264_AAC_MP4, generate
from tests.support.redis_db import private_redis

pytestmark = pytest.mark.e2e

# A remux (H.264 in Matroska: browsers want MP4) whose ladder also offers a transcoded
# rendition, with an embedded subtitle: 10 segments of 2 s.
FEATURE = dataclasses.replace(H264_AAC_MP4, name="Feature.2001.mkv", container="matroska",
                              duration=20.0, subtitles=("eng",), extra=[])
SHORT = dataclasses.replace(H264_AAC_MP4, name="Short.2002.mp4")


@dataclass
class Stack:
    cluster: Cluster
    api: httpx.Client
    auth: dict[str, str]
    movies: dict[str, str]  # title -> id
    files: dict[str, Path]

    def login(self) -> dict[str, str]:
        response = self.api.post("/api/v1/auth/login",
                                 json={"username": "root", "password": PASSWORD})
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}


def eventually(check: Callable[[], Any], timeout: float = 60.0, every: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(every)


def _media(root: Path) -> dict[str, Path]:
    files = {}
    for title, spec in (("Feature", FEATURE), ("Short", SHORT)):
        folder = root / f"{title} ({spec.name.split('.')[1]})"
        folder.mkdir(parents=True)
        files[title] = generate(spec, folder)
    return files


@pytest.fixture(scope="module")
def stack(postgres_server_url: str, redis_url: str, typesense: tuple[str, str],
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    run_dir = tmp_path_factory.mktemp("topology")
    files = _media(run_dir / "media")
    with fresh_database(postgres_server_url, "revenge_topology") as database_url:
        env = deployment_environment(database_url, private_redis(redis_url), typesense,
                                     run_dir / "data")
        with running_cluster(env, run_dir / "data", run_dir) as cluster, cluster.client() as api:
            try:
                yield _prepared(cluster, api, files, run_dir / "media")
            except BaseException:
                print(cluster.logs())  # shown with the failure
                raise


def _prepared(cluster: Cluster, api: httpx.Client, files: dict[str, Path],
              media: Path) -> Stack:
    registered = api.post("/api/v1/auth/register", json={
        "username": "root", "email": "root@example.org", "password": PASSWORD})
    assert registered.status_code == 201, registered.text
    stack = Stack(cluster, api, {}, {}, files)
    stack.auth = stack.login()
    created = api.post("/api/v1/admin/libraries", headers=stack.auth,
                       json={"name": "Movies", "paths": [str(media)]})
    assert created.status_code == 201, created.text

    def listed() -> dict[str, str] | None:
        items = api.get("/api/v1/movies", headers=stack.auth).json()["items"]
        found = {m["title"]: m["id"] for m in items}
        return found if {"Feature", "Short"} <= set(found) else None

    movies = eventually(listed)
    assert movies, f"the scan did not list the movies:\n{cluster.logs()}"
    stack.movies = movies
    return stack
