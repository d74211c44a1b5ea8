"""The scanner's file, movie and probe records: the same from memory and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revenge.application.library.records import (
    FileMove,
    NewFile,
    ProbeReport,
    SkippedFile,
    StatUpdate,
)
from revenge.domain.catalog.media import AudioStream, VideoStream
from revenge.domain.catalog.movie import Movie, MovieFields, new_movie
from revenge.domain.errors import Conflict
from revenge.domain.library.diff import KnownFile
from revenge.domain.library.grouping import FolderMovie
from revenge.domain.library.library import LibrarySettings, new_library
from revenge.domain.library.timestamps import microseconds_of
from tests.contract.library.conftest import NOW, Twin, new_id


class Seed:
    def __init__(self, twin: Twin) -> None:
        self.twin = twin
        self.library = new_library(new_id(), LibrarySettings(name="M", paths=("/m",)), NOW)
        self.other = new_library(new_id(), LibrarySettings(name="N", paths=("/n",)), NOW)

    async def libraries(self) -> Seed:
        async with self.twin.unit_of_work() as uow:
            await uow.libraries.add(self.library)
            await uow.libraries.add(self.other)
            await uow.commit()
        return self

    async def movie(self, title: str = "Heat", tmdb_id: int | None = None) -> Movie:
        movie = new_movie(new_id(), MovieFields(title=title, year=1995, tmdb_id=tmdb_id), NOW)
        async with self.twin.unit_of_work() as uow:
            await uow.movies.add([movie])
            await uow.commit()
        return movie

    def file(self, movie: Movie, path: str, *, kind: str = "main", size: int = 100,
             key: str = "title:heat:1995", library_id: str | None = None) -> NewFile:
        return NewFile(id=new_id(), movie_id=movie.id, library_id=library_id or self.library.id,
                       path=path, size=size, mtime=NOW, kind=kind, group_key=key,
                       extra_type="trailer" if kind == "extra" else None)

    async def files(self, *files: NewFile) -> None:
        async with self.twin.unit_of_work() as uow:
            await uow.files.add(files)
            await uow.commit()


@pytest.fixture
async def seed(twin: Twin) -> Seed:
    return await Seed(twin).libraries()


async def snapshot(seed: Seed, *within: str) -> list[KnownFile]:
    async with seed.twin.unit_of_work() as uow:
        return sorted(await uow.files.snapshot(seed.library.id, within), key=lambda k: k.path)


async def test_the_snapshot_holds_recorded_and_skipped_files_of_the_library(seed: Seed) -> None:
    movie = await seed.movie()
    main = seed.file(movie, "/m/Heat/Heat.mkv")
    await seed.files(main, seed.file(movie, "/n/Heat2.mkv", library_id=seed.other.id))
    async with seed.twin.unit_of_work() as uow:
        await uow.files.skip(seed.library.id, [SkippedFile(path="/m/s.mkv", size=3, mtime=NOW,
                                                           reason="sample")])
        await uow.commit()

    assert await snapshot(seed) == [
        KnownFile(path="/m/Heat/Heat.mkv", size=100, mtime_us=microseconds_of(NOW),
                  file_id=main.id, movie_id=movie.id),
        KnownFile(path="/m/s.mkv", size=3, mtime_us=microseconds_of(NOW)),
    ]


async def test_a_snapshot_within_folders_holds_only_what_lies_below_them(seed: Seed) -> None:
    movie = await seed.movie()
    await seed.files(seed.file(movie, "/m/Heat/Heat.mkv"), seed.file(movie, "/m/Heat2/a.mkv"),
                     seed.file(movie, "/m/b.mkv"))

    assert [k.path for k in await snapshot(seed, "/m/Heat", "/m/b.mkv")] == [
        "/m/Heat/Heat.mkv", "/m/b.mkv"]


async def test_a_path_is_recorded_once(seed: Seed) -> None:
    movie = await seed.movie()
    await seed.files(seed.file(movie, "/m/a.mkv"))

    with pytest.raises(Conflict) as raised:
        await seed.files(seed.file(movie, "/m/a.mkv"))
    assert raised.value.field == "path"


async def test_new_movies_are_unmatched_and_found_by_tmdb_id(seed: Seed) -> None:
    movie = await seed.movie("The Matrix", tmdb_id=603)

    async with seed.twin.unit_of_work() as uow:
        assert await uow.movies.ids_by_tmdb([603, 604]) == {603: movie.id}
    assert await seed.twin.movie_flags(movie.id) == (False, "unmatched")


async def test_names_with_tabs_newlines_and_backslashes_are_stored_as_they_are(
        seed: Seed) -> None:
    odd = "Odd\tName\\ With\nLines\r\\N"
    movie = await seed.movie(odd, tmdb_id=605)
    await seed.files(seed.file(movie, f"/m/{odd}.mkv", key=f"k:{odd}"))

    async with seed.twin.unit_of_work() as uow:
        assert await uow.movies.ids_by_tmdb([605]) == {605: movie.id}
        assert await uow.files.movies_by_key(seed.library.id, [f"k:{odd}"]) == {
            f"k:{odd}": movie.id}
    assert [file.path for file in await snapshot(seed)] == [f"/m/{odd}.mkv"]


async def test_movies_are_found_by_the_group_keys_of_their_files(seed: Seed) -> None:
    heat, alien = await seed.movie(), await seed.movie("Alien")
    await seed.files(seed.file(heat, "/m/a.mkv"), seed.file(alien, "/m/b.mkv", key="k:alien"),
                     seed.file(alien, "/n/c.mkv", key="k:other", library_id=seed.other.id))

    async with seed.twin.unit_of_work() as uow:
        assert await uow.files.movies_by_key(seed.library.id, ["title:heat:1995", "k:alien",
                                                               "k:other"]) == {
            "title:heat:1995": heat.id, "k:alien": alien.id}


async def test_folder_movies_are_the_main_files_directly_in_each_folder(seed: Seed) -> None:
    heat = await seed.movie()
    await seed.files(seed.file(heat, "/m/Heat/Heat (1995).mkv"),
                     seed.file(heat, "/m/Heat/Trailers/t.mkv", kind="extra"),
                     seed.file(heat, "/m/Heat/x-trailer.mkv", kind="extra"))

    async with seed.twin.unit_of_work() as uow:
        assert await uow.files.folder_movies(seed.library.id, ["/m/Heat", "/m/Other"]) == {
            "/m/Heat": [FolderMovie("Heat (1995)", heat.id)]}


async def test_missing_files_are_move_candidates_by_size_in_any_library(seed: Seed) -> None:
    heat = await seed.movie()
    gone, here, other = (seed.file(heat, "/m/a.mkv"), seed.file(heat, "/m/b.mkv"),
                         seed.file(heat, "/n/c.mkv", library_id=seed.other.id))
    await seed.files(gone, here, other)
    async with seed.twin.unit_of_work() as uow:
        await uow.files.mark_missing([gone.id, other.id], NOW)
        await uow.commit()

    async with seed.twin.unit_of_work() as uow:
        found = await uow.files.move_candidates([100], vanishing=[here.id])
        assert sorted(c.path for c in found) == ["/m/a.mkv", "/m/b.mkv", "/n/c.mkv"]
        assert await uow.files.move_candidates([99]) == []


async def test_missing_keeps_the_first_time_and_a_stat_update_brings_the_file_back(
        seed: Seed) -> None:
    heat = await seed.movie()
    file = seed.file(heat, "/m/a.mkv")
    await seed.files(file)
    async with seed.twin.unit_of_work() as uow:
        await uow.files.mark_missing([file.id], NOW)
        await uow.files.mark_missing([file.id], NOW + timedelta(days=1))
        await uow.movies.refresh_missing([heat.id], NOW)
        await uow.commit()
    assert (await snapshot(seed))[0].missing

    async with seed.twin.unit_of_work() as uow:
        await uow.files.update_stats([StatUpdate(file.id, 7, NOW, content_changed=True)])
        await uow.commit()

    [known] = await snapshot(seed)
    assert (known.size, known.missing) == (7, False)


async def test_a_move_keeps_the_record_under_a_new_path(seed: Seed) -> None:
    heat = await seed.movie()
    file = seed.file(heat, "/m/a.mkv")
    await seed.files(file)

    async with seed.twin.unit_of_work() as uow:
        await uow.files.move([FileMove(file_id=file.id, library_id=seed.library.id,
                                       path="/m/z/b.mkv", size=100, mtime=NOW)])
        await uow.commit()

    assert [(k.path, k.file_id, k.movie_id) for k in await snapshot(seed)] == [
        ("/m/z/b.mkv", file.id, heat.id)]


async def test_forgotten_skipped_files_leave_the_snapshot(seed: Seed) -> None:
    async with seed.twin.unit_of_work() as uow:
        await uow.files.skip(seed.library.id, [
            SkippedFile(path=p, size=1, mtime=NOW, reason="unrecognised")
            for p in ("/m/a.mkv", "/m/b.mkv")])
        await uow.files.forget_skipped(seed.library.id, ["/m/a.mkv"])
        await uow.commit()

    assert [k.path for k in await snapshot(seed)] == ["/m/b.mkv"]


async def test_a_movie_is_missing_exactly_when_no_main_file_is_present(seed: Seed) -> None:
    heat = await seed.movie()
    main, extra = seed.file(heat, "/m/a.mkv"), seed.file(heat, "/m/t.mkv", kind="extra")
    await seed.files(main, extra)
    async with seed.twin.unit_of_work() as uow:
        await uow.files.mark_missing([main.id], NOW)
        await uow.movies.refresh_missing([heat.id], NOW)
        await uow.commit()

    assert await seed.twin.movie_flags(heat.id) == (True, "unmatched")

    async with seed.twin.unit_of_work() as uow:
        await uow.files.update_stats([StatUpdate(main.id, 100, NOW, content_changed=False)])
        await uow.movies.refresh_missing([heat.id], NOW)
        await uow.commit()
    assert await seed.twin.movie_flags(heat.id) == (False, "unmatched")


async def test_probe_slots_share_the_unprobed_files_without_overlap(seed: Seed) -> None:
    heat = await seed.movie()
    files = [seed.file(heat, f"/m/{i}.mkv") for i in range(12)]
    await seed.files(*files)

    async with seed.twin.unit_of_work() as uow:
        slots = [await uow.probes.pending(seed.library.id, slot=s, slots=3, after=None,
                                          limit=100) for s in range(3)]
        assert await uow.probes.pending_count(seed.library.id) == 12
    ids = [target.file_id for slot in slots for target in slot]
    assert sorted(ids) == sorted(f.id for f in files)
    assert all(slot == sorted(slot, key=lambda t: t.file_id) for slot in slots)


async def test_a_recorded_probe_is_not_pending_any_more(seed: Seed) -> None:
    heat = await seed.movie()
    ok, broken = seed.file(heat, "/m/ok.mkv"), seed.file(heat, "/m/broken.mkv")
    await seed.files(ok, broken)

    async with seed.twin.unit_of_work() as uow:
        await uow.probes.record(ok.id, ProbeReport(
            content_hash="h", container="matroska", duration_seconds=6.0, bitrate=1000,
            video_streams=(VideoStream(codec="h264", width=320, height=180),),
            audio_streams=(AudioStream(codec="aac", channels=2),), probed_at=NOW))
        await uow.probes.record(broken.id, ProbeReport(error="Invalid data", probed_at=NOW))
        await uow.commit()

    async with seed.twin.unit_of_work() as uow:
        assert await uow.probes.pending(seed.library.id, slot=0, slots=1, after=None,
                                        limit=10) == []
        [candidate] = [c for c in await uow.files.move_candidates([100], [ok.id])]
    assert candidate.content_hash == "h"


async def test_a_detached_library_leaves_its_files_missing_with_their_movies(
        seed: Seed) -> None:
    heat = await seed.movie()
    file = seed.file(heat, "/m/a.mkv")
    await seed.files(file)

    async with seed.twin.unit_of_work() as uow:
        assert await uow.files.detach_library(seed.library.id, NOW) == [heat.id]
        await uow.libraries.remove(seed.library.id)
        await uow.commit()

    async with seed.twin.unit_of_work() as uow:
        [candidate] = await uow.files.move_candidates([100])
    assert candidate.file_id == file.id
    assert await snapshot(seed) == []
    assert await seed.twin.movie_flags(heat.id) == (False, "unmatched")  # not refreshed yet
