"""The catalog as the Radarr sync reads and writes it, the same in memory and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revenge.application.radarr.records import FileRelocation, RecordedFile
from revenge.domain.catalog.movie import MovieFields, new_movie
from revenge.domain.errors import Conflict
from revenge.domain.radarr.plan import IdLink
from revenge.domain.radarr.state import OurFile, OurMovie
from tests.contract.radarr.conftest import NOW, Twin, new_id


def _file(movie_id: str, path: str, size: int = 100) -> RecordedFile:
    return RecordedFile(id=new_id(), movie_id=movie_id, library_id=None, path=path,
                        size=size, mtime=NOW, group_key="tmdb:949", container="mkv")


async def _seed(twin: Twin) -> tuple[str, str]:
    heat, alien = new_id(), new_id()
    async with twin.unit_of_work() as uow:
        await uow.catalog.add_movies([
            new_movie(heat, MovieFields(title="Heat", year=1995, tmdb_id=949), NOW),
            new_movie(alien, MovieFields(title="Alien", year=1979, imdb_id="tt0078748"), NOW)])
        await uow.catalog.add_files([_file(heat, "/m/Heat/Heat.mkv"),
                                     _file(alien, "/m/Alien/Alien.mkv")])
        await uow.commit()
    return heat, alien


async def test_movies_are_found_by_id_tmdb_id_or_imdb_id(twin: Twin) -> None:
    heat, alien = await _seed(twin)
    async with twin.unit_of_work() as uow:
        found = await uow.catalog.movies(ids=(), tmdb_ids=[949], imdb_ids=["tt0078748"])
        by_id = await uow.catalog.movies(ids=[heat], tmdb_ids=(), imdb_ids=())
    assert sorted(found, key=lambda m: m.id) == sorted(
        [OurMovie(id=heat, tmdb_id=949), OurMovie(id=alien, imdb_id="tt0078748")],
        key=lambda m: m.id)
    assert by_id == [OurMovie(id=heat, tmdb_id=949)]


async def test_files_are_found_by_movie_path_or_folder(twin: Twin) -> None:
    heat, alien = await _seed(twin)
    async with twin.unit_of_work() as uow:
        of_heat = await uow.catalog.files(movie_ids=[heat], paths=())
        at_path = await uow.catalog.files(movie_ids=(), paths=["/m/Alien/Alien.mkv"])
        below = await uow.catalog.files(movie_ids=(), paths=(), under=["/m/Alien/"])
    assert [(f.movie_id, f.path) for f in of_heat] == [(heat, "/m/Heat/Heat.mkv")]
    assert [f.movie_id for f in at_path] == [alien] == [f.movie_id for f in below]


async def test_a_taken_tmdb_id_or_path_is_a_conflict(twin: Twin) -> None:
    heat, _ = await _seed(twin)
    async with twin.unit_of_work() as uow:
        with pytest.raises(Conflict):
            await uow.catalog.add_movies([new_movie(new_id(), MovieFields(
                title="Heat again", tmdb_id=949), NOW)])
    async with twin.unit_of_work() as uow:
        with pytest.raises(Conflict):
            await uow.catalog.add_files([_file(heat, "/m/Heat/Heat.mkv")])


async def test_ids_are_filled_in_only_where_no_tmdb_id_was(twin: Twin) -> None:
    heat, alien = await _seed(twin)
    async with twin.unit_of_work() as uow:
        await uow.catalog.set_ids([IdLink(movie_id=alien, tmdb_id=348, imdb_id="tt9999999"),
                                   IdLink(movie_id=heat, tmdb_id=1, imdb_id="tt0113277")],
                                  NOW)
        await uow.commit()
    async with twin.unit_of_work() as uow:
        movies = await uow.catalog.movies(ids=[heat, alien], tmdb_ids=(), imdb_ids=())
    assert {m.id: (m.tmdb_id, m.imdb_id) for m in movies} == {
        heat: (949, None), alien: (348, "tt0078748")}


async def test_a_relocated_file_keeps_its_record_and_is_present_again(twin: Twin) -> None:
    heat, _ = await _seed(twin)
    async with twin.unit_of_work() as uow:
        (file,) = await uow.catalog.files(movie_ids=[heat], paths=())
        await uow.catalog.mark_missing([file.id], NOW)
        await uow.catalog.relocate_files([FileRelocation(
            file_id=file.id, library_id=None, path="/m/Heat/Heat (1995).mkv", size=100,
            mtime=NOW)], NOW + timedelta(minutes=1))
        await uow.commit()
    async with twin.unit_of_work() as uow:
        assert await uow.catalog.files(movie_ids=[heat], paths=()) == [OurFile(
            id=file.id, movie_id=heat, path="/m/Heat/Heat (1995).mkv")]


async def test_a_movie_is_missing_once_its_only_file_is(twin: Twin) -> None:
    heat, _ = await _seed(twin)
    async with twin.unit_of_work() as uow:
        (file,) = await uow.catalog.files(movie_ids=[heat], paths=())
        await uow.catalog.mark_missing([file.id], NOW)
        await uow.catalog.refresh_missing([heat], NOW)
        await uow.commit()
    assert [item.title for item in await twin.queries.media_items()] == ["Alien"]


async def test_media_items_list_present_movies_by_title_filtered_by_year(twin: Twin) -> None:
    heat, _ = await _seed(twin)

    everything = await twin.queries.media_items()
    of_1995 = await twin.queries.media_items([1995])

    assert [(i.title, i.path, i.tmdb_id) for i in everything] == [
        ("Alien", "/m/Alien/Alien.mkv", None), ("Heat", "/m/Heat/Heat.mkv", 949)]
    assert [i.movie_id for i in of_1995] == [heat]
    assert await twin.queries.media_items([2001]) == []
