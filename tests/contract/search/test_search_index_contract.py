"""What every `SearchIndex` promises (in-memory twin and Typesense alike)."""

from __future__ import annotations

import pytest

from revenge.application.search.ports import SearchIndex
from revenge.application.search.read_models import IdFilter, LiveIndex, MovieDocument
from revenge.domain.errors import Unavailable
from revenge.domain.search.query import SearchQuery
from revenge.domain.shared.listing import MovieSort
from tests.contract.search.documents import document, small_catalog


@pytest.fixture
async def catalog(index: SearchIndex) -> dict[str, MovieDocument]:
    movies = small_catalog()
    await index.upsert(list(movies.values()))
    return movies


def titles(result: object) -> list[str]:
    return [hit.title for hit in result.hits]  # type: ignore[attr-defined]


async def test_a_typo_still_finds_the_matrix_first(index: SearchIndex, catalog: dict) -> None:
    result = await index.search(SearchQuery(text="matirx"))
    assert titles(result)[0] == "The Matrix"
    assert "The Matrix Reloaded" in titles(result)


async def test_a_title_match_outranks_a_match_in_the_overview(index: SearchIndex,
                                                              catalog: dict) -> None:
    result = await index.search(SearchQuery(text="matrix"))
    assert titles(result).index("The Matrix") < titles(result).index("Arrival")


async def test_movies_are_found_by_cast_and_by_director(index: SearchIndex,
                                                        catalog: dict) -> None:
    by_cast = await index.search(SearchQuery(text="keanu reeves"))
    by_director = await index.search(SearchQuery(text="villeneuve"))
    assert sorted(titles(by_cast)) == ["John Wick", "The Matrix", "The Matrix Reloaded"]
    assert titles(by_director) == ["Arrival"]


async def test_accents_do_not_matter(index: SearchIndex, catalog: dict) -> None:
    assert titles(await index.search(SearchQuery(text="amelie"))) == ["Amélie"]


async def test_the_original_title_is_searched(index: SearchIndex, catalog: dict) -> None:
    assert titles(await index.search(SearchQuery(text="fabuleux destin"))) == ["Amélie"]


async def test_facets_count_every_match_not_just_the_page(index: SearchIndex,
                                                          catalog: dict) -> None:
    result = await index.search(SearchQuery(text="keanu", limit=1))
    assert len(result.hits) == 1 and result.found == 3
    genres = {facet.value: facet.count for facet in result.facets.genre}
    assert genres == {"Action": 3, "Science Fiction": 2, "Thriller": 1}
    assert result.facets.genre[0].value == "Action"


async def test_year_and_decade_facets_count_movies_with_a_year(index: SearchIndex,
                                                               catalog: dict) -> None:
    result = await index.search(SearchQuery())
    decades = {facet.value: facet.count for facet in result.facets.decade}
    assert result.found == 9
    assert decades == {"1970": 1, "1990": 2, "2000": 3, "2010": 2}
    assert sum(facet.count for facet in result.facets.year) == 8


async def test_genre_filter_keeps_movies_with_any_of_the_genres(index: SearchIndex,
                                                                catalog: dict) -> None:
    result = await index.search(SearchQuery(genres=("Crime", "Comedy"), sort=MovieSort.TITLE))
    assert titles(result) == ["Amélie", "Heat"]


async def test_year_range_and_minimum_rating_filter_together(index: SearchIndex,
                                                             catalog: dict) -> None:
    query = SearchQuery(year_from=1995, year_to=2003, min_rating=7.5, sort=MovieSort.YEAR)
    assert titles(await index.search(query)) == ["Heat", "The Matrix", "Amélie"]


async def test_id_filter_keeps_or_drops_the_given_movies(index: SearchIndex,
                                                         catalog: dict) -> None:
    watched = frozenset({catalog["Heat"].id, catalog["Alien"].id})
    kept = await index.search(SearchQuery(), IdFilter(watched, include=True))
    dropped = await index.search(SearchQuery(), IdFilter(watched, include=False))
    nothing = await index.search(SearchQuery(), IdFilter(frozenset(), include=True))
    assert sorted(titles(kept)) == ["Alien", "Heat"]
    assert dropped.found == 7 and "Heat" not in titles(dropped)
    assert nothing.found == 0 and nothing.hits == []


@pytest.mark.parametrize(("sort", "expected"), [
    (MovieSort.YEAR, ["Untitled Home Video", "Alien", "Heat"]),
    (MovieSort.YEAR_DESC, ["Arrival", "John Wick", "Paprika"]),
    (MovieSort.TITLE, ["Alien", "Amélie", "Arrival"]),
    (MovieSort.RATING_DESC, ["Heat", "The Matrix", "Alien"]),
    (MovieSort.POPULARITY_DESC, ["The Matrix", "John Wick", "The Matrix Reloaded"]),
    (MovieSort.RUNTIME, ["Untitled Home Video", "Paprika", "John Wick"]),
])
async def test_sorts_put_missing_values_lowest(index: SearchIndex, catalog: dict,
                                               sort: MovieSort, expected: list[str]) -> None:
    assert titles(await index.search(SearchQuery(sort=sort, limit=3))) == expected


async def test_pages_follow_each_other_without_overlap(index: SearchIndex,
                                                       catalog: dict) -> None:
    pages = [await index.search(SearchQuery(sort=MovieSort.TITLE, limit=4, offset=offset))
             for offset in (0, 4, 8)]
    seen = [title for page in pages for title in titles(page)]
    assert len(seen) == 9 and len(set(seen)) == 9
    assert all(page.found == 9 for page in pages)


async def test_hits_carry_card_fields_and_highlight_the_match(index: SearchIndex,
                                                              catalog: dict) -> None:
    hit = (await index.search(SearchQuery(text="heat"))).hits[0]
    assert (hit.title, hit.year, hit.rating, hit.runtime_minutes) == ("Heat", 1995, 8.3, 170)
    assert hit.genres == ["Crime", "Thriller"]
    assert "<mark>Heat</mark>" in hit.highlights["title"]


async def test_a_deleted_movie_disappears(index: SearchIndex, catalog: dict) -> None:
    await index.delete([catalog["Heat"].id, "0190d0f0-0000-7000-8000-000000000000"])
    assert (await index.search(SearchQuery(text="heat"))).found == 0
    assert catalog["Heat"].id not in await index.versions()


async def test_upserting_again_replaces_the_document(index: SearchIndex, catalog: dict) -> None:
    renamed = document("Heat (Director's Cut)", id=catalog["Heat"].id, year=1995)
    await index.upsert([renamed])
    assert titles(await index.search(SearchQuery(text="heat"))) == ["Heat (Director's Cut)"]
    assert (await index.versions())[renamed.id] == renamed.version


async def test_versions_list_every_indexed_movie(index: SearchIndex, catalog: dict) -> None:
    assert await index.versions() == {m.id: m.version for m in catalog.values()}


async def test_autocomplete_completes_the_last_word(index: SearchIndex, catalog: dict) -> None:
    suggestions = await index.autocomplete("the mat", 10)
    assert [s.title for s in suggestions.items] == ["The Matrix", "The Matrix Reloaded"]
    assert suggestions.items[0].year == 1999


async def test_autocomplete_returns_at_most_the_limit(index: SearchIndex, catalog: dict) -> None:
    assert len((await index.autocomplete("a", 2)).items) == 2


async def test_no_index_before_the_first_write(index: SearchIndex) -> None:
    assert await index.is_current() is False
    with pytest.raises(Unavailable):
        await index.search(SearchQuery(text="matrix"))
    with pytest.raises(Unavailable):
        await index.ping()


async def test_the_first_write_creates_a_current_index(index: SearchIndex) -> None:
    await index.upsert([document("Heat")])
    assert await index.is_current() is True
    await index.ping()


async def test_a_rebuild_is_invisible_until_published(index: SearchIndex, catalog: dict) -> None:
    rebuild = await index.begin_rebuild()
    await index.upsert([document("Solaris")], into=rebuild)
    assert (await index.search(SearchQuery(text="solaris"))).found == 0
    await index.publish(rebuild)
    assert titles(await index.search(SearchQuery())) == ["Solaris"]
    assert await index.is_current() is True


async def test_a_discarded_rebuild_leaves_the_live_index_alone(index: SearchIndex,
                                                               catalog: dict) -> None:
    rebuild = await index.begin_rebuild()
    await index.upsert([document("Solaris")], into=rebuild)
    await index.discard(rebuild)
    await index.discard(rebuild)
    assert (await index.search(SearchQuery())).found == 9


async def test_the_live_index_in_one_look_agrees_with_count_and_is_current(
        index: SearchIndex) -> None:
    """What the coverage check reads every few seconds."""
    assert await index.live_index() == LiveIndex(documents=0, current=False)
    await index.upsert(list(small_catalog().values()))
    assert await index.live_index() == LiveIndex(documents=9, current=True)
    await index.publish(await index.begin_rebuild())
    assert await index.live_index() == LiveIndex(documents=0, current=True)


async def test_count_is_the_live_index_size_and_zero_before_any(index: SearchIndex) -> None:
    """What the start and reconnection checks compare with the catalog (finding 12)."""
    assert await index.count() == 0
    await index.upsert(list(small_catalog().values()))
    assert await index.count() == 9
    await index.publish(await index.begin_rebuild())
    assert await index.count() == 0
