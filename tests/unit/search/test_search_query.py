"""The search query value object: what is accepted, and which parameter is named when not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.search.errors import InvalidSearch
from revenge.domain.search.query import (
    MAX_OFFSET,
    SEARCH_SORTS,
    Relevance,
    SearchQuery,
    checked_prefix,
    checked_sort,
    decade_of,
    decode_cursor,
    encode_cursor,
)
from revenge.domain.shared.listing import MovieSort


@pytest.mark.parametrize(("fields", "bad_field"), [
    ({"text": "x" * 201}, "q"),
    ({"genres": ("",)}, "genre"),
    ({"genres": tuple(f"g{i}" for i in range(21))}, "genre"),
    ({"year_from": 1799}, "year_from"),
    ({"year_to": 2201}, "year_to"),
    ({"year_from": 2000, "year_to": 1999}, "year_to"),
    ({"min_rating": 10.5}, "min_rating"),
    ({"min_rating": -1}, "min_rating"),
    ({"limit": 0}, "limit"),
    ({"limit": 201}, "limit"),
    ({"offset": -1}, "cursor"),
])
def test_a_malformed_query_names_the_offending_parameter(fields: dict, bad_field: str) -> None:
    with pytest.raises(InvalidSearch) as raised:
        SearchQuery(**fields)
    assert raised.value.field == bad_field


def test_an_empty_query_browses_everything_by_relevance() -> None:
    query = SearchQuery(text="   ")
    assert query.words == "" and query.sort is Relevance.RELEVANCE and query.limit == 50


def test_search_sorts_by_relevance_and_by_every_catalog_sort() -> None:
    assert [sort.value for sort in SEARCH_SORTS] == [
        "relevance", "title", "-title", "year", "-year", "added", "-added", "rating",
        "-rating", "runtime", "-runtime", "popularity", "-popularity"]


@pytest.mark.parametrize(("value", "sort"), [
    ("relevance", Relevance.RELEVANCE),
    ("-year", MovieSort.YEAR_DESC),
    ("title", MovieSort.TITLE),
])
def test_a_sort_is_read_from_its_wire_value(value: str, sort: object) -> None:
    assert checked_sort(value) is sort


@pytest.mark.parametrize("value", ["Relevance", "-relevance", "name", ""])
def test_an_unknown_sort_is_refused_naming_the_sort_parameter(value: str) -> None:
    with pytest.raises(InvalidSearch) as raised:
        checked_sort(value)
    assert raised.value.field == "sort"


@given(st.integers(min_value=0, max_value=MAX_OFFSET))
def test_a_cursor_gives_back_the_offset_it_was_made_from(offset: int) -> None:
    assert decode_cursor(encode_cursor(offset)) == offset


@pytest.mark.parametrize("cursor", ["%%%", "bm90IGpzb24", encode_cursor(MAX_OFFSET + 1)])
def test_a_cursor_this_server_did_not_make_is_refused(cursor: str) -> None:
    with pytest.raises(InvalidSearch) as raised:
        decode_cursor(cursor)
    assert raised.value.field == "cursor"


def test_no_cursor_means_the_first_page() -> None:
    assert decode_cursor(None) == 0 and decode_cursor("") == 0


@pytest.mark.parametrize(("prefix", "limit"), [("", 5), ("  ", 5), ("mat", 0), ("mat", 11)])
def test_autocomplete_needs_a_prefix_and_at_most_ten_suggestions(prefix: str,
                                                                 limit: int) -> None:
    with pytest.raises(InvalidSearch):
        checked_prefix(prefix, limit)


def test_autocomplete_trims_the_prefix() -> None:
    assert checked_prefix("  the mat ", 10) == ("the mat", 10)


@pytest.mark.parametrize(("year", "decade"), [(1999, 1990), (2000, 2000), (1979, 1970)])
def test_a_year_belongs_to_its_decade(year: int, decade: int) -> None:
    assert decade_of(year) == decade
