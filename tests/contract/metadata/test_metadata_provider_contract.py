"""What every MetadataProvider answers the same: TMDb through its adapter, and the twin."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from revenge.adapters.tmdb.client import TmdbClient, TmdbSettings
from revenge.adapters.tmdb.provider import TmdbMetadataProvider
from revenge.application.metadata.ports import MetadataProvider
from revenge.domain.errors import NotFound
from revenge.domain.metadata.images import is_image_path
from revenge.testing.fake_tmdb import FakeTmdb
from revenge.testing.fake_tmdb.api import FakeTmdbApi
from revenge.testing.fake_tmdb.asgi import asgi_app
from revenge.testing.fake_tmdb.domain import memory_provider
from revenge.testing.fake_tmdb.server import READ_TOKEN


async def test_search_finds_every_movie_of_a_title_most_popular_first(
        provider: MetadataProvider) -> None:
    page = await provider.search_movies("the thing")
    assert [(c.tmdb_id, c.year) for c in page.results] == [(1091, 1982), (60935, 2011)]
    assert (page.page, page.total_pages, page.total_results) == (1, 1, 2)


async def test_search_with_a_year_keeps_only_that_year(provider: MetadataProvider) -> None:
    page = await provider.search_movies("Dune", year=1984)
    assert [c.tmdb_id for c in page.results] == [841]


async def test_search_folds_accents_and_matches_original_titles(
        provider: MetadataProvider) -> None:
    assert [c.tmdb_id for c in (await provider.search_movies("amelie")).results] == [194]
    leon = await provider.search_movies("Léon")
    assert [c.tmdb_id for c in leon.results] == [101]


async def test_search_for_nothing_known_is_an_empty_page(provider: MetadataProvider) -> None:
    page = await provider.search_movies("zzzz unknown title")
    assert page.results == () and page.total_results == 0


async def test_details_carry_fields_credits_genres_collection_and_similar(
        provider: MetadataProvider) -> None:
    matrix = await provider.movie_details(603)
    assert (matrix.title, matrix.year, matrix.release_date) == ("The Matrix", 1999,
                                                                date(1999, 3, 30))
    assert (matrix.imdb_id, matrix.runtime_minutes, matrix.content_rating) == ("tt0133093",
                                                                               136, "R")
    assert matrix.genres == ("Action", "Science Fiction")
    assert (matrix.cast[0].person.name, matrix.cast[0].character) == ("Keanu Reeves", "Neo")
    assert matrix.cast[0].person.tmdb_id == 6384
    directors = [c.person.name for c in matrix.crew if c.job == "Director"]
    assert directors == ["Lana Wachowski", "Lilly Wachowski"]
    assert all(c.job != "Craft Service" for c in matrix.crew)
    assert matrix.collection is not None and matrix.collection.tmdb_id == 2344
    assert 603 not in [s.tmdb_id for s in matrix.similar] and len(matrix.similar) == 5
    assert all(is_image_path(p) for p in (matrix.poster_path, matrix.backdrop_path,
                                          matrix.logo_path))


async def test_unknown_ids_are_not_found(provider: MetadataProvider) -> None:
    with pytest.raises(NotFound):
        await provider.movie_details(99_999_999)
    with pytest.raises(NotFound):
        await provider.collection(99_999_999)


async def test_find_by_imdb_gives_the_provider_id_or_none(provider: MetadataProvider) -> None:
    assert await provider.find_by_imdb("tt0133093") == 603
    assert await provider.find_by_imdb("tt0000001") is None


async def test_a_collection_lists_all_its_parts(provider: MetadataProvider) -> None:
    matrix = await provider.collection(2344)
    assert matrix.name == "The Matrix Collection"
    assert {p.tmdb_id for p in matrix.parts} == {603, 604, 605, 624860}
    dates = {p.tmdb_id: p.release_date for p in matrix.parts}
    assert dates[604] == date(2003, 5, 15)


async def test_changed_ids_come_from_every_page(provider: MetadataProvider,
                                               fake_tmdb: FakeTmdb) -> None:
    changed = [603, *range(5000, 5045), 604]
    fake_tmdb.changed = changed
    if hasattr(provider, "changed"):
        provider.changed = changed
    try:
        found = await provider.changed_movie_ids(date(2026, 1, 1), date(2026, 1, 2))
    finally:
        fake_tmdb.changed = []
    assert found == changed


async def test_tmdb_over_http_with_a_read_token_and_the_twin_give_identical_details(
        fake_tmdb: FakeTmdb) -> None:
    client = TmdbClient(TmdbSettings(api_key=READ_TOKEN, base_url=fake_tmdb.base_url))
    try:
        over_http = TmdbMetadataProvider(client)
        twin = memory_provider()
        for tmdb_id in (603, 194, 129, 1091, 8077):
            assert await over_http.movie_details(tmdb_id) == await twin.movie_details(tmdb_id)
    finally:
        await client.aclose()


async def test_the_fake_served_as_asgi_answers_the_adapter_like_the_threaded_one(
        fake_tmdb: FakeTmdb) -> None:
    """Benches serve the fake out of process (granian) through its ASGI app."""
    app = asgi_app(FakeTmdbApi(url="http://fake.test"))
    asgi = TmdbClient(TmdbSettings(api_key=READ_TOKEN, base_url="http://fake.test/3"),
                      transport=httpx.ASGITransport(app=app))
    threaded = TmdbClient(TmdbSettings(api_key=READ_TOKEN, base_url=fake_tmdb.base_url))
    try:
        served, expected = TmdbMetadataProvider(asgi), TmdbMetadataProvider(threaded)
        assert await served.search_movies("the thing") == await expected.search_movies(
            "the thing")
        assert await served.movie_details(603) == await expected.movie_details(603)
        assert await served.image_base_url() == "http://fake.test/t/p/"
    finally:
        await asgi.aclose()
        await threaded.aclose()
