"""What to watch next in a collection."""

from __future__ import annotations

from datetime import date

from revenge.domain.catalog.collection import (
    CollectionEntry,
    next_in_collection,
    release_order,
)

TRILOGY = [
    CollectionEntry("reloaded", date(2003, 5, 15), 1),
    CollectionEntry("matrix", date(1999, 3, 31), 0),
    CollectionEntry("unknown", None, 3),
    CollectionEntry("revolutions", date(2003, 11, 5), 2),
]


def test_members_are_in_release_order_with_unknown_dates_last() -> None:
    assert [e.movie_id for e in release_order(TRILOGY)] == [
        "matrix", "reloaded", "revolutions", "unknown"]


def test_next_is_the_first_unwatched_member_in_release_order() -> None:
    assert next_in_collection(TRILOGY, set()) == "matrix"
    assert next_in_collection(TRILOGY, {"matrix"}) == "reloaded"
    assert next_in_collection(TRILOGY, {"reloaded"}) == "matrix"  # the first gap wins
    assert next_in_collection(TRILOGY, {"matrix", "reloaded", "revolutions"}) == "unknown"


def test_nothing_is_next_when_everything_is_watched_or_there_are_no_members() -> None:
    assert next_in_collection(TRILOGY, {e.movie_id for e in TRILOGY}) is None
    assert next_in_collection([], set()) is None


def test_same_day_releases_follow_the_collections_own_order() -> None:
    day = date(2000, 1, 1)
    same_day = [CollectionEntry("b", day, 1), CollectionEntry("a", day, 0)]
    assert next_in_collection(same_day, set()) == "a"
