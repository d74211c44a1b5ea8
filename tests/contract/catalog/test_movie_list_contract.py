"""`list_movies`: every sort is a total order walked page by page without gaps or
repeats, filters combine, and `total` counts all matches, on both backends."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from msgspec.structs import replace

from revenge.application.catalog.read_models import MovieListItem
from revenge.application.metadata.read_models import StoredImage
from revenge.domain.catalog.errors import InvalidQuery
from revenge.domain.catalog.listing import (
    MovieFilter,
    MovieListQuery,
    MovieSort,
    PageRequest,
    SortField,
)
from revenge.domain.catalog.movie import Movie
from tests.contract.catalog.conftest import Catalog, new_id

# Ties and unknown values on purpose: equal years, a missing rating, duplicate titles.
LIBRARY: list[dict[str, Any]] = [
    {"title": "The Matrix", "year": 1999, "vote_average": 8.2, "runtime_minutes": 136,
     "popularity": 80.0, "genres": ("Action", "Science Fiction"), "vote_count": 25000},
    {"title": "Alien", "year": 1979, "vote_average": 8.1, "runtime_minutes": 117,
     "popularity": 60.0, "genres": ("Horror", "Science Fiction"), "vote_count": 14000},
    {"title": "Aliens", "year": 1986, "vote_average": 7.9, "runtime_minutes": 137,
     "popularity": 55.5, "genres": ("Action", "Science Fiction"), "vote_count": 9000},
    {"title": "Amélie", "year": 2001, "vote_average": 7.9, "runtime_minutes": 122,
     "popularity": 30.0, "genres": ("Comedy", "Romance"), "vote_count": 11000},
    {"title": "Heat", "year": 1995, "vote_average": None, "runtime_minutes": None,
     "popularity": None, "genres": ("Crime",), "vote_count": 0},
    {"title": "Heat", "year": 1986, "vote_average": 5.0, "runtime_minutes": 101,
     "popularity": 3.0, "genres": ("Crime", "Action"), "vote_count": 40},
    {"title": "Unknown Tape", "year": None, "vote_average": 0.0, "runtime_minutes": 0,
     "popularity": 0.0, "genres": (), "vote_count": 1},
    {"title": "Zodiac", "year": 2007, "vote_average": 7.5, "runtime_minutes": 157,
     "popularity": 25.0, "genres": ("Crime", "Drama"), "vote_count": 6000,
     "original_title": "Zodiac (Director's Cut)"},
]


async def _library(catalog: Catalog) -> list[Movie]:
    return [await catalog.movie(**spec) for spec in LIBRARY]


async def _walk(catalog: Catalog, user_id: str, query: MovieListQuery) -> list[MovieListItem]:
    """Every page of the list; each page reports the same total, the number walked."""
    items: list[MovieListItem] = []
    totals: set[int] = set()
    cursor: str | None = None
    while True:
        page = await catalog.lists.list_movies(
            user_id, MovieListQuery(sort=query.sort, filter=query.filter,
                                    page=PageRequest(query.page.limit, cursor)))
        assert len(page.items) <= query.page.limit
        items += page.items
        totals.add(page.total)
        if page.next_cursor is None:
            assert totals == {len(items)}
            return items
        cursor = page.next_cursor


def _expected_order(movies: list[Movie], sort: MovieSort) -> list[str]:
    def key(m: Movie) -> tuple[Any, str]:
        values = {SortField.TITLE: m.sort_title, SortField.YEAR: _known(m.year),
                  SortField.ADDED: m.added_at, SortField.RATING: _known(m.vote_average),
                  SortField.RUNTIME: _known(m.runtime_minutes),
                  SortField.POPULARITY: _known(m.popularity)}
        return values[sort.field], m.id
    return [m.id for m in sorted(movies, key=key, reverse=sort.descending)]


def _known(value: float | None) -> float:
    return -1 if value is None else value


@pytest.mark.parametrize("sort", list(MovieSort))
@pytest.mark.parametrize("limit", [1, 3, 50])
async def test_walking_the_pages_of_any_sort_yields_every_movie_once_in_order(
        catalog: Catalog, sort: MovieSort, limit: int) -> None:
    movies = await _library(catalog)
    user = await catalog.user()
    walked = await _walk(catalog, user.user_id,
                         MovieListQuery(sort=sort, page=PageRequest(limit)))
    assert [i.id for i in walked] == _expected_order(movies, sort)


@pytest.mark.parametrize("sort", [MovieSort.TITLE, MovieSort.YEAR_DESC, MovieSort.RATING])
@pytest.mark.parametrize("offset", [0, 1, 3, 7, 8, 20])
async def test_a_page_by_offset_is_the_same_slice_of_the_list_with_the_full_total(
        catalog: Catalog, sort: MovieSort, offset: int) -> None:
    movies = await _library(catalog)
    user = await catalog.user()
    page = await catalog.lists.list_movies(user.user_id, MovieListQuery(
        sort=sort, page=PageRequest(3, offset=offset)))
    assert [i.id for i in page.items] == _expected_order(movies, sort)[offset:offset + 3]
    assert page.total == len(LIBRARY)
    assert (page.next_cursor is None) == (offset + 3 >= len(LIBRARY))


async def test_an_offset_with_a_filter_on_my_own_state_counts_only_matches(
        catalog: Catalog) -> None:
    movies = await _library(catalog)
    user = await catalog.user()
    async with catalog.unit_of_work() as uow:
        for movie in movies[:3]:
            state = await uow.watch.lock(user.user_id, movie.id)
            await uow.watch.save(user.user_id, movie.id,
                                 replace(state, completed=True, play_count=1), catalog.clock())
        await uow.commit()
    page = await catalog.lists.list_movies(user.user_id, MovieListQuery(
        filter=MovieFilter(watched=False), page=PageRequest(2, offset=4)))
    assert page.total == len(LIBRARY) - 3 and len(page.items) == 1


def test_an_offset_and_a_cursor_together_are_refused() -> None:
    with pytest.raises(InvalidQuery) as refused:
        PageRequest(10, "abc", offset=5)
    assert refused.value.field == "offset"


async def test_title_order_ignores_case_accents_and_leading_articles(catalog: Catalog) -> None:
    await _library(catalog)
    user = await catalog.user()
    page = await catalog.lists.list_movies(user.user_id, MovieListQuery())
    assert [i.title for i in page.items][:4] == ["Alien", "Aliens", "Amélie", "Heat"]
    assert [i.title for i in page.items][-3:] == ["The Matrix", "Unknown Tape", "Zodiac"]


@pytest.mark.parametrize(("movie_filter", "titles"), [
    (MovieFilter(genre="science fiction"), {"The Matrix", "Alien", "Aliens"}),
    (MovieFilter(genre="Crime", year_from=1990), {"Heat", "Zodiac"}),
    (MovieFilter(year_from=1986, year_to=1986), {"Aliens", "Heat"}),
    (MovieFilter(year_to=1980), {"Alien"}),
    (MovieFilter(min_rating=8), {"The Matrix", "Alien"}),
    (MovieFilter(min_rating=0), {"The Matrix", "Alien", "Aliens", "Amélie", "Heat",
                                 "Unknown Tape", "Zodiac"}),
    (MovieFilter(min_votes=10000), {"The Matrix", "Alien", "Amélie"}),
    (MovieFilter(search="alien"), {"Alien", "Aliens"}),
    (MovieFilter(search="director's"), {"Zodiac"}),
    (MovieFilter(search="100%"), set()),
    (MovieFilter(genre="Western"), set()),
])
async def test_filters_keep_exactly_the_matching_movies(
        catalog: Catalog, movie_filter: MovieFilter, titles: set[str]) -> None:
    await _library(catalog)
    user = await catalog.user()
    walked = await _walk(catalog, user.user_id,
                         MovieListQuery(filter=movie_filter, page=PageRequest(2)))
    assert {i.title for i in walked} == titles


async def test_missing_filter_finds_movies_whose_files_are_gone(catalog: Catalog) -> None:
    movies = await _library(catalog)
    await catalog.edit(movies[0], missing=True)
    user = await catalog.user()
    missing = await catalog.lists.list_movies(
        user.user_id, MovieListQuery(filter=MovieFilter(missing=True)))
    present = await catalog.lists.list_movies(
        user.user_id, MovieListQuery(filter=MovieFilter(missing=False), page=PageRequest(2)))
    assert [i.title for i in missing.items] == ["The Matrix"] and missing.items[0].missing
    assert present.total == len(LIBRARY) - 1


async def test_library_filter_keeps_the_movies_with_a_file_in_that_library(
        catalog: Catalog) -> None:
    movies = {m.title: m for m in await _library(catalog)}
    films, documentaries = new_id(), new_id()
    for title in ("Alien", "Aliens", "Zodiac"):
        await catalog.file_in_library(movies[title].id, films)
    await catalog.file_in_library(movies["Heat"].id, documentaries)
    await catalog.file_in_library(movies["Zodiac"].id, documentaries)  # in both
    user = await catalog.user()

    async def titles(library_id: str, **more: Any) -> list[str]:
        walked = await _walk(catalog, user.user_id, MovieListQuery(
            filter=MovieFilter(library_id=library_id, **more), page=PageRequest(2)))
        return [i.title for i in walked]

    assert await titles(films) == ["Alien", "Aliens", "Zodiac"]
    assert await titles(documentaries) == ["Heat", "Zodiac"]
    assert await titles(films, genre="Horror") == ["Alien"]
    assert await titles(new_id()) == []
    with pytest.raises(InvalidQuery) as refused:
        MovieFilter(library_id="not-a-uuid")
    assert refused.value.field == "library_id"


async def test_a_library_total_follows_a_file_joining_the_library(catalog: Catalog) -> None:
    movies = await _library(catalog)
    library = new_id()
    for movie in movies[:2]:
        await catalog.file_in_library(movie.id, library)
    user = await catalog.user()
    query = MovieListQuery(filter=MovieFilter(library_id=library), page=PageRequest(1))
    assert (await catalog.lists.list_movies(user.user_id, query)).total == 2  # counted
    await catalog.file_in_library(movies[2].id, library)  # no movie changed, only files
    assert (await catalog.lists.list_movies(user.user_id, query)).total == 3


async def test_total_counts_all_matches_on_every_page(catalog: Catalog) -> None:
    await _library(catalog)
    user = await catalog.user()
    query = MovieListQuery(filter=MovieFilter(genre="Action"), page=PageRequest(1))
    first = await catalog.lists.list_movies(user.user_id, query)
    second = await catalog.lists.list_movies(user.user_id, MovieListQuery(
        filter=query.filter, page=PageRequest(1, first.next_cursor)))
    assert (first.total, second.total) == (3, 3)


async def test_total_follows_changes_to_the_catalog(catalog: Catalog) -> None:
    await _library(catalog)
    user = await catalog.user()
    query = MovieListQuery(page=PageRequest(2))
    assert (await catalog.lists.list_movies(user.user_id, query)).total == len(LIBRARY)
    await catalog.movie("Brand New", year=2026)
    assert (await catalog.lists.list_movies(user.user_id, query)).total == len(LIBRARY) + 1


async def test_per_user_filters_see_only_the_callers_state(catalog: Catalog) -> None:
    movies = {m.title: m for m in await _library(catalog)}
    alice, bob = await catalog.user(), await catalog.user()
    async with catalog.unit_of_work() as uow:
        for title in ("Alien", "Aliens", "Zodiac"):
            state = await uow.watch.lock(alice.user_id, movies[title].id)
            await uow.watch.save(alice.user_id, movies[title].id,
                                 replace(state, completed=True, play_count=1), catalog.clock())
        await uow.watchlist.add(alice.user_id, movies["Aliens"].id, catalog.clock())
        await uow.watchlist.add(alice.user_id, movies["Heat"].id, catalog.clock())
        await uow.watchlist.add(bob.user_id, movies["Alien"].id, catalog.clock())
        await uow.commit()

    async def titles(user_id: str, **conditions: Any) -> tuple[set[str], int]:
        query = MovieListQuery(filter=MovieFilter(**conditions), page=PageRequest(1))
        walked = await _walk(catalog, user_id, query)
        first = await catalog.lists.list_movies(user_id, query)
        return {i.title for i in walked}, first.total

    assert await titles(alice.user_id, watched=True) == ({"Alien", "Aliens", "Zodiac"}, 3)
    assert (await titles(alice.user_id, watched=False))[1] == len(LIBRARY) - 3
    assert await titles(alice.user_id, on_watchlist=True) == ({"Aliens", "Heat"}, 2)
    assert await titles(alice.user_id, watched=False, on_watchlist=True) == ({"Heat"}, 1)
    assert (await titles(alice.user_id, watched=False, on_watchlist=False))[1] == 4
    assert await titles(alice.user_id, watched=True, genre="Action") == ({"Aliens"}, 1)
    assert await titles(bob.user_id, watched=True) == (set(), 0)
    assert await titles(bob.user_id, on_watchlist=True) == ({"Alien"}, 1)


async def test_in_progress_keeps_the_movies_i_have_a_resume_point_in(catalog: Catalog) -> None:
    movies = {m.title: m for m in await _library(catalog)}
    alice, bob = await catalog.user(), await catalog.user()
    async with catalog.unit_of_work() as uow:
        for user, title, hidden in ((alice, "Alien", False), (alice, "Zodiac", True),
                                    (bob, "Heat", False)):
            state = await uow.watch.lock(user.user_id, movies[title].id)
            await uow.watch.save(user.user_id, movies[title].id, replace(
                state, position_seconds=600.0, duration_seconds=6000.0, in_progress=True,
                hidden_from_continue=hidden, last_played_at=catalog.clock()), catalog.clock())
        # Watched to the end: no resume point any more.
        state = await uow.watch.lock(alice.user_id, movies["Aliens"].id)
        await uow.watch.save(alice.user_id, movies["Aliens"].id,
                             replace(state, completed=True, play_count=1), catalog.clock())
        await uow.commit()

    async def titles(user_id: str, **conditions: Any) -> tuple[set[str], int]:
        query = MovieListQuery(filter=MovieFilter(**conditions), page=PageRequest(1))
        walked = await _walk(catalog, user_id, query)
        return {i.title for i in walked}, (await catalog.lists.list_movies(user_id, query)).total

    # Removed from Continue watching keeps the position, so it is still in progress.
    assert await titles(alice.user_id, in_progress=True) == ({"Alien", "Zodiac"}, 2)
    assert (await titles(alice.user_id, in_progress=False))[1] == len(LIBRARY) - 2
    assert await titles(alice.user_id, in_progress=True, genre="Crime") == ({"Zodiac"}, 1)
    assert await titles(alice.user_id, in_progress=False, watched=True) == ({"Aliens"}, 1)
    assert await titles(bob.user_id, in_progress=True) == ({"Heat"}, 1)


async def test_list_items_carry_the_posters_blurhash_once_the_image_cache_has_it(
        catalog: Catalog) -> None:
    cached = await catalog.movie("Alien", year=1979, poster_path="/alien.jpg")
    await catalog.movie("Heat", year=1995, poster_path="/heat.jpg")  # not fetched yet
    await catalog.movie("Unknown Tape")  # no poster at all
    await catalog.record_image(StoredImage(
        source_path="/alien.jpg", kind="poster", content_hash="c0ffee", content_type="image/jpeg",
        width=500, height=750, size_bytes=1234, blurhash="LEHV6nWB2yk8pyo0adR*.7kCMdnj"))
    user = await catalog.user()
    items = (await catalog.lists.list_movies(user.user_id, MovieListQuery())).items
    assert {i.title: i.poster_blurhash for i in items} == {
        "Alien": "LEHV6nWB2yk8pyo0adR*.7kCMdnj", "Heat": None, "Unknown Tape": None}
    async with catalog.unit_of_work() as uow:
        await uow.watchlist.add(user.user_id, cached.id, catalog.clock())
        await uow.commit()
    listed = await catalog.library.watchlist(user.user_id, PageRequest(10))
    assert listed.items[0].movie.poster_blurhash == "LEHV6nWB2yk8pyo0adR*.7kCMdnj"


async def test_list_items_carry_the_callers_state_only(catalog: Catalog) -> None:
    movie = await catalog.movie("Alien", year=1979)
    alice, bob = await catalog.user(), await catalog.user()
    async with catalog.unit_of_work() as uow:
        await uow.ratings.rate(alice.user_id, movie.id, 9, catalog.clock())
        await uow.watchlist.add(alice.user_id, movie.id, catalog.clock())
        await uow.commit()
    mine = (await catalog.lists.list_movies(alice.user_id, MovieListQuery())).items[0].user
    theirs = (await catalog.lists.list_movies(bob.user_id, MovieListQuery())).items[0].user
    assert (mine.rating, mine.on_watchlist) == (9, True)
    assert (theirs.rating, theirs.on_watchlist) == (None, False)


async def test_a_cursor_from_another_sort_or_garbage_is_refused(catalog: Catalog) -> None:
    await _library(catalog)
    user = await catalog.user()
    first = await catalog.lists.list_movies(user.user_id, MovieListQuery(page=PageRequest(2)))
    assert first.next_cursor is not None
    for sort, cursor in ((MovieSort.YEAR, first.next_cursor), (MovieSort.TITLE, "garbage!"),
                         (MovieSort.TITLE, "gqF4kQ")):
        with pytest.raises(InvalidQuery) as caught:
            await catalog.lists.list_movies(user.user_id, MovieListQuery(
                sort=sort, page=PageRequest(2, cursor)))
        assert caught.value.field == "cursor"


async def test_an_empty_catalog_lists_nothing(catalog: Catalog) -> None:
    user = await catalog.user()
    page = await catalog.lists.list_movies(user.user_id, MovieListQuery())
    assert (page.items, page.next_cursor, page.total) == ([], None, 0)


async def test_release_dates_round_trip_through_the_list_and_detail(catalog: Catalog) -> None:
    movie = await catalog.movie("Alien", release_date=date(1979, 5, 25))
    user = await catalog.user()
    assert (await catalog.details.movie(user.user_id, movie.id)).release_date == date(
        1979, 5, 25)


async def test_a_list_item_carries_every_field_exactly(catalog: Catalog) -> None:
    movie = await catalog.movie("Heat", year=1995, runtime_minutes=170, vote_average=8.3,
                                popularity=61.048, poster_path="/heat.jpg")
    user = await catalog.user()
    async with catalog.unit_of_work() as uow:
        state = await uow.watch.lock(user.user_id, movie.id)
        await uow.watch.save(user.user_id, movie.id, replace(
            state, position_seconds=2550.0, duration_seconds=10200.0, in_progress=True,
            last_played_at=catalog.clock()), catalog.clock())
        await uow.ratings.rate(user.user_id, movie.id, 7, catalog.clock())
        await uow.commit()
    item = (await catalog.lists.list_movies(user.user_id, MovieListQuery())).items[0]
    assert (item.id, item.title, item.year, item.runtime_minutes, item.poster_path,
            item.vote_average, item.popularity, item.missing) == (
        movie.id, "Heat", 1995, 170, "/heat.jpg", 8.3, 61.048, False)
    assert item.added_at == movie.added_at and item.added_at.utcoffset() is not None
    assert (item.user.watched, item.user.play_count, item.user.progress_percent,
            item.user.on_watchlist, item.user.rating) == (False, 0, 25.0, False, 7)
