"""Sort orders, filters, page sizes and opaque cursors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.catalog.cursor import Cursor, decode_cursor, encode_cursor
from revenge.domain.catalog.errors import InvalidQuery
from revenge.domain.catalog.listing import (
    MovieFilter,
    MovieSort,
    PageRequest,
    SortField,
    checked_limit,
)

key_values = st.one_of(st.text(max_size=50), st.integers(-(2**62), 2**62),
                       st.floats(allow_nan=False), st.none(),
                       st.datetimes(timezones=st.just(UTC)))


@given(st.text(max_size=40), st.lists(key_values, max_size=4).map(tuple))
def test_a_cursor_decodes_to_what_was_encoded(scope: str, key: tuple[object, ...]) -> None:
    token = encode_cursor(Cursor(scope, key))  # type: ignore[arg-type]
    assert token.isascii() and "=" not in token and "+" not in token and "/" not in token
    assert decode_cursor(token, scope) == Cursor(scope, key)  # type: ignore[arg-type]


@pytest.mark.parametrize("token", ["", "!!!", "gqF4kQ", "a" * 50, "é"])
def test_garbage_is_not_a_cursor(token: str) -> None:
    with pytest.raises(InvalidQuery) as caught:
        decode_cursor(token, "movies:title")
    assert caught.value.field == "cursor"


def test_a_cursor_of_another_list_is_refused() -> None:
    token = encode_cursor(Cursor("movies:title", ("alien", "id")))
    with pytest.raises(InvalidQuery):
        decode_cursor(token, "movies:-title")


def test_every_sort_names_a_field_and_a_direction() -> None:
    assert {(s.field, s.descending) for s in MovieSort} == {
        (f, d) for f in SortField for d in (False, True)}
    assert MovieSort("-added").field is SortField.ADDED and MovieSort("-added").descending


@pytest.mark.parametrize("limit", [0, -1, 201])
def test_page_sizes_outside_1_to_200_are_refused(limit: int) -> None:
    with pytest.raises(InvalidQuery) as caught:
        PageRequest(limit)
    assert caught.value.field == "limit"
    assert checked_limit(200) == 200


@pytest.mark.parametrize(("conditions", "field"), [
    ({"year_from": 2000, "year_to": 1990}, "year_to"), ({"year_from": 99}, "year_from"),
    ({"min_rating": -1}, "min_rating"), ({"search": ""}, "q"), ({"search": "x" * 201}, "q"),
])
def test_contradictory_or_impossible_filters_are_refused(conditions: dict[str, object],
                                                         field: str) -> None:
    with pytest.raises(InvalidQuery) as caught:
        MovieFilter(**conditions)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_only_watched_in_progress_and_watchlist_filters_are_about_the_caller() -> None:
    assert MovieFilter(watched=False).about_user and MovieFilter(on_watchlist=True).about_user
    assert MovieFilter(in_progress=True).about_user
    assert not MovieFilter(genre="Drama", year_from=2000, missing=True).about_user


def test_datetimes_survive_a_cursor_with_microseconds() -> None:
    at = datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=UTC)
    cursor = decode_cursor(encode_cursor(Cursor("s", (at, "id"))), "s")
    assert cursor.key[0] == at
