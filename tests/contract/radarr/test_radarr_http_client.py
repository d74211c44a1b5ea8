"""What only the HTTP gateway does, against the fake Radarr: retries of transient
failures, clear errors for answers that are not Radarr's, tolerance of the JSON Radarr
really writes (fields missing, extra, Windows paths)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from revenge.adapters.radarr.client import RadarrClientSettings
from revenge.adapters.radarr.gateway import HttpRadarrConnector
from revenge.domain.errors import Unavailable
from revenge.domain.radarr.errors import RadarrBadAnswer
from tests.fakes.radarr import API_KEY, FakeRadarr, RadarrLibrary

FAST = RadarrClientSettings(timeout_seconds=2, attempts=3, base_wait_seconds=0.01,
                            max_wait_seconds=0.05)


@pytest.fixture
def fake() -> Iterator[FakeRadarr]:
    library = RadarrLibrary()
    library.add(1, "Heat", 1995, 949)
    with FakeRadarr(library) as radarr:
        yield radarr


async def test_a_few_5xx_answers_are_retried_until_one_succeeds(fake: FakeRadarr) -> None:
    fake.fail_next(503, times=2)

    async with HttpRadarrConnector(FAST).connect(fake.url, API_KEY) as radarr:
        assert [m.title for m in await radarr.movies()] == ["Heat"]
    assert [p for _, p in fake.requests].count("/api/v3/movie") == 3


async def test_5xx_answers_past_the_attempts_are_unavailable(fake: FakeRadarr) -> None:
    fake.fail_next(500, times=5)

    with pytest.raises(Unavailable, match="HTTP 500"):
        async with HttpRadarrConnector(FAST).connect(fake.url, API_KEY) as radarr:
            await radarr.movies()


async def test_a_command_is_not_sent_twice_after_a_5xx(fake: FakeRadarr) -> None:
    fake.fail_next(502)

    with pytest.raises(Unavailable):
        async with HttpRadarrConnector(FAST).connect(fake.url, API_KEY) as radarr:
            await radarr.run_command("RescanMovie", [1])
    assert [m for m, _ in fake.requests].count("POST") == 1


async def test_a_url_that_is_not_radarr_s_api_is_a_clear_error(fake: FakeRadarr) -> None:
    with pytest.raises(Exception, match="HTTP 404"):
        async with HttpRadarrConnector(FAST).connect(fake.url + "/wrong-base",
                                                     API_KEY) as radarr:
            await radarr.system_status()


def _transport(answer: Callable[[httpx.Request], httpx.Response]) -> HttpRadarrConnector:
    return HttpRadarrConnector(FAST, transport=httpx.MockTransport(answer))


@pytest.mark.parametrize(("content", "message"), [
    (b"<html>Radarr</html>", "not JSON"),
    (b'{"id": "one"}', "not what Radarr sends"),
])
async def test_answers_that_are_not_radarr_s_json_are_bad_answers(content: bytes,
                                                                  message: str) -> None:
    connector = _transport(lambda request: httpx.Response(200, content=content))
    with pytest.raises(RadarrBadAnswer, match=message):
        async with connector.connect("http://radarr", API_KEY) as radarr:
            await radarr.movie(1)


def _movie(**fields: Any) -> httpx.Response:
    return httpx.Response(200, json=[{"id": 1, **fields}])


async def test_minimal_and_extra_fields_are_both_read() -> None:
    connector = _transport(lambda request: _movie(somethingNew={"x": 1}))
    async with connector.connect("http://radarr", API_KEY) as radarr:
        (movie,) = await radarr.movies()
    assert (movie.radarr_id, movie.title, movie.tmdb_id, movie.file) == (1, "", None, None)


async def test_a_windows_file_without_a_full_path_is_joined_with_backslashes() -> None:
    connector = _transport(lambda request: _movie(
        title="Heat", path="C:\\Movies\\Heat (1995)", hasFile=True, tmdbId=949,
        added="0001-01-01T00:00:00Z",
        movieFile={"id": 3, "relativePath": "Heat.mkv", "size": 5,
                   "dateAdded": "2024-05-01T10:00:00.1234567Z"}))
    async with connector.connect("http://radarr", API_KEY) as radarr:
        (movie,) = await radarr.movies()
    assert movie.file is not None and movie.file.path == "C:\\Movies\\Heat (1995)\\Heat.mkv"
    assert movie.added is None and movie.file.date_added is not None


async def test_every_request_carries_the_api_key_header() -> None:
    seen: list[str | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("x-api-key"))
        return httpx.Response(200, json={"appName": "Radarr", "version": "5.0"})

    async with _transport(answer).connect("http://radarr/radarr/", "k3y") as radarr:
        await radarr.system_status()
    assert seen == ["k3y"]
