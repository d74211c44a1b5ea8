"""Libraries: stored, found by name in any case, unique names, compare-and-set scans."""

from __future__ import annotations

from datetime import timedelta

import msgspec
import pytest

from revenge.domain.errors import Conflict, NotFound
from revenge.domain.library.library import Library, LibrarySettings, new_library
from tests.contract.library.conftest import NOW, Twin, new_id


def library(name: str = "Movies", paths: tuple[str, ...] = ("/media/movies",)) -> Library:
    return new_library(new_id(), LibrarySettings(name=name, paths=paths,
                                                 scan_interval_minutes=60, watch=True), NOW)


async def add(twin: Twin, *libraries: Library) -> None:
    async with twin.unit_of_work() as uow:
        for item in libraries:
            await uow.libraries.add(item)
        await uow.commit()


async def test_a_library_reads_back_as_stored(twin: Twin) -> None:
    stored = library(paths=("/a", "/b"))
    await add(twin, stored)

    async with twin.unit_of_work() as uow:
        assert await uow.libraries.get(stored.id) == stored
        assert await uow.libraries.find_by_name("MOVIES") == stored
        assert await uow.libraries.list() == [stored]


async def test_libraries_list_by_name(twin: Twin) -> None:
    await add(twin, library("b", ("/b",)), library("A", ("/a",)), library("c", ("/c",)))

    async with twin.unit_of_work() as uow:
        assert [lib.name for lib in await uow.libraries.list()] == ["A", "b", "c"]


@pytest.mark.parametrize("library_id", ["0190f0e0-0000-7000-8000-000000000000", "nope"])
async def test_an_unknown_or_malformed_id_is_not_found(twin: Twin, library_id: str) -> None:
    async with twin.unit_of_work() as uow:
        with pytest.raises(NotFound):
            await uow.libraries.get(library_id)


async def test_a_name_is_taken_in_any_case(twin: Twin) -> None:
    await add(twin, library("Movies"))

    with pytest.raises(Conflict) as raised:
        await add(twin, library("mOVIES", ("/other",)))
    assert raised.value.field == "name"


async def test_an_update_replaces_the_settings(twin: Twin) -> None:
    stored = library()
    await add(twin, stored)
    changed = msgspec.structs.replace(stored, name="Films", paths=("/x",), watch=False,
                                      scan_interval_minutes=None,
                                      follow_symlinks_outside=True)

    async with twin.unit_of_work() as uow:
        await uow.libraries.update(changed)
        await uow.commit()

    async with twin.unit_of_work() as uow:
        assert await uow.libraries.get(stored.id) == changed


async def test_a_removed_library_is_gone(twin: Twin) -> None:
    stored = library()
    await add(twin, stored)

    async with twin.unit_of_work() as uow:
        await uow.libraries.remove(stored.id)
        await uow.commit()

    async with twin.unit_of_work() as uow:
        assert await uow.libraries.list() == []


async def test_claiming_a_scan_succeeds_only_from_the_time_last_seen(twin: Twin) -> None:
    stored = library()
    await add(twin, stored)
    later = NOW + timedelta(hours=1)

    async with twin.unit_of_work() as uow:
        assert await uow.libraries.claim_scan(stored.id, None, later)
        assert not await uow.libraries.claim_scan(stored.id, None, later)
        await uow.commit()

    async with twin.unit_of_work() as uow:
        assert (await uow.libraries.get(stored.id)).scan_requested_at == later
        assert await uow.libraries.claim_scan(stored.id, later, later + timedelta(hours=1))


async def test_nothing_is_stored_without_commit(twin: Twin) -> None:
    async with twin.unit_of_work() as uow:
        await uow.libraries.add(library())

    async with twin.unit_of_work() as uow:
        assert await uow.libraries.list() == []
