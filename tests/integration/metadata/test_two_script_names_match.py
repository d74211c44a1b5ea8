"""A file name giving a title in two scripts matches on either, against the fake TMDb.

The scan keeps the Latin title as the movie's title and the other script's as its
original title until the provider says better; the matcher searches with both.
"""

from __future__ import annotations

import pytest
import uuid_utils

from revenge.application.library.scan.phase_4_parse import other_name
from revenge.application.metadata.match_movie import MatchMovieCommand
from revenge.domain.catalog.movie import MovieFields, new_movie
from revenge.domain.library.naming import parse_name
from tests.integration.metadata.test_provider_outages import World

SPIRITED_AWAY = 129  # "Spirited Away", original title "千と千尋の神隠し", 2001


async def _scanned(world: World, name: str) -> str:
    """The movie the scan records for a file of this name (no .nfo beside it)."""
    parsed = parse_name(name)
    fields = MovieFields(title=parsed.title or "", original_title=other_name(parsed),
                         year=parsed.year)
    async with world.uow() as uow:
        movie = new_movie(str(uuid_utils.uuid7()), fields, world.clock())
        await uow.movies.add(movie)
        await uow.commit()
    return movie.id


@pytest.mark.parametrize("name", [
    "千と千尋の神隠し / Spirited Away (2001) 1080p BluRay x264.mkv",  # both titles known
    "千と千尋の神隠し Spirited Away 2001 BDRip.mkv",  # no separator between the scripts
    "千と千尋の神隠し / Sen to Chihiro (2001) DVDRip.avi",  # only the Japanese one is
    "Unheard Of Title / 千と千尋の神隠し (2001).mkv",  # the Latin one leads, unknown
])
async def test_a_name_in_two_scripts_matches_on_either_title(world: World, name: str) -> None:
    movie_id = await _scanned(world, name)

    result = await world.match.execute(MatchMovieCommand(movie_id=movie_id))

    assert (result.status, result.tmdb_id) == ("matched", SPIRITED_AWAY)


def test_the_latin_title_leads_and_the_other_script_is_kept() -> None:
    parsed = parse_name("千と千尋の神隠し / Sen to Chihiro (2001) DVDRip.avi")
    assert (parsed.title, parsed.year) == ("Sen to Chihiro", 2001)
    assert other_name(parsed) == "千と千尋の神隠し"
