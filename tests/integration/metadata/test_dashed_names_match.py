"""A name of two parts around a dash ("Director - Title (Year)", "Franchise - Title")
matches the film against the fake TMDb, which like TMDb finds nothing for the whole
name: the matcher searches each part with the year. Without a year it does not guess."""

from __future__ import annotations

import pytest

from revenge.application.metadata.match_movie import MatchMovieCommand
from revenge.testing.fake_tmdb import FakeTmdb
from tests.integration.metadata.test_provider_outages import World
from tests.integration.metadata.test_two_script_names_match import _scanned

THE_MATRIX = 603  # 1999; an obscure "The Matrix" of 2012 shares the title
DUNE_PART_TWO = 693134


@pytest.mark.parametrize(("name", "tmdb_id"), [
    ("Wachowski - The Matrix (1999).mkv", THE_MATRIX),  # a director's name first
    ("The Matrix - Director's Notes (1999) 1080p.mkv", THE_MATRIX),  # a note after
    ("Dune - Part Two (2024).mkv", DUNE_PART_TWO),  # the whole name finds it first
])
async def test_a_dashed_name_matches_on_a_part_with_its_year(
        world: World, name: str, tmdb_id: int) -> None:
    movie_id = await _scanned(world, name)

    result = await world.match.execute(MatchMovieCommand(movie_id=movie_id))

    assert (result.status, result.tmdb_id) == ("matched", tmdb_id)


async def test_without_a_year_a_part_alone_is_not_searched(
        world: World, fake_tmdb: FakeTmdb) -> None:
    movie_id = await _scanned(world, "Wachowski - The Matrix.mkv")
    before = fake_tmdb.api_requests("/3/search/movie")

    result = await world.match.execute(MatchMovieCommand(movie_id=movie_id))

    assert result.status == "unmatched"
    assert fake_tmdb.api_requests("/3/search/movie") - before == 1  # the whole name only
