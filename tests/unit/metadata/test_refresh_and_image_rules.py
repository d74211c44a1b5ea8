"""Refresh rules (locked fields, collection order, retry pacing) and image paths."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.catalog.movie import MovieFields, MoviePatch, edited, new_movie, refreshed
from revenge.domain.errors import RuleViolation
from revenge.domain.metadata.details import CollectionPart, MovieDetails
from revenge.domain.metadata.images import checked_kind, checked_path, checked_size
from revenge.domain.metadata.refresh import (
    FIRST_RETRY,
    LAST_RETRY,
    fields_of,
    member_order,
    retry_delay,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)
MATRIX = MovieDetails(tmdb_id=603, title="The Matrix", release_date=date(1999, 3, 30),
                      overview="A hacker learns the truth.", vote_average=8.2, vote_count=25000)


def test_a_refresh_keeps_the_fields_an_admin_edited_and_updates_the_rest() -> None:
    movie = new_movie("m1", MovieFields(title="matrix", year=1999), T0)
    movie = edited(movie, MoviePatch(changes={"title": "The Matrix (Director's pick)"}), T0)
    after = refreshed(movie, fields_of(MATRIX), T0 + timedelta(days=1))
    assert after.title == "The Matrix (Director's pick)"
    assert (after.tmdb_id, after.year, after.vote_count) == (603, 1999, 25000)
    assert after.locked_fields == {"title"}


def test_collection_members_are_in_release_order_with_unknown_dates_last() -> None:
    parts = (CollectionPart(tmdb_id=605, title="Revolutions", release_date=date(2003, 11, 5)),
             CollectionPart(tmdb_id=9, title="Unknown"),
             CollectionPart(tmdb_id=603, title="The Matrix", release_date=date(1999, 3, 30)),
             CollectionPart(tmdb_id=604, title="Reloaded", release_date=date(2003, 5, 15)))
    in_library = {603: "a", 605: "c", 9: "z", 604: "b"}
    assert member_order(parts, in_library) == ["a", "b", "c", "z"]
    assert member_order(parts, {604: "b"}) == ["b"]


@given(st.integers(0, 10_000))
def test_retries_of_a_parked_movie_back_off_between_five_minutes_and_six_hours(
        attempts: int) -> None:
    delay = retry_delay(attempts)
    assert FIRST_RETRY <= delay <= LAST_RETRY
    assert retry_delay(attempts + 1) >= delay


@pytest.mark.parametrize("path", ["/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg", "abc123.png", "/x.svg",
                                  "/A1.webp"])
def test_provider_image_paths_are_accepted_with_one_leading_slash(path: str) -> None:
    assert checked_path(path) == "/" + path.lstrip("/")


@pytest.mark.parametrize("path", [
    "../etc/passwd", "/../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e%2fsecret.jpg",
    "..\\secret.jpg", "..%5csecret.jpg", "/etc/passwd", "//etc/passwd.jpg", "C:\\x.jpg",
    "abc.jpg\x00.png", "a/b.jpg", "abc.exe", "abc.jpg.php", ".jpg", "", "/", "abc",
    "ab c.jpg", "abc.JPG ", "a" * 65 + ".jpg", "%00.jpg",
])
def test_anything_but_one_safe_file_name_is_refused_before_touching_disk(path: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        checked_path(path)
    assert refused.value.field == "path"


@given(st.text(max_size=80))
def test_an_accepted_path_never_holds_a_separator_or_a_dot_dot(path: str) -> None:
    try:
        accepted = checked_path(path)
    except RuleViolation:
        return
    assert accepted.count("/") == 1 and ".." not in accepted and "\\" not in accepted
    assert "\x00" not in accepted and "%" not in accepted


def test_image_kinds_and_sizes_come_from_allow_lists() -> None:
    assert checked_kind("poster") == "poster" and checked_size("w342") == "w342"
    for bad_kind in ("posters", "../poster", ""):
        with pytest.raises(RuleViolation):
            checked_kind(bad_kind)
    for bad_size in ("w500", "w342/../../", "ORIGINAL", ""):
        with pytest.raises(RuleViolation):
            checked_size(bad_size)
