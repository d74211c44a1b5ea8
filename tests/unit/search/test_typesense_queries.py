"""How searches are put to Typesense and how its answers (0.24 and later shapes) are read."""

from __future__ import annotations

import msgspec
import pytest

from revenge.adapters.typesense import queries
from revenge.application.search.read_models import IdFilter
from revenge.domain.search.query import SearchQuery
from revenge.domain.shared.listing import MovieSort


def test_filters_become_one_typesense_filter_expression() -> None:
    query = SearchQuery(genres=("Science Fiction", "Drama"), year_from=1990, year_to=1999,
                        min_rating=7.5)
    expression = queries.filter_by(query, IdFilter(frozenset({"b", "a"}), include=False))
    assert expression == ("genres:=[`Science Fiction`,`Drama`] && year:>=1990 && year:<=1999"
                          " && rating:>=7.5 && movie_id:!=[`a`,`b`]")


def test_no_filter_means_no_filter_parameter() -> None:
    assert "filter_by" not in queries.search_params("movies", SearchQuery(text="heat"), None)


def test_keeping_an_empty_set_of_movies_matches_nothing_without_asking() -> None:
    assert queries.matches_nothing(IdFilter(frozenset(), include=True))
    assert not queries.matches_nothing(IdFilter(frozenset(), include=False))


@pytest.mark.parametrize(("query", "expected"), [
    (SearchQuery(text="heat"), "_text_match:desc,popularity_key:desc"),
    (SearchQuery(), "popularity_key:desc"),
    (SearchQuery(sort=MovieSort.YEAR_DESC), "year_key:desc"),
    (SearchQuery(sort=MovieSort.TITLE), "sort_title:asc"),
])
def test_sorts_use_the_keys_where_a_missing_value_is_lowest(query: SearchQuery,
                                                            expected: str) -> None:
    assert queries.sort_by(query) == expected


def test_the_offset_becomes_a_page_of_the_same_size() -> None:
    params = queries.search_params("movies", SearchQuery(limit=20, offset=40), None)
    assert (params["page"], params["per_page"]) == (3, 20)


def _answer(hit: dict) -> bytes:
    return msgspec.json.encode({"results": [{"found": 1, "hits": [hit], "facet_counts": [
        {"field_name": "genres", "counts": [{"value": "Drama", "count": 1},
                                            {"value": "Action", "count": 1}]}]}]})


DOCUMENT = {"id": "m1", "title": "Heat", "year": 1995, "genres": ["Crime"], "rating": 8}


def test_highlights_are_read_from_the_v1_array() -> None:
    body = _answer({"document": DOCUMENT, "highlights": [
        {"field": "title", "snippet": "<mark>Heat</mark>", "matched_tokens": ["Heat"]}]})
    result = queries.to_result(queries.decode_search(body))
    assert result.hits[0].highlights == {"title": "<mark>Heat</mark>"}
    assert result.hits[0].rating == 8.0


def test_highlights_are_read_from_the_v2_object_when_there_is_no_array() -> None:
    body = _answer({"document": DOCUMENT, "highlight": {
        "title": {"snippet": "<mark>Heat</mark>", "matched_tokens": ["Heat"]},
        "cast": [{"snippet": "x"}]}})
    result = queries.to_result(queries.decode_search(body))
    assert result.hits[0].highlights == {"title": "<mark>Heat</mark>"}


def test_facet_values_are_ordered_by_count_then_value() -> None:
    result = queries.to_result(queries.decode_search(_answer({"document": DOCUMENT})))
    assert [f.value for f in result.facets.genre] == ["Action", "Drama"]
