"""The administrators' library reports: the same counts, unmatched movies and skipped
files from memory and PostgreSQL."""

from __future__ import annotations

import pytest

from revenge.application.library.queries import LibraryCounts, UnmatchedMovie
from revenge.application.library.records import SkippedFile
from tests.contract.library.conftest import NOW, Twin
from tests.contract.library.test_library_files_contract import Seed


@pytest.fixture
async def seed(twin: Twin) -> Seed:
    return await Seed(twin).libraries()


async def test_an_empty_server_counts_nothing(seed: Seed) -> None:
    assert await seed.twin.reports.counts() == LibraryCounts(
        movies=0, missing_movies=0, unmatched_movies=0, files=0, missing_files=0)


async def test_counts_follow_missing_files_and_movies(seed: Seed) -> None:
    heat, alien = await seed.movie("Heat"), await seed.movie("Alien")
    gone = seed.file(alien, "/m/Alien.mkv", key="title:alien:1995")
    await seed.files(seed.file(heat, "/m/Heat.mkv"), gone)
    async with seed.twin.unit_of_work() as uow:
        await uow.files.mark_missing([gone.id], NOW)
        await uow.movies.refresh_missing([alien.id], NOW)
        await uow.commit()
    assert await seed.twin.reports.counts() == LibraryCounts(
        movies=2, missing_movies=1, unmatched_movies=2, files=2, missing_files=1)


async def test_unmatched_movies_come_by_title_up_to_the_limit(seed: Seed) -> None:
    heat, alien, _ = (await seed.movie("Heat"), await seed.movie("Alien"),
                      await seed.movie("Zodiac"))
    assert await seed.twin.reports.unmatched_movies(2) == [
        UnmatchedMovie(id=alien.id, title="Alien", year=1995),
        UnmatchedMovie(id=heat.id, title="Heat", year=1995)]


async def test_skipped_files_are_the_librarys_own_by_path_with_their_reason(
        seed: Seed) -> None:
    sample = SkippedFile(path="/m/b-sample.mkv", size=3, mtime=NOW, reason="sample")
    odd = SkippedFile(path="/m/a.mkv", size=4, mtime=NOW, reason="unrecognised")
    async with seed.twin.unit_of_work() as uow:
        await uow.files.skip(seed.library.id, [sample, odd])
        await uow.files.skip(seed.other.id, [SkippedFile(path="/n/c.mkv", size=1, mtime=NOW,
                                                         reason="sample")])
        await uow.commit()
    assert await seed.twin.reports.skipped_files(seed.library.id) == [odd, sample]
    assert await seed.twin.reports.skipped_files("not-a-library") == []
