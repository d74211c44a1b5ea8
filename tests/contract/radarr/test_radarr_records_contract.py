"""The Radarr repositories behave the same in memory and in PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import msgspec

from revenge.application.radarr.records import Delivery, DownloadState, SyncState
from revenge.domain.radarr.paths import PathMapping
from revenge.domain.radarr.settings import RadarrSettings
from revenge.domain.radarr.state import Link, SyncConflict
from tests.contract.radarr.conftest import NOW, Twin

SETTINGS = RadarrSettings(url="http://radarr:7878", api_key="v1.k.sealed",
                          path_mappings=(PathMapping("C:/Movies", "/media/movies"),),
                          sync_interval_minutes=60, enabled=True, updated_at=NOW)


async def test_settings_are_absent_then_saved_then_replaced(twin: Twin) -> None:
    async with twin.unit_of_work() as uow:
        assert await uow.settings.get() is None
        await uow.settings.save(SETTINGS)
        await uow.commit()
    changed = msgspec.structs.replace(SETTINGS, enabled=False, api_key=None)
    async with twin.unit_of_work() as uow:
        assert await uow.settings.get() == SETTINGS
        await uow.settings.save(changed)
        await uow.commit()
    async with twin.unit_of_work() as uow:
        assert await uow.settings.get() == changed


async def test_the_queries_read_the_saved_settings_outside_a_unit_of_work(twin: Twin) -> None:
    assert await twin.queries.settings() is None
    async with twin.unit_of_work() as uow:
        await uow.settings.save(SETTINGS)
        await uow.commit()
    assert await twin.queries.settings() == SETTINGS


async def test_a_unit_of_work_left_without_commit_changes_nothing(twin: Twin) -> None:
    async with twin.unit_of_work() as uow:
        await uow.settings.save(SETTINGS)
    async with twin.unit_of_work() as uow:
        assert await uow.settings.get() is None


async def test_sync_state_starts_empty_and_keeps_what_is_saved(twin: Twin) -> None:
    state = SyncState(watermark=NOW, last_mode="full", last_status="succeeded",
                      last_counts={"files_added": 3}, radarr_version="5.14")
    async with twin.unit_of_work() as uow:
        assert await uow.sync.lock() == SyncState()
        await uow.sync.save(state)
        await uow.commit()
    async with twin.unit_of_work() as uow:
        assert await uow.sync.lock() == state


async def test_a_sync_request_is_claimed_once_per_previous_value(twin: Twin) -> None:
    async with twin.unit_of_work() as uow:
        await uow.sync.lock()
        assert await uow.sync.claim_request(None, NOW)
        assert not await uow.sync.claim_request(None, NOW + timedelta(minutes=1))
        assert await uow.sync.claim_request(NOW, NOW + timedelta(minutes=2))
        await uow.commit()
    async with twin.unit_of_work() as uow:
        assert (await uow.sync.lock()).sync_requested_at == NOW + timedelta(minutes=2)


async def _movie(twin: Twin, movie_id: str) -> None:
    from revenge.domain.catalog.movie import MovieFields, new_movie

    async with twin.unit_of_work() as uow:
        await uow.catalog.add_movies([new_movie(movie_id, MovieFields(title="Heat"), NOW)])
        await uow.commit()


async def test_links_are_saved_replaced_found_and_removed(twin: Twin) -> None:
    movie_id = "01950000-0000-7000-8000-000000000001"
    await _movie(twin, movie_id)
    first = Link(radarr_movie_id=7, movie_id=movie_id, tmdb_id=949, radarr_file_id=3,
                 remote_path="C:\\Movies\\Heat.mkv", local_path="/media/movies/Heat.mkv")
    async with twin.unit_of_work() as uow:
        await uow.links.save([first], NOW)
        await uow.links.save([msgspec.structs.replace(first, radarr_file_id=4)], NOW)
        await uow.commit()
    async with twin.unit_of_work() as uow:
        assert [x.radarr_file_id for x in await uow.links.for_radarr(None)] == [4]
        assert await uow.links.for_radarr([8]) == []
        assert [x.radarr_movie_id for x in await uow.links.for_paths(
            ["/media/movies/Heat.mkv"])] == [7]
        await uow.links.remove([7])
        await uow.commit()
    async with twin.unit_of_work() as uow:
        assert await uow.links.for_radarr(None) == []


async def test_a_conflict_replaced_keeps_its_opening_time_and_closes_by_key(twin: Twin
                                                                            ) -> None:
    conflict = SyncConflict(kind="path_mismatch", radarr_movie_id=7, detail="first",
                            radarr_path="/a.mkv", our_paths=("/b.mkv",))
    async with twin.unit_of_work() as uow:
        await uow.conflicts.save([conflict], NOW)
        await uow.conflicts.save([msgspec.structs.replace(conflict, detail="second")],
                                 NOW + timedelta(hours=1))
        await uow.commit()
    (stored,) = await twin.queries.conflicts()
    assert (stored.conflict.detail, stored.opened_at) == ("second", NOW)
    async with twin.unit_of_work() as uow:
        assert await uow.conflicts.open_for([7]) == [
            msgspec.structs.replace(conflict, detail="second")]
        assert await uow.conflicts.open_for([8]) == []
        await uow.conflicts.close([conflict.key])
        await uow.commit()
    assert await twin.queries.conflicts() == []


def _delivery(key: str) -> Delivery:
    return Delivery(key=key, event_type="Grab", summary="Grab - Heat (1995)",
                    event=b'{"kind":"Grab"}', received_at=NOW, radarr_movie_id=7)


async def test_a_delivery_is_recorded_once_and_marked_applied(twin: Twin) -> None:
    async with twin.unit_of_work() as uow:
        assert await uow.deliveries.add(_delivery("k1"))
        assert not await uow.deliveries.add(_delivery("k1"))
        await uow.deliveries.set_job("k1", "job-1")
        await uow.deliveries.mark_applied("k1", NOW, {"event": "Grab", "files_added": 0})
        await uow.commit()
    async with twin.unit_of_work() as uow:
        stored = await uow.deliveries.get("k1")
    assert (stored.job_id, stored.applied_at, stored.outcome) == (
        "job-1", NOW, {"event": "Grab", "files_added": 0})
    assert msgspec.json.decode(stored.event) == {"kind": "Grab"}


async def test_an_unknown_delivery_is_not_found(twin: Twin) -> None:
    import pytest

    from revenge.domain.errors import NotFound

    async with twin.unit_of_work() as uow:
        with pytest.raises(NotFound):
            await uow.deliveries.get("missing")


async def test_the_status_counts_links_conflicts_downloads_and_lists_deliveries(
        twin: Twin) -> None:
    async with twin.unit_of_work() as uow:
        await uow.settings.save(SETTINGS)
        await uow.downloads.save(DownloadState(radarr_movie_id=7, title="Heat",
                                               status="downloading", updated_at=NOW))
        await uow.downloads.save(DownloadState(radarr_movie_id=8, title="Alien",
                                               status="imported", updated_at=NOW))
        await uow.deliveries.add(_delivery("old"))
        await uow.deliveries.add(msgspec.structs.replace(
            _delivery("new"), received_at=NOW + timedelta(seconds=1)))
        await uow.conflicts.save([SyncConflict(kind="unmapped_path", radarr_movie_id=9,
                                               detail="x")], NOW)
        await uow.commit()

    status = await twin.queries.status(deliveries=1)

    assert (status.configured, status.enabled, status.open_conflicts, status.downloading,
            status.linked_movies) == (True, True, 1, 1, 0)
    assert [d.key for d in status.recent_deliveries] == ["new"]
