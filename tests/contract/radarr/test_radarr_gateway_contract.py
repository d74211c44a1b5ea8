"""The Radarr gateway: HTTP against the fake Radarr and the in-memory twin give the same
domain answers for the same library."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from typing import Protocol

import pytest

from revenge.adapters.memory.radarr_gateway import InMemoryRadarr
from revenge.adapters.radarr.client import RadarrClientSettings
from revenge.adapters.radarr.gateway import HttpRadarrConnector
from revenge.application.radarr.ports import RadarrGateway
from revenge.domain.errors import NotFound, Unavailable
from revenge.domain.radarr.errors import RadarrRefused
from revenge.domain.radarr.model import (
    HistoryRecord,
    QualityProfile,
    RadarrFile,
    RadarrMovie,
    Tag,
)
from tests.fakes.radarr import API_KEY, FakeRadarr, RadarrLibrary

ADDED = datetime(2024, 3, 1, 10, 0, tzinfo=UTC)
FAST = RadarrClientSettings(timeout_seconds=2, attempts=2, base_wait_seconds=0.01)
# (radarr id, title, year, tmdb id, imdb id, file name)
MOVIES = [(1, "Heat", 1995, 949, "tt0113277", "Heat (1995) Bluray-1080p.mkv"),
          (2, "Alien", 1979, 348, None, "Alien (1979) Bluray-1080p.mkv"),
          (3, "Dune Part Two", 2024, 693134, "tt15239678", None)]


class Connector(Protocol):
    def connect(self, url: str, api_key: str
                ) -> AbstractAsyncContextManager[RadarrGateway]: ...


def _fake_library() -> RadarrLibrary:
    library = RadarrLibrary()
    for radarr_id, title, year, tmdb, imdb, name in MOVIES:
        library.add(radarr_id, title, year, tmdb, imdb_id=imdb, with_file=False, added=ADDED)
        if name:
            library.give_file(radarr_id, name, size=1000 + radarr_id,
                              added=ADDED + timedelta(hours=radarr_id))
    return library


def _memory_radarr(url: str) -> InMemoryRadarr:
    radarr = InMemoryRadarr(url=url, api_key=API_KEY)
    radarr.tag_list = [Tag(1, "4k")]
    for radarr_id, title, year, tmdb, imdb, name in MOVIES:
        folder = f"/movies/{title} ({year})"
        added = ADDED + timedelta(hours=radarr_id)
        file = RadarrFile(radarr_id=len(radarr.history) + 1, path=f"{folder}/{name}",
                          size=1000 + radarr_id, date_added=added,
                          quality="Bluray-1080p") if name else None
        if name:
            radarr.history.append(HistoryRecord(movie_id=radarr_id, date=added,
                                                event_type="downloadFolderImported"))
        radarr.put(RadarrMovie(radarr_id=radarr_id, title=title, year=year,
                               original_title=title, tmdb_id=tmdb, imdb_id=imdb,
                               folder=folder, added=ADDED, file=file))
    return radarr


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeRadarr]:
    with FakeRadarr(_fake_library()) as radarr:
        yield radarr


@pytest.fixture(params=["http", "memory"])
def connector(request: pytest.FixtureRequest, fake: FakeRadarr) -> Connector:
    if request.param == "http":
        return HttpRadarrConnector(FAST)
    return _memory_radarr(fake.url)


@pytest.fixture
async def radarr(connector: Connector, fake: FakeRadarr) -> AsyncIterator[RadarrGateway]:
    async with connector.connect(fake.url, API_KEY) as gateway:
        yield gateway


async def test_status_names_radarr_and_its_version(radarr: RadarrGateway) -> None:
    status = await radarr.system_status()
    assert (status.app_name, status.version) == ("Radarr", "5.14.0.9383")


async def test_movies_come_with_their_files_and_without_ids_radarr_lacks(
        radarr: RadarrGateway) -> None:
    movies = {m.radarr_id: m for m in await radarr.movies()}

    assert sorted(movies) == [1, 2, 3]
    heat, alien, dune = movies[1], movies[2], movies[3]
    assert (heat.title, heat.year, heat.tmdb_id, heat.imdb_id) == ("Heat", 1995, 949,
                                                                   "tt0113277")
    assert heat.file is not None and heat.file.path == (
        "/movies/Heat (1995)/Heat (1995) Bluray-1080p.mkv")
    assert (heat.file.size, heat.file.date_added, heat.file.quality) == (
        1001, ADDED + timedelta(hours=1), "Bluray-1080p")
    assert alien.imdb_id is None and dune.file is None
    assert heat.changed_at == ADDED + timedelta(hours=1)


async def test_one_movie_and_its_files_and_an_unknown_one(radarr: RadarrGateway) -> None:
    assert (await radarr.movie(2)).title == "Alien"
    assert [f.size for f in await radarr.movie_files(2)] == [1002]
    assert await radarr.movie_files(3) == []
    with pytest.raises(NotFound):
        await radarr.movie(404)


async def test_profiles_root_folders_and_tags(radarr: RadarrGateway) -> None:
    assert await radarr.quality_profiles() == [QualityProfile(1, "Any"),
                                               QualityProfile(4, "HD-1080p")]
    assert [(f.id, f.path, f.accessible) for f in await radarr.root_folders()] == [
        (1, "/movies", True)]
    assert await radarr.tags() == [Tag(1, "4k")]


async def test_history_since_a_time_is_oldest_first(radarr: RadarrGateway) -> None:
    records = await radarr.history_since(ADDED + timedelta(hours=2))
    assert [(r.movie_id, r.event_type) for r in records] == [(2, "downloadFolderImported")]


async def test_commands_run_and_complete(radarr: RadarrGateway) -> None:
    started = await radarr.run_command("RefreshMovie", [1])
    finished = await radarr.command(started.id)
    assert (finished.name, finished.finished) == ("RefreshMovie", True)
    with pytest.raises(NotFound):
        await radarr.command(9999)


async def test_a_wrong_key_is_refused(connector: Connector, fake: FakeRadarr) -> None:
    with pytest.raises(RadarrRefused, match="HTTP 401"):
        async with connector.connect(fake.url, "wrong") as radarr:
            await radarr.system_status()


async def test_nobody_listening_is_unavailable(connector: Connector) -> None:
    with pytest.raises(Unavailable):
        async with connector.connect("http://127.0.0.1:9", API_KEY) as radarr:
            await radarr.system_status()


