"""Syncing with Radarr through the use case, on in-memory twins."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revenge.application.radarr.sync_radarr import SyncRadarrCommand
from revenge.domain.radarr.errors import RadarrNotConfigured, RadarrRefused
from revenge.domain.radarr.model import HistoryRecord
from tests.unit.radarr.support import T0, World, fixture_movie

FULL = SyncRadarrCommand(mode="full")
INCREMENTAL = SyncRadarrCommand(mode="incremental")


async def test_a_full_sync_imports_every_radarr_movie_with_a_file_at_its_mapped_path(
) -> None:
    world = World()
    await world.configure()
    world.radarr.put(*(fixture_movie(n) for n in range(1, 21)), fixture_movie(99, with_file=False))

    report = await world.sync().execute(FULL)

    movies, files = world.catalog()
    assert (report.mode, report.movies_created, report.files_added) == ("full", 20, 20)
    assert len(movies) == 20 and len(files) == 20
    assert {f.path for f in files.values()} == {
        f"/media/movies/Movie {n} ({1950 + n})/Movie {n} ({1950 + n}).mkv" for n in range(1, 21)}
    assert {m.tmdb_id for m in movies.values()} == {10_000 + n for n in range(1, 21)}


async def test_a_second_full_sync_of_an_unchanged_radarr_writes_nothing() -> None:
    world = World()
    await world.configure()
    world.radarr.put(*(fixture_movie(n) for n in range(1, 11)))
    await world.sync().execute(FULL)
    before = (dict(world.catalog()[0]), dict(world.catalog()[1]), len(world.jobs()))

    again = await world.sync().execute(FULL)

    assert again.writes == 0 and again.examined == 10
    assert (dict(world.catalog()[0]), dict(world.catalog()[1]), len(world.jobs())) == before


async def test_an_incremental_sync_touches_only_the_movies_added_since() -> None:
    world = World()
    await world.configure()
    world.radarr.put(*(fixture_movie(n) for n in range(1, 11)))
    await world.sync().execute(FULL)
    world.radarr.put(*(fixture_movie(n, added=T0 + timedelta(hours=1)) for n in (11, 12, 13)))

    report = await world.sync().execute(INCREMENTAL)

    assert (report.mode, report.examined, report.movies_created, report.files_added) == (
        "incremental", 3, 3, 3)
    assert "history_since" in world.radarr.calls


async def test_an_incremental_sync_sees_a_file_radarr_deleted_through_its_history() -> None:
    world = World()
    await world.configure()
    world.radarr.put(*(fixture_movie(n) for n in range(1, 4)))
    await world.sync().execute(FULL)
    world.radarr.without_file(2)
    world.radarr.history.append(HistoryRecord(movie_id=2, event_type="movieFileDeleted",
                                              date=T0 + timedelta(minutes=5)))

    report = await world.sync().execute(INCREMENTAL)

    assert (report.examined, report.files_missing) == (1, 1)
    movies, _ = world.catalog()
    assert [m.missing for m in movies.values() if m.tmdb_id == 10_002] == [True]


async def test_the_first_incremental_sync_is_a_full_one() -> None:
    world = World()
    await world.configure()
    world.radarr.put(fixture_movie(1))

    assert (await world.sync().execute(INCREMENTAL)).mode == "full"


async def test_new_movies_are_sent_to_matching_and_indexing() -> None:
    world = World()
    await world.configure()
    world.radarr.put(fixture_movie(1))

    await world.sync().execute(FULL)

    names = sorted(job["name"] for job in world.jobs())
    assert names == ["match_movie", "search.index_movie"]


async def test_a_sync_without_settings_is_refused_and_a_refused_key_is_recorded() -> None:
    world = World()
    with pytest.raises(RadarrNotConfigured):
        await world.sync().execute(FULL)
    await world.configure()
    world.radarr.api_key = "rotated-in-radarr"

    with pytest.raises(RadarrRefused):
        await world.sync().execute(FULL)

    status = await world.queries().status()
    assert (status.state.last_status, status.state.last_error) == (
        "failed", "Radarr refused the API key (HTTP 401)")


async def test_a_successful_sync_records_its_counts_version_and_watermark() -> None:
    world = World()
    await world.configure()
    world.radarr.put(fixture_movie(1, added=T0 - timedelta(days=2)))

    await world.sync().execute(FULL)

    state = (await world.queries().status()).state
    assert (state.last_status, state.last_mode, state.radarr_version) == (
        "succeeded", "full", world.radarr.version)
    assert state.watermark == T0 - timedelta(days=2)
    assert state.last_counts["files_added"] == 1
