"""Statistics, genre counts, collections ("next in collection"), files and merging of
duplicates, on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from msgspec.structs import replace

from revenge.application.catalog.merge_movies import MergeMovies, MergeMoviesCommand
from revenge.domain.catalog.media import AudioStream, MovieFile, VideoStream
from revenge.domain.catalog.progress import WatchState
from revenge.domain.errors import Conflict, NotFound, RuleViolation
from revenge.domain.shared.permissions import Permission
from tests.contract.catalog.conftest import Catalog, new_id, page

AT = datetime(2026, 3, 1, tzinfo=UTC)


async def _watch(catalog: Catalog, user_id: str, movie_id: str, *, plays: int = 1,
                 **state: object) -> None:
    async with catalog.unit_of_work() as uow:
        current = await uow.watch.lock(user_id, movie_id)
        await uow.watch.save(user_id, movie_id, replace(
            current, completed=plays > 0, play_count=plays, **state), catalog.clock())
        await uow.commit()


async def test_stats_count_the_library_and_only_the_callers_viewing(catalog: Catalog) -> None:
    alien = await catalog.movie("Alien", ("Horror", "Science Fiction"), year=1979,
                                runtime_minutes=117)
    aliens = await catalog.movie("Aliens", ("Action", "Science Fiction"), year=1986,
                                 runtime_minutes=137)
    await catalog.movie("Tape", year=None, runtime_minutes=None)
    await catalog.edit(aliens, missing=True)
    alice, bob = await catalog.user(), await catalog.user()
    await _watch(catalog, alice.user_id, alien.id, plays=2)
    await _watch(catalog, alice.user_id, aliens.id, plays=0, in_progress=True,
                 last_played_at=AT, position_seconds=600, duration_seconds=7200)
    async with catalog.unit_of_work() as uow:
        await uow.watchlist.add(alice.user_id, aliens.id, AT)
        await uow.ratings.rate(alice.user_id, alien.id, 8, AT)
        await uow.commit()

    stats = await catalog.stats.stats(alice.user_id)
    assert (stats.movie_count, stats.total_runtime_minutes, stats.missing_count) == (3, 254, 1)
    assert [(g.genre, g.movie_count, g.watched_count) for g in stats.by_genre] == [
        ("Action", 1, 0), ("Horror", 1, 1), ("Science Fiction", 2, 1)]
    assert [(y.year, y.movie_count, y.watched_count) for y in stats.by_year] == [
        (1979, 1, 1), (1986, 1, 0), (None, 1, 0)]
    assert stats.user.__struct_fields__ and (
        stats.user.watched_count, stats.user.play_count, stats.user.watched_minutes,
        stats.user.in_progress_count, stats.user.watchlist_count, stats.user.rated_count,
    ) == (1, 2, 234, 1, 1, 1)
    theirs = await catalog.stats.stats(bob.user_id)
    assert (theirs.user.watched_count, theirs.user.watchlist_count) == (0, 0)
    assert all(g.watched_count == 0 for g in theirs.by_genre)


async def test_watched_minutes_fall_back_to_the_reported_duration(catalog: Catalog) -> None:
    movie = await catalog.movie("Home Video", runtime_minutes=None)
    user = await catalog.user()
    await _watch(catalog, user.user_id, movie.id, plays=1, duration_seconds=5430)
    assert (await catalog.stats.stats(user.user_id)).user.watched_minutes == 90


async def test_stats_and_genre_counts_follow_changes(catalog: Catalog) -> None:
    user = await catalog.user()
    await catalog.movie("A", ("Drama",))
    assert (await catalog.stats.stats(user.user_id)).movie_count == 1
    await catalog.movie("B", ("Drama", "Crime"))
    assert (await catalog.stats.stats(user.user_id)).movie_count == 2
    genres = await catalog.stats.genres(page())
    assert [(g.name, g.movie_count) for g in genres.items] == [("Crime", 1), ("Drama", 2)]


async def test_genres_page_by_name(catalog: Catalog) -> None:
    for name in ("Western", "action", "Drama"):
        await catalog.movie(name, (name,))
    first = await catalog.stats.genres(page(2))
    rest = await catalog.stats.genres(page(2, first.next_cursor))
    assert [g.name for g in first.items + rest.items] == ["action", "Drama", "Western"]
    assert (first.total, rest.next_cursor) == (3, None)


async def test_a_collection_lists_its_members_in_release_order_and_names_the_next(
        catalog: Catalog) -> None:
    reloaded = await catalog.movie("The Matrix Reloaded", release_date=date(2003, 5, 15))
    matrix = await catalog.movie("The Matrix", release_date=date(1999, 3, 31))
    resurrections = await catalog.movie("The Matrix Resurrections", release_date=None)
    collection = await catalog.collection("The Matrix Collection",
                                          [reloaded, matrix, resurrections])
    alice = await catalog.user()
    detail = await catalog.collections.collection(alice.user_id, collection.id)
    assert (detail.name, detail.movie_count, detail.watched_count) == (
        "The Matrix Collection", 3, 0)
    assert detail.next is not None and detail.next.id == matrix.id
    await _watch(catalog, alice.user_id, matrix.id)
    after = await catalog.collections.collection(alice.user_id, collection.id)
    assert after.next is not None and after.next.id == reloaded.id
    assert after.watched_count == 1
    first = await catalog.collections.members(alice.user_id, collection.id, page(2))
    rest = await catalog.collections.members(alice.user_id, collection.id,
                                             page(2, first.next_cursor))
    assert [m.id for m in first.items + rest.items] == [matrix.id, reloaded.id,
                                                        resurrections.id]
    assert first.items[0].user.watched and first.total == 3
    movie = await catalog.details.movie(alice.user_id, matrix.id)
    assert [c.name for c in movie.collections] == ["The Matrix Collection"]


async def test_the_collection_list_pages_by_name_with_the_callers_watched_count(
        catalog: Catalog) -> None:
    alien, aliens = await catalog.movie("Alien"), await catalog.movie("Aliens")
    matrix = await catalog.movie("The Matrix")
    for name, members in (("The Matrix Collection", [matrix]),
                          ("Alien Collection", [alien, aliens]), ("Empty Collection", [])):
        await catalog.collection(name, members)
    alice, bob = await catalog.user(), await catalog.user()
    await _watch(catalog, alice.user_id, aliens.id)
    first = await catalog.collections.collections(alice.user_id, page(2))
    rest = await catalog.collections.collections(alice.user_id, page(2, first.next_cursor))
    assert [(c.name, c.movie_count, c.watched_count) for c in first.items + rest.items] == [
        ("Alien Collection", 2, 1), ("Empty Collection", 0, 0), ("The Matrix Collection", 1, 0)]
    assert (first.total, rest.total, rest.next_cursor) == (3, 3, None)
    theirs = await catalog.collections.collections(bob.user_id, page())
    assert [c.watched_count for c in theirs.items] == [0, 0, 0]


async def test_up_next_names_the_next_movie_of_each_begun_unfinished_collection(
        catalog: Catalog) -> None:
    matrix = await catalog.movie("The Matrix", release_date=date(1999, 3, 31))
    reloaded = await catalog.movie("The Matrix Reloaded", release_date=date(2003, 5, 15))
    alien = await catalog.movie("Alien", release_date=date(1979, 5, 25))
    aliens = await catalog.movie("Aliens", release_date=date(1986, 7, 18))
    dune = await catalog.movie("Dune", release_date=date(2021, 9, 15))
    await catalog.collection("The Matrix Collection", [reloaded, matrix])
    await catalog.collection("Alien Collection", [alien, aliens])
    await catalog.collection("Dune Collection", [dune])
    alice, bob = await catalog.user(), await catalog.user()
    assert await catalog.collections.up_next(alice.user_id, 10) == []
    await _watch(catalog, alice.user_id, matrix.id, last_played_at=AT)
    await _watch(catalog, alice.user_id, alien.id, last_played_at=AT.replace(day=2))
    await _watch(catalog, alice.user_id, dune.id, last_played_at=AT)  # finished: not shown
    assert [m.id for m in await catalog.collections.up_next(alice.user_id, 10)] == [
        aliens.id, reloaded.id]
    assert [m.id for m in await catalog.collections.up_next(alice.user_id, 1)] == [aliens.id]
    assert await catalog.collections.up_next(bob.user_id, 10) == []


async def test_unknown_collections_are_not_found(catalog: Catalog) -> None:
    user = await catalog.user()
    for read in (catalog.collections.collection(user.user_id, new_id()),
                 catalog.collections.members(user.user_id, "nope", page())):
        with pytest.raises(NotFound):
            await read
    async with catalog.unit_of_work() as uow:
        with pytest.raises(NotFound):
            await uow.collections.set_members(new_id(), [])


def _file(movie_id: str, path: str, **fields: object) -> MovieFile:
    return MovieFile(id=new_id(), movie_id=movie_id, path=path, size_bytes=1000, mtime=AT,
                     added_at=AT, updated_at=AT, **fields)  # type: ignore[arg-type]


async def test_files_are_listed_main_parts_first_then_extras_with_their_streams(
        catalog: Catalog) -> None:
    movie = await catalog.movie()
    files = [_file(movie.id, "/m/trailer.mkv", kind="extra", extra_type="trailer"),
             _file(movie.id, "/m/cd2.mkv", part=2),
             _file(movie.id, "/m/cd1.mkv", part=1, container="matroska",
                   video_streams=[VideoStream(codec="hevc", width=3840, height=2160,
                                              hdr="HDR10")],
                   audio_streams=[AudioStream(codec="eac3", channels=6, language="eng")])]
    async with catalog.unit_of_work() as uow:
        for file in files:
            await uow.files.add(file)
        await uow.commit()
    first = await catalog.details.files(movie.id, page(2))
    rest = await catalog.details.files(movie.id, page(2, first.next_cursor))
    listed = first.items + rest.items
    assert [f.path for f in listed] == ["/m/cd1.mkv", "/m/cd2.mkv", "/m/trailer.mkv"]
    assert listed[0] == files[2] and first.total == 3
    user = await catalog.user()
    assert (await catalog.details.movie(user.user_id, movie.id)).file_count == 3


async def test_many_movies_and_their_files_read_at_once_and_a_file_by_its_id(
        catalog: Catalog) -> None:
    alien, heat, bare = (await catalog.movie("Alien", genres=("Horror",)),
                         await catalog.movie("Heat"), await catalog.movie("Bare"))
    files = [_file(alien.id, "/m/alien-trailer.mkv", kind="extra", extra_type="trailer"),
             _file(alien.id, "/m/alien.mkv"), _file(heat.id, "/m/heat.mkv")]
    async with catalog.unit_of_work() as uow:
        for file in files:
            await uow.files.add(file)
        await uow.commit()
    user = await catalog.user()
    details = await catalog.details.movies(user.user_id, [heat.id, new_id(), "nope", alien.id])
    assert [d.title for d in details] == ["Heat", "Alien"]
    assert details[1] == await catalog.details.movie(user.user_id, alien.id)
    by_movie = await catalog.details.files_of([alien.id, heat.id, bare.id, "nope"])
    assert {k: [f.path for f in v] for k, v in by_movie.items()} == {
        alien.id: ["/m/alien.mkv", "/m/alien-trailer.mkv"], heat.id: ["/m/heat.mkv"]}
    assert await catalog.details.file(files[0].id) == files[0]
    for unknown in (new_id(), "nope"):
        with pytest.raises(NotFound):
            await catalog.details.file(unknown)


async def test_a_file_path_is_recorded_once(catalog: Catalog) -> None:
    movie = await catalog.movie()
    async with catalog.unit_of_work() as uow:
        await uow.files.add(_file(movie.id, "/m/a.mkv"))
        await uow.commit()
    async with catalog.unit_of_work() as uow:
        with pytest.raises(Conflict):
            await uow.files.add(_file(movie.id, "/m/a.mkv"))


async def test_merging_moves_files_history_lists_and_adds_up_plays(catalog: Catalog) -> None:
    keep = await catalog.movie("Alien", ("Horror",))
    dup = await catalog.movie("Alien (1979)", ("Science Fiction",))
    alice, bob = await catalog.user(), await catalog.user()
    await _watch(catalog, alice.user_id, keep.id, plays=1, last_played_at=AT)
    await _watch(catalog, alice.user_id, dup.id, plays=2, last_played_at=AT)
    await _watch(catalog, bob.user_id, dup.id, plays=0, in_progress=True,
                 last_played_at=AT, position_seconds=900, duration_seconds=7200)
    async with catalog.unit_of_work() as uow:
        await uow.files.add(_file(dup.id, "/m/alien.mkv"))
        await uow.watch.add_history(new_id(), alice.user_id, dup.id, AT, "manual")
        await uow.watchlist.add(bob.user_id, dup.id, AT)
        await uow.ratings.rate(alice.user_id, keep.id, 9, AT)
        await uow.ratings.rate(alice.user_id, dup.id, 3, AT)
        await uow.commit()
    admin = await catalog.user(Permission.LIBRARY_MANAGE)
    await MergeMovies(catalog.unit_of_work, catalog.clock).execute(
        MergeMoviesCommand(actor=admin, target_id=keep.id, source_ids=[dup.id]))

    a = await catalog.details.movie(alice.user_id, keep.id)
    b = await catalog.details.movie(bob.user_id, keep.id)
    assert (a.user.play_count, a.user.rating, a.file_count) == (3, 9, 1)
    assert (b.user.on_watchlist, b.user.progress_percent) == (True, 12.5)
    assert [g.name for g in a.genres] == ["Horror"]
    assert (await catalog.library.history(alice.user_id, page())).items[0].movie.id == keep.id
    with pytest.raises(NotFound):
        await catalog.details.movie(alice.user_id, dup.id)


async def test_a_merge_is_all_or_nothing(catalog: Catalog) -> None:
    keep, dup = await catalog.movie("A"), await catalog.movie("B")
    admin = await catalog.user(Permission.LIBRARY_MANAGE)
    merge = MergeMovies(catalog.unit_of_work, catalog.clock)
    with pytest.raises(NotFound):
        await merge.execute(MergeMoviesCommand(actor=admin, target_id=keep.id,
                                               source_ids=[dup.id, new_id()]))
    with pytest.raises(RuleViolation):
        await merge.execute(MergeMoviesCommand(actor=admin, target_id=keep.id,
                                               source_ids=[keep.id]))
    user = await catalog.user()
    assert (await catalog.details.movie(user.user_id, dup.id)).id == dup.id


async def test_the_state_of_every_user_for_a_movie_can_be_read_for_a_merge(
        catalog: Catalog) -> None:
    movie = await catalog.movie()
    alice, bob = await catalog.user(), await catalog.user()
    await _watch(catalog, alice.user_id, movie.id, plays=1)
    async with catalog.unit_of_work() as uow:
        states = await uow.watch.states_for_movie(movie.id)
    assert set(states) == {alice.user_id}
    assert isinstance(states[alice.user_id], WatchState) and bob.user_id not in states
