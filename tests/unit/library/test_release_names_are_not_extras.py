"""A release name is a movie unless it carries a real extra or sample marker.

Both readers are checked: the scan's classifier (folders and suffixes, before parsing)
and the name parser (`kind`). A codec between dashes (`-x264-`) is not guessit's bonus
numbering (`-x02-`), and a dashed word after release tags is the release group, even
when the group is called Short, Clip or Scene.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.library.classification import classify
from revenge.domain.library.naming import parse_name
from tests.unit.library.scan_world import World

pytestmark = pytest.mark.unit

EXTRA_WORDS = ["Short", "Clip", "Scene", "Other", "Extra", "Featurette", "Interview",
               "Deleted", "DeletedScene", "BehindTheScenes"]


def _movie_everywhere(name: str) -> None:
    parsed = parse_name(name)
    found = classify(("Movie Title (2010)",), name)
    assert (parsed.kind, parsed.extra_type) == ("movie", None), name
    assert (found.role, found.extra_type) == ("main", None), name


@pytest.mark.parametrize(("name", "title"), [
    ("Movie Title (2010)-x264-GRP.mkv", "Movie Title"),
    ("The.Movie.2010.1080p.BluRay-X264-GRP.mkv", "The Movie"),
    ("The.Movie.2010.1080p.BluRay-x265-GRP.mkv", "The Movie"),
    ("The.Movie.2010.720p.HDTV-x262-GRP.mkv", "The Movie"),
])
def test_a_codec_between_dashes_is_not_a_bonus_number(name: str, title: str) -> None:
    _movie_everywhere(name)
    assert (parse_name(name).title, parse_name(name).year) == (title, 2010)


@pytest.mark.parametrize("group", EXTRA_WORDS + [w.upper() for w in EXTRA_WORDS])
def test_a_release_group_named_like_an_extra_type_is_a_group(group: str) -> None:
    name = f"The.Movie.2010.1080p.BluRay.x264-{group}.mkv"
    _movie_everywhere(name)
    assert parse_name(name).release_group == group


def test_guessits_bonus_numbering_still_makes_an_extra() -> None:
    parsed = parse_name("Moon_(2009)-x02-Making_Of.mkv")
    assert (parsed.title, parsed.year, parsed.kind) == ("Moon", 2009, "extra")


@pytest.mark.parametrize("suffix", ["-short", "-clip", "-scene", "-Short"])
def test_an_extra_suffix_after_the_title_or_year_is_still_an_extra(suffix: str) -> None:
    for name in (f"Alien (1979){suffix}.mkv", f"Alien{suffix}.mkv"):
        assert parse_name(name).kind == "extra"
        assert classify(("Alien (1979)",), name).role == "extra"


_WORDS = st.sampled_from(["Alien", "Heat", "The", "Big", "Night", "of", "Blue", "Moon",
                          "Return", "2", "Lost", "City", "Short", "Term", "Other", "Clip"])
_TAGS = st.sampled_from(["1080p", "720p", "2160p", "BluRay", "WEB-DL", "WEBRip", "HDTV",
                         "x264", "X264", "x265", "H.264", "HEVC", "DTS", "AAC2.0", "DD5.1",
                         "REMUX", "PROPER", "REPACK", "EXTENDED", "10bit", "HDR", "AMZN"])
_GROUPS = st.sampled_from([*EXTRA_WORDS, "GRP", "SPARKS", "x264", "X265", "RARBG", "Short",
                           "CLIP", "SCENE", "FGT", "NTb"])
_SEPARATORS = st.sampled_from([".", " ", "_"])


@st.composite
def release_names(draw: st.DrawFn, *, marker: str = "") -> str:
    """Title + year + tags + "-group" (+ a marker), as release names are built."""
    sep = draw(_SEPARATORS)
    title = sep.join(draw(st.lists(_WORDS, min_size=1, max_size=4)))
    year = str(draw(st.integers(1920, 2029)))
    year = draw(st.sampled_from([year, f"({year})", f"[{year}]"]))
    tags = draw(st.lists(_TAGS, min_size=1, max_size=5))
    dash = draw(st.sampled_from(["-", " - ", "-x264-", "-X264-", "-x265-"]))
    # the scan classifies files, which have an extension; names may lack one
    extension = draw(st.sampled_from([".mkv", ".mp4"] if marker else ["", ".mkv", ".mp4"]))
    return f"{title}{sep}{year}{sep}{sep.join(tags)}{dash}{draw(_GROUPS)}{marker}{extension}"


@given(release_names())
def test_release_names_without_a_marker_are_never_extras_or_samples(name: str) -> None:
    _movie_everywhere(name)


async def test_a_scan_records_the_movie_of_a_name_with_a_codec_between_dashes() -> None:
    world = World()
    world.add("Movie Title (2010)/Movie Title (2010)-x264-GRP.mkv")
    world.add("Heat (1995)/Heat.1995.1080p.BluRay.x264-Short.mkv")

    await world.scan()

    assert sorted((m.title, m.year) for m in world.movies()) == [
        ("Heat", 1995), ("Movie Title", 2010)]
    assert {f.kind for m in world.movies() for f in world.files_of(m)} == {"main"}


@given(release_names(marker="-sample"))
def test_the_same_names_with_a_sample_marker_are_samples(name: str) -> None:
    assert parse_name(name).kind == "sample", name
    assert classify(("Movie Title (2010)",), name).role == "sample", name


@given(release_names(marker="-trailer"))
def test_the_same_names_with_a_trailer_marker_are_trailers(name: str) -> None:
    assert (parse_name(name).kind, parse_name(name).extra_type) == ("extra", "trailer"), name
    assert classify(("Movie Title (2010)",), name).extra_type == "trailer", name
