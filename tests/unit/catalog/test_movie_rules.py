"""Movie fields: validation naming the field, sort titles, locks against refreshes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.catalog.movie import (
    MovieFields,
    MoviePatch,
    edited,
    new_movie,
    refreshed,
    sort_title_of,
)
from revenge.domain.errors import RuleViolation

NOW = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.mark.parametrize(("title", "sort_title"), [
    ("The Matrix", "matrix"), ("A Beautiful Mind", "beautiful mind"),
    ("An Education", "education"), ("Amélie", "amelie"), ("ÉCRAN", "ecran"),
    ("The", "the"), ("Theodore Rex", "theodore rex"), ("'Round Midnight", "round midnight"),
    ("...And Justice for All", "and justice for all"), ("2001: A Space Odyssey",
                                                        "2001: a space odyssey"),
])
def test_sort_titles_ignore_case_accents_and_leading_articles(title: str,
                                                               sort_title: str) -> None:
    assert sort_title_of(title) == sort_title


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_titles_fold_as_the_unicode_rules_would(title: str) -> None:
    """ASCII titles take a shortcut; a leading combining accent (dropped by the rules)
    sends the same title down the full NFKD + casefold path, which must agree."""
    assert sort_title_of(title) == sort_title_of("\u0301" + title)


@pytest.mark.parametrize(("fields", "field"), [
    ({"title": "  "}, "title"), ({"title": "X", "year": 1700}, "year"),
    ({"title": "X", "runtime_minutes": -5}, "runtime_minutes"),
    ({"title": "X", "tmdb_id": 0}, "tmdb_id"), ({"title": "X", "imdb_id": "603"}, "imdb_id"),
    ({"title": "X", "vote_average": 10.5}, "vote_average"),
    ({"title": "X", "vote_count": -1}, "vote_count"),
    ({"title": "X", "popularity": float("nan")}, "popularity"),
])
def test_invalid_fields_are_refused_naming_the_field(fields: dict[str, object],
                                                     field: str) -> None:
    with pytest.raises(RuleViolation) as caught:
        new_movie("id", MovieFields(**fields), NOW)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_new_movie_has_a_trimmed_title_and_its_sort_title() -> None:
    movie = new_movie("id", MovieFields(title="  The Thing ", year=1982), NOW)
    assert (movie.title, movie.sort_title, movie.added_at, movie.locked_fields) == (
        "The Thing", "thing", NOW, frozenset())


def test_an_edit_locks_the_fields_it_changes_and_a_refresh_respects_them() -> None:
    movie = new_movie("id", MovieFields(title="Alien", year=1979, overview="old"), NOW)
    mine = edited(movie, MoviePatch(changes={"title": "Alien (Director's Cut)"}), NOW)
    assert mine.locked_fields == {"title"} and mine.sort_title == "alien (director's cut)"
    again = refreshed(mine, MovieFields(title="Alien", year=1979, overview="new"), NOW)
    assert (again.title, again.overview) == ("Alien (Director's Cut)", "new")


@pytest.mark.parametrize(("changes", "field"), [
    ({"added_at": NOW}, "added_at"), ({"year": "nineteen"}, "year"), ({"title": ""}, "title"),
])
def test_an_edit_of_an_unknown_or_malformed_field_is_refused(changes: dict[str, object],
                                                             field: str) -> None:
    movie = new_movie("id", MovieFields(title="Alien"), NOW)
    with pytest.raises(RuleViolation) as caught:
        edited(movie, MoviePatch(changes=changes), NOW)
    assert caught.value.field == field
