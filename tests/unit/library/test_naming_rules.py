"""The file-name parser's rules, one by one, as users meet them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from revenge.domain.library.naming import ParsedName, parse, parse_name, parse_path

# --- title and year ------------------------------------------------------------------


def test_dotted_release_name_gives_title_year_and_quality() -> None:
    parsed = parse_name("The.Matrix.1999.1080p.BluRay.x264.DTS-GRP.mkv")
    assert (parsed.title, parsed.year) == ("The Matrix", 1999)
    assert (parsed.resolution, parsed.source, parsed.codec, parsed.audio) == (
        "1080p",
        "BluRay",
        "H.264",
        "DTS",
    )
    assert (parsed.release_group, parsed.container) == ("GRP", "mkv")


def test_year_in_parentheses_ends_the_title_and_numbers_before_it_stay() -> None:
    assert parse_name("Blade Runner 2049 (2017).mkv").title == "Blade Runner 2049"
    assert parse_name("The Wolf of Wall Street 2001 (2013)").title == (
        "The Wolf of Wall Street 2001"
    )


@pytest.mark.parametrize(
    ("name", "title", "year"),
    [
        ("1917 (2019) 1080p.mkv", "1917", 2019),
        ("2001.A.Space.Odyssey.1968.1080p.BluRay.x264", "2001 A Space Odyssey", 1968),
        ("1776.1979.EXTENDED.720p.BluRay.X264-AMIABLE", "1776", 1979),
        ("Movie.Klasse.von.1999.1990.German.720p.HDTV.x264", "Movie Klasse von 1999", 1990),
        ("8.2019.GERMAN.720p.BluRay.x264-UNiVERSUM", "8", 2019),
        ("300.mkv", "300", None),
    ],
)
def test_title_may_be_or_contain_a_number(name: str, title: str, year: int | None) -> None:
    assert (parse_name(name).title, parse_name(name).year) == (title, year)


def test_calendar_dates_and_year_ranges_are_not_years() -> None:
    assert parse_name("My Movie 2013-12-09").year is None
    assert parse_name("Let.It.Fall.Los.Angeles.1982-1992.2017.DOCU.HDTV.x264").year == 2017


def test_initialisms_keep_their_dots() -> None:
    assert parse_name("R.I.P.D.2013.720p.BluRay.x264-SPARKS").title == "R.I.P.D."
    assert parse_name("To.Live.and.Die.in.L.A.1985.1080p").title == "To Live and Die in L.A."


def test_subtitle_after_a_spaced_dash_is_part_of_the_title() -> None:
    assert parse_name("The Big Bus - Il fantabus (1976).720p.H264").title == (
        "The Big Bus - Il fantabus"
    )


def test_language_word_is_a_title_word_unless_tags_or_a_dubbed_releases_year_follow() -> None:
    assert parse_name("Johnny.English.2003.720p.BluRay.x264").title == "Johnny English"
    assert parse_name("The.Good.German.2006.GERMAN.720p.BluRay").title == "The Good German"
    assert parse_name("Das.Appartement.German.AC3D.DL.720p.BluRay").title == "Das Appartement"
    assert parse_name("Der.Film.German.2011.PAL.DVDR-ETM").title == "Der Film"
    assert parse_name("Get.Him.To.The.Greek.UNRATED.720p").title == "Get Him To The Greek"


def test_leading_group_site_and_tags_are_not_title() -> None:
    assert parse_name("[MTBB] Kimi no Na wa. (2016) v2 [97681524].mkv").title == "Kimi no Na wa"
    assert parse_name("www.Torrenting.com - Revenge.2008.720p.X264-DIMENSION").title == "Revenge"
    assert parse_name("h265 - HEVC Riddick Unrated Director Cut French 1080p DTS.mkv").title == (
        "Riddick"
    )


def test_aka_gives_alternative_titles() -> None:
    parsed = parse_name("Akahige.AKA.Red.Beard.1965.CD1.CRiTERiON.DVDRip.XviD-KG.avi")
    assert parsed.alternative_titles == ("Akahige", "Red Beard")
    assert parsed.title == "Akahige"


# --- editions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "edition"),
    [
        ("Blade.Runner.1982.Directors.Cut.1080p.BluRay", "Director's Cut"),
        ("Alien DC (1979) [1080p]", "Director's Cut"),
        ("Rango.EXTENDED.2011.HDRip.AC3.German.XviD-POE", "Extended"),
        ("Movie.Title.Imax.2018.1080p.AMZN.WEB-DL", "IMAX"),
        ("The.Boss.2016.UNRATED.720p.BRRip.x264", "Unrated"),
        ("World War Z (2013) Theatrical Cut 720p BluRay x264", "Theatrical"),
        ("Rain Man 1988 REMASTERED 1080p BluRay x264", "Remastered"),
        ("A.Common.Title.2014.Special.Edition.avi", "Special Edition"),
        ("Picnic.at.Hanging.Rock.1975.Criterion.Collection.1080p", "Criterion"),
        ("The Heartbreak Kid (1993) UNCUT 720p WEBRip x264", "Uncut"),
        ("Alien (1979) {edition-Final Cut}.mkv", "Final Cut"),
    ],
)
def test_edition_is_named_and_kept_out_of_the_title(name: str, edition: str) -> None:
    parsed = parse_name(name)
    assert parsed.edition == edition
    assert edition.split()[0].casefold() not in (parsed.title or "").casefold()


def test_several_editions_are_all_named() -> None:
    parsed = parse_name("Batman V Superman Dawn of Justice 2016 Extended Cut Ultimate Edition")
    assert parsed.edition == "Extended, Ultimate Edition"


def test_edition_word_opening_a_title_belongs_to_it() -> None:
    parsed = parse_name("IMAX.Blue.Planet.1990.1080p.BluRay.REMUX")
    assert (parsed.title, parsed.edition) == ("IMAX Blue Planet", None)


# --- 3D ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Avatar.2009.3D.1080p.BluRay.x264",
        "TEST.2015.1080p.3D.BluRay.Half-SBS.x264",
        "/movies/Brave (2012)/Brave (2012).3d.hsbs.mkv",
        "Avengers.Infinity.War.2018.mk3d",
    ],
)
def test_3d_releases_are_flagged(name: str) -> None:
    assert parse(name).is_3d


def test_3d_inside_a_title_is_a_title_word() -> None:
    parsed = parse_name("A Very Harold & Kumar 3D Christmas (2011).mkv")
    assert (parsed.title, parsed.is_3d) == ("A Very Harold & Kumar 3D Christmas", False)


# --- parts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("Alien.1979.CD1.DVDRip.XviD.avi", 1),
        ("Alien (1979) cd2.avi", 2),
        ("Alien (1979) part1.mkv", 1),
        ("Alien (1979) pt.2.mkv", 2),
        ("Alien (1979) disc b.mkv", 2),
        ("Battle.Royale.(2000).CD1of2.DVDRiP.XviD.avi", 1),
        ("The Godfather Part 3.mkv", 3),
        ("Iron Man - part 2.mkv", 2),
        ("Iron Man-dvdb.mkv", 2),
    ],
)
def test_part_number_of_a_split_movie(name: str, part: int) -> None:
    parsed = parse_name(name)
    assert parsed.part == part
    assert not re.search(r"(?i)\b(?:cd|part|pt|disc)\b", parsed.title or "")


@pytest.mark.parametrize(
    "name",
    [
        "Harry.Potter.and.the.Deathly.Hallows.Part.1.2010.1080p",
        "The Twilight Saga Breaking Dawn - Part 2 (2012) 1080p.mkv",
        "The Godfather Part II (1974).mkv",
    ],
)
def test_part_before_the_year_names_the_movie(name: str) -> None:
    parsed = parse_name(name)
    assert parsed.title is not None
    assert parsed.title.split()[-2:][0] == "Part"
    assert parsed.part is None


# --- provider ids --------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "The Matrix (1999) [tmdbid-603].mkv",
        "The Matrix (1999) {tmdb-603}.mkv",
        "The Matrix (1999) [tmdb=603].mkv",
        "The.Matrix.1999.tmdbid-603.1080p.mkv",
    ],
)
def test_tmdb_id_in_brackets_is_extracted(name: str) -> None:
    parsed = parse_name(name)
    assert (parsed.title, parsed.year, parsed.tmdb_id) == ("The Matrix", 1999, 603)


@pytest.mark.parametrize(
    "name", ["The Matrix (1999) {imdb-tt0133093}.mkv", "The.Matrix.1999.tt0133093.1080p.mkv"]
)
def test_imdb_id_is_extracted_bracketed_or_bare(name: str) -> None:
    parsed = parse_name(name)
    assert (parsed.title, parsed.imdb_id) == ("The Matrix", "tt0133093")


def test_folder_ids_reach_the_file() -> None:
    parsed = parse_path("/movies/The Matrix (1999) [tmdbid-603]/The.Matrix.1999.1080p.mkv")
    assert parsed.tmdb_id == 603


# --- kinds: movie, extra, sample -----------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "extra_type"),
    [
        ("-trailer", "trailer"),
        (".trailer", "trailer"),
        ("-featurette", "featurette"),
        ("-behindthescenes", "behind_the_scenes"),
        ("-deleted", "deleted_scene"),
        ("-deletedscene", "deleted_scene"),
        ("-interview", "interview"),
        ("-scene", "scene"),
        ("-short", "short"),
        ("-clip", "clip"),
        ("-other", "other"),
        ("-extra", "other"),
    ],
)
def test_extra_suffix_makes_an_extra_of_that_type(suffix: str, extra_type: str) -> None:
    parsed = parse_name(f"Alien (1979){suffix}.mkv")
    assert (parsed.title, parsed.year) == ("Alien", 1979)
    assert (parsed.kind, parsed.extra_type) == ("extra", extra_type)


@pytest.mark.parametrize(
    ("words", "extra_type"),
    [
        ("Behind the Scenes", "behind_the_scenes"),
        ("Making Of", "behind_the_scenes"),
        ("Deleted Scenes", "deleted_scene"),
        ("Deleted Scene 2", "deleted_scene"),
        ("Featurette", "featurette"),
        ("Interviews", "interview"),
        ("Teaser", "trailer"),
    ],
)
def test_an_extra_named_in_words_after_the_year_is_that_extra(words: str, extra_type: str) -> None:
    parsed = parse_name(f"Alien (1979) - {words}.mkv")
    assert (parsed.title, parsed.year) == ("Alien", 1979)
    assert (parsed.kind, parsed.extra_type) == ("extra", extra_type)


@pytest.mark.parametrize("name", [
    "Interview (2007).mkv",  # films named so
    "Behind the Scenes (2010) 1080p.mkv",
    "The Making Of (2010).mkv",
    "Alien - Deleted Scenes Edition (1979).mkv",  # the words are not the end
])
def test_those_words_as_a_film_s_name_make_no_extra(name: str) -> None:
    assert parse_name(name).kind == "movie"


@pytest.mark.parametrize(
    ("folder", "extra_type"),
    [
        ("Trailers", "trailer"),
        ("Featurettes", "featurette"),
        ("Extras", "other"),
        ("Behind The Scenes", "behind_the_scenes"),
        ("Deleted Scenes", "deleted_scene"),
        ("Interviews", "interview"),
        ("Scenes", "scene"),
        ("Shorts", "short"),
        ("Other", "other"),
        ("Clips", "clip"),
    ],
)
def test_extras_folder_makes_an_extra(folder: str, extra_type: str) -> None:
    parsed = parse_path(f"/movies/Alien (1979)/{folder}/Making the Alien.mkv")
    assert (parsed.kind, parsed.extra_type) == ("extra", extra_type)
    assert parsed.title == "Making the Alien"


@pytest.mark.parametrize(
    "path",
    [
        "Alien.1979.1080p.BluRay.x264-GRP-sample.mkv",
        "alien.1979.1080p.bluray.x264-grp.sample.mkv",
        "sample-alien.1979.1080p.mkv",
        "Alien.1979.1080p.BluRay.x264.Sample-GRP.mkv",
        "/movies/Alien.1979.1080p.BluRay.x264-GRP/Sample/grp-alien.mkv",
    ],
)
def test_samples_are_recognised(path: str) -> None:
    parsed = parse(path)
    assert (parsed.kind, parsed.extra_type) == ("sample", None)


def test_proof_sample_fix_release_is_a_movie() -> None:
    parsed = parse_name("The.Last.Survivors.2014.PROOF.SAMPLE.FiX.BDRip.x264-TOPCAT")
    assert (parsed.title, parsed.kind) == ("The Last Survivors", "movie")


def test_a_film_named_sample_in_a_library_layout_is_a_movie() -> None:
    parsed = parse_name("Sample People (2000).mkv")
    assert (parsed.title, parsed.year, parsed.kind) == ("Sample People", 2000, "movie")
    assert parse_name("sample movie title.mkv").kind == "sample"  # no year: a sample
    assert (parse_name("The Sample.mkv").title, parse_name("The Sample.mkv").kind) == (
        "The Sample", "movie")  # an article alone before the marker: a film's name
    assert parse_name("The.Trailer.mkv").kind == "movie"


def test_a_copy_made_in_windows_reads_as_the_original() -> None:
    assert (parse_name("Alien (1979) - Copy.mkv").title, parse_name("Alien (1979) - Copy (2).mkv")
            .year) == ("Alien", 1979)
    assert parse_name("Certified Copy (2010).mkv").title == "Certified Copy"


def test_title_ending_in_an_extra_word_stays_a_movie() -> None:
    assert parse_name("The Other (1972).mkv").kind == "movie"
    assert parse_name("The.Big.Short.2015.1080p.BluRay.mkv").kind == "movie"


# --- folders -------------------------------------------------------------------------


def test_folder_names_the_movie_when_the_file_says_nothing() -> None:
    parsed = parse_path("/movies/The Matrix (1999)/movie.mkv")
    assert (parsed.title, parsed.year, parsed.container) == ("The Matrix", 1999, "mkv")


def test_release_folder_names_the_movie_of_a_hashed_file() -> None:
    parsed = parse_path(
        "C:\\Downloads\\Some.Movie.2018.720p.WEB-DL.AAC2.0.H.264-Mercury\\"
        "0e895c37245186812cb08aab1529cf8ee389dd05.mkv"
    )
    assert (parsed.title, parsed.year, parsed.resolution) == ("Some Movie", 2018, "720p")


def test_release_folder_names_the_movie_of_a_scene_abbreviation() -> None:
    parsed = parse_path("Movies/Alice in Wonderland DVDRip.XviD-DiAMOND/dmd-aw.avi")
    assert parsed.title == "Alice in Wonderland"


def test_folder_year_completes_a_file_without_one() -> None:
    parsed = parse_path("/movies/La Science des Rêves (2006)/La.Science.Des.Reves.DVDRip.avi")
    assert (parsed.title, parsed.year) == ("La Science des Rêves", 2006)


def test_a_collection_folder_does_not_rename_the_movies_in_it() -> None:
    parsed = parse_path("/movies/Kids (2010)/Toy.Story.3.mkv")
    assert (parsed.title, parsed.year) == ("Toy Story 3", None)


def test_disc_structure_files_are_named_by_the_movie_folder() -> None:
    assert parse_path("/movies/Heat (1995)/VIDEO_TS/VTS_01_1.VOB").title == "Heat"
    assert parse_path("/movies/Heat/BDMV/STREAM/00001.m2ts").title == "Heat"


def test_file_name_with_its_own_year_wins_over_the_folder() -> None:
    assert parse_path("/server/Movies/300 (2007)/300 (2006).mkv").year == 2006


def test_library_roots_and_drive_letters_say_nothing() -> None:
    parsed = parse_path("D:\\Movies\\Downloads\\Heat.1995.1080p.mkv")
    assert (parsed.title, parsed.year) == ("Heat", 1995)


def test_parse_tells_a_path_from_a_name_with_slashes() -> None:
    assert parse("Movies/Heat (1995)/heat.mkv").title == "Heat"
    parsed = parse("Енола Голмс / Enola Holmes (2020) 2160p")
    assert (parsed.title, parsed.alternative_titles) == ("Enola Holmes", ("Enola Holmes",
                                                                          "Енола Голмс"))


def test_parser_reads_only_the_text_never_the_filesystem(tmp_path: Path) -> None:
    """Skipping folders with a `.ignore` marker is the scanner's job, not the parser's."""
    folder = tmp_path / "Heat (1995)"
    folder.mkdir()
    (folder / ".ignore").touch()
    elsewhere = "/nowhere/Heat (1995)/Heat.1995.1080p.mkv"
    assert parse_path(str(folder / "Heat.1995.1080p.mkv")) == parse_path(elsewhere)


# --- robustness ----------------------------------------------------------------------

_RESOLUTION = re.compile(r"(?i)\d{3,4}x\d{3,4}|(?:480|576|720|1080|1440|2160|4320)[pi]|[48]k")


@settings(deadline=None)  # a loaded CI box must not turn slowness into failures
@given(st.text())
@example("")
@example("1080p")
@example("[]()-._ ")
@example("(((((")
@example("tt12345678 tmdbid-1 {edition-}")
@example("a" + " ._-" * 1000 + "b")  # long runs of separators stay linear, not quadratic
@example("www." + "a." * 1000)
def test_parse_never_raises_and_titles_hold_no_resolution(text: str) -> None:
    for parsed in (parse_name(text), parse_path(text), parse(text)):
        assert isinstance(parsed, ParsedName)
        assert parsed.title is None or parsed.title.strip() == parsed.title != ""
        tokens = re.split(r"[\W_]+", parsed.title or "")
        assert not any(_RESOLUTION.fullmatch(token) for token in tokens)
        assert parsed.year is None or 1880 <= parsed.year <= 2039


_WORDS = "the last night summer of city dark star love man house blue river king story war"
_TITLES = st.lists(st.sampled_from(_WORDS.split()), min_size=1, max_size=6).map(" ".join)
_SUFFIXES = st.sampled_from(
    [
        "({year}) 1080p BluRay x264-GRP.mkv",
        "{year} 720p WEB-DL DD5.1 H.264-NTG",
        "[{year}] DVDRip XviD AC3",
        "({year}) [2160p] [WEBRip] [5.1] [YTS.MX].mp4",
        "{year} EXTENDED German DL 1080p BluRay AVC-XANOR",
    ]
)


@settings(deadline=None)
@given(_TITLES, st.integers(1900, 2030), _SUFFIXES, st.sampled_from([" ", ".", "_"]))
def test_common_release_suffixes_leave_ordinary_titles_whole(
    title: str, year: int, suffix: str, separator: str
) -> None:
    name = f"{title} {suffix.format(year=year)}".replace(" ", separator)
    parsed = parse_name(name)
    assert (parsed.title, parsed.year) == (title, year)
