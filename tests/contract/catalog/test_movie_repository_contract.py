"""Movies and their metadata are stored and read back the same way by both backends."""

from __future__ import annotations

from datetime import date

import pytest

from revenge.domain.catalog.credits import CastCredit, CrewCredit, Person
from revenge.domain.catalog.movie import MoviePatch, edited
from revenge.domain.errors import Conflict, NotFound
from tests.contract.catalog.conftest import Catalog, new_id, page


async def test_a_stored_movie_reads_back_with_every_field(catalog: Catalog) -> None:
    movie = await catalog.movie("The Matrix", genres=("Action", "Science Fiction"), year=1999,
                                release_date=date(1999, 3, 31), runtime_minutes=136,
                                tmdb_id=603, imdb_id="tt0133093", vote_average=8.2,
                                vote_count=25000, popularity=80.5, overview="Neo.")
    user = await catalog.user()
    detail = await catalog.details.movie(user.user_id, movie.id)
    assert (detail.title, detail.sort_title, detail.year, detail.runtime_minutes) == (
        "The Matrix", "matrix", 1999, 136)
    assert (detail.tmdb_id, detail.imdb_id, detail.vote_average, detail.release_date) == (
        603, "tt0133093", 8.2, date(1999, 3, 31))
    assert [g.name for g in detail.genres] == ["Action", "Science Fiction"]
    assert detail.added_at == movie.added_at
    assert detail.user.watched is False and detail.file_count == 0


async def test_get_returns_the_movie_and_none_for_unknown_or_malformed_ids(
        catalog: Catalog) -> None:
    movie = await catalog.movie()
    async with catalog.unit_of_work() as uow:
        assert await uow.movies.get(movie.id) == movie
        assert await uow.movies.get(new_id()) is None
        assert await uow.movies.get("not-a-uuid") is None


async def test_two_movies_cannot_share_a_tmdb_id(catalog: Catalog) -> None:
    await catalog.movie("The Matrix", tmdb_id=603)
    with pytest.raises(Conflict) as caught:
        await catalog.movie("Matrix (copy)", tmdb_id=603)
    assert caught.value.field == "tmdb_id"


async def test_an_edit_is_stored_with_its_locked_fields(catalog: Catalog) -> None:
    movie = await catalog.movie("Matrix", year=1998)
    changed = edited(movie, MoviePatch(changes={"title": "The Matrix", "year": 1999}),
                     catalog.clock())
    async with catalog.unit_of_work() as uow:
        await uow.movies.update(changed)
        await uow.commit()
    async with catalog.unit_of_work() as uow:
        stored = await uow.movies.get(movie.id)
    assert stored == changed
    assert stored is not None and stored.locked_fields == {"title", "year"}


async def test_leaving_a_unit_of_work_without_commit_writes_nothing(catalog: Catalog) -> None:
    movie = await catalog.movie()
    async with catalog.unit_of_work() as uow:
        await uow.movies.delete(movie.id)
    async with catalog.unit_of_work() as uow:
        assert await uow.movies.get(movie.id) == movie


async def test_setting_genres_replaces_them_and_matches_names_case_insensitively(
        catalog: Catalog) -> None:
    first = await catalog.movie("A", genres=("Drama", "Crime"))
    second = await catalog.movie("B", genres=("drama",))
    async with catalog.unit_of_work() as uow:
        await uow.genres.set_movie_genres(first.id, ["Thriller", "DRAMA"])
        await uow.commit()
    assert [g.name for g in await catalog.details.genres_of(first.id)] == ["Drama", "Thriller"]
    assert [g.name for g in await catalog.details.genres_of(second.id)] == ["Drama"]


async def test_credits_keep_their_order_and_people_are_shared_by_tmdb_id(
        catalog: Catalog) -> None:
    keanu = Person(name="Keanu Reeves", tmdb_id=6384)
    first, second = await catalog.movie("The Matrix"), await catalog.movie("John Wick")
    async with catalog.unit_of_work() as uow:
        await uow.credits.replace_credits(first.id, [
            CastCredit(person=keanu, character="Neo"),
            CastCredit(person=Person(name="Carrie-Anne Moss"), character="Trinity")],
            [CrewCredit(person=Person(name="Lana Wachowski", tmdb_id=9340), job="Director",
                        department="Directing")])
        await uow.credits.replace_credits(second.id, [
            CastCredit(person=Person(name="Keanu Reeves", tmdb_id=6384, profile_path="/k.jpg"),
                       character="John Wick")], [])
        await uow.commit()
    cast = await catalog.details.cast(first.id, page())
    assert [(c.name, c.character, c.order) for c in cast.items] == [
        ("Keanu Reeves", "Neo", 0), ("Carrie-Anne Moss", "Trinity", 1)]
    other = await catalog.details.cast(second.id, page())
    assert other.items[0].person_id == cast.items[0].person_id
    assert cast.items[0].profile_path == "/k.jpg"  # the person was updated, not duplicated
    crew = await catalog.details.crew(first.id, page())
    assert [(c.name, c.job, c.department) for c in crew.items] == [
        ("Lana Wachowski", "Director", "Directing")]


async def test_reads_of_an_unknown_movie_raise_not_found(catalog: Catalog) -> None:
    user = await catalog.user()
    for read in (catalog.details.movie(user.user_id, new_id()),
                 catalog.details.files(new_id(), page()),
                 catalog.details.cast("garbage", page()),
                 catalog.details.crew(new_id(), page()),
                 catalog.details.genres_of(new_id()),
                 catalog.library.progress(user.user_id, new_id())):
        with pytest.raises(NotFound):
            await read


async def test_deleting_a_movie_removes_it_with_its_user_state(catalog: Catalog) -> None:
    movie = await catalog.movie()
    user = await catalog.user()
    async with catalog.unit_of_work() as uow:
        await uow.watch.save(user.user_id, movie.id,
                             (await uow.watch.lock(user.user_id, movie.id)), catalog.clock())
        await uow.commit()
    async with catalog.unit_of_work() as uow:
        await uow.movies.delete(movie.id)
        await uow.commit()
    with pytest.raises(NotFound):
        await catalog.details.movie(user.user_id, movie.id)
    async with catalog.unit_of_work() as uow:
        assert await uow.watch.states_for_movie(movie.id) == {}
