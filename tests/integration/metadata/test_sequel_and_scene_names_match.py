"""Names whose reading decides which film the matcher finds, against the fake TMDb.

"Back to the Future Part III.mkv" read as part 3 of "Back to the Future" would match the
first film; read as the sequel's title it matches the sequel. "Part II" stays unmatched
for an admin to pick (its title and "Part III"'s are too close to tell without a year),
which is still no wrong film.
A lower-case scene file "mhq-heat.1995..." gives its group and title as one word; the
matcher tries the title without the group too.
"""

from __future__ import annotations

import pytest

from revenge.application.metadata.match_movie import MatchMovieCommand
from tests.integration.metadata.test_provider_outages import World
from tests.integration.metadata.test_two_script_names_match import _scanned

BACK_TO_THE_FUTURE, PART_III = 105, 196
GODFATHER_PART_III, HEAT = 242, 949


@pytest.mark.parametrize(("name", "tmdb_id"), [
    ("Back to the Future Part III.mkv", PART_III),
    ("The Godfather Part III.mkv", GODFATHER_PART_III),
    ("Back to the Future (1985).mkv", BACK_TO_THE_FUTURE),
    ("mhq-heat.1995.1080p.bluray.x264.mkv", HEAT),
])
async def test_the_name_matches_the_film_it_names(world: World, name: str,
                                                  tmdb_id: int) -> None:
    movie_id = await _scanned(world, name)

    result = await world.match.execute(MatchMovieCommand(movie_id=movie_id))

    assert (result.status, result.tmdb_id) == ("matched", tmdb_id)


async def test_a_sequel_without_a_year_is_never_taken_for_the_first_film(world: World) -> None:
    movie_id = await _scanned(world, "Back to the Future Part II.mkv")

    result = await world.match.execute(MatchMovieCommand(movie_id=movie_id))

    assert result.tmdb_id != BACK_TO_THE_FUTURE
    assert (result.status, result.reason) == ("unmatched", "ambiguous")
    assert result.candidates >= 2  # the sequels, kept for an admin
