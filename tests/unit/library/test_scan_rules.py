"""Pure scanner rules: extensions, extras and samples, stacks, .nfo files, moves, keys."""

from __future__ import annotations

import hypothesis
import hypothesis.strategies
import pytest

from revenge.domain.library.classification import classify
from revenge.domain.library.diff import FileStat
from revenge.domain.library.extensions import VIDEO_EXTENSIONS, is_video
from revenge.domain.library.grouping import movie_key
from revenge.domain.library.moves import MoveCandidate, pair_moves
from revenge.domain.library.nfo import parse_nfo
from revenge.domain.library.settling import Settling, scan_scopes
from revenge.domain.library.stacking import stack_parts

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("extension", [
    "mkv", "mp4", "m4v", "avi", "mov", "wmv", "mpg", "mpeg", "ts", "m2ts", "webm", "flv",
    "ogv", "3gp", "divx", "vob", "iso"])
def test_every_required_video_extension_is_scanned(extension: str) -> None:
    assert f".{extension}" in VIDEO_EXTENSIONS
    assert is_video(f"Movie (2000).{extension.upper()}")


@pytest.mark.parametrize("name", ["movie.nfo", "cover.jpg", "subs.srt", "movie", ".mkv"])
def test_other_files_are_not_videos(name: str) -> None:
    assert not is_video(name)


@pytest.mark.parametrize(("folders", "name", "role", "extra_type"), [
    (("Alien (1979)",), "Alien (1979).mkv", "main", None),
    (("Alien (1979)",), "Alien (1979)-trailer.mkv", "extra", "trailer"),
    (("Alien (1979)",), "Alien.1979.trailer.mp4", "extra", "trailer"),
    (("Alien (1979)",), "trailer.mkv", "extra", "trailer"),
    (("Alien (1979)",), "Alien-featurette.mkv", "extra", "featurette"),
    (("Alien (1979)",), "Alien-behindthescenes.mkv", "extra", "behind_the_scenes"),
    (("Alien (1979)",), "Alien-deleted.mkv", "extra", "deleted_scene"),
    (("Alien (1979)",), "Alien-interview2.mkv", "extra", "interview"),
    (("Alien (1979)",), "Alien-scene.mkv", "extra", "scene"),
    (("Alien (1979)",), "Alien-short.mkv", "extra", "short"),
    (("Alien (1979)",), "Alien-clip.mkv", "extra", "clip"),
    (("Alien (1979)",), "Alien-other.mkv", "extra", "other"),
    (("Alien (1979)",), "Alien (1979) - Deleted Scenes.mkv", "extra", "deleted_scene"),
    (("Alien (1979)",), "Alien (1979) - Making Of.mkv", "extra", "behind_the_scenes"),
    (("Alien (1979)", "Trailers"), "Teaser.mkv", "extra", "trailer"),
    (("Alien (1979)", "Featurettes"), "a.mkv", "extra", "featurette"),
    (("Alien (1979)", "Extras"), "a.mkv", "extra", "other"),
    (("Alien (1979)", "Behind The Scenes"), "a.mkv", "extra", "behind_the_scenes"),
    (("Alien (1979)", "Deleted Scenes"), "a.mkv", "extra", "deleted_scene"),
    (("Alien (1979)", "Interviews"), "a.mkv", "extra", "interview"),
    (("Alien (1979)", "Scenes"), "a.mkv", "extra", "scene"),
    (("Alien (1979)", "Shorts"), "a.mkv", "extra", "short"),
    (("Alien (1979)", "Other"), "a.mkv", "extra", "other"),
    (("Alien (1979)", "Clips"), "a.mkv", "extra", "clip"),
    (("Alien (1979)", "Sample"), "alien.mkv", "sample", None),
    (("Alien (1979)",), "alien-sample.mkv", "sample", None),
    (("Alien (1979)",), "sample.mkv", "sample", None),
    ((), "The Other.mkv", "main", None),
    ((), "Short Term 12 (2013).mkv", "main", None),
    (("Shorts",), "La Jetee (1962).mkv", "main", None),
])
def test_files_are_classified_by_their_folders_and_suffixes(
        folders: tuple[str, ...], name: str, role: str, extra_type: str | None) -> None:
    found = classify(folders, name)
    assert (found.role, found.extra_type) == (role, extra_type)


@pytest.mark.parametrize(("names", "parts"), [
    (["Movie.cd1.avi", "Movie.cd2.avi"], [1, 2]),
    (["Movie CD1.avi", "Movie CD2.avi", "Movie CD3.avi"], [1, 2, 3]),
    (["Movie (2001) - Part 1.mkv", "Movie (2001) - Part 2.mkv"], [1, 2]),
    (["Movie.part1.mkv", "Movie.part2.mkv"], [1, 2]),
    (["Movie.pt1.mkv", "Movie.pt2.mkv"], [1, 2]),
    (["Movie disc a.mkv", "Movie disc b.mkv"], [1, 2]),
    (["Movie Disk 1.mkv", "Movie Disk 2.mkv"], [1, 2]),
    (["Movie.dvd1.mkv", "Movie.dvd2.mkv"], [1, 2]),
    (["Movie.cd1.x264-GRP.avi", "Movie.cd2.x264-GRP.avi"], [1, 2]),
])
def test_multi_part_names_in_one_folder_stack(names: list[str], parts: list[int]) -> None:
    stacked = stack_parts(names)
    assert [stacked[name][1] for name in names] == parts
    assert len({stacked[name][0] for name in names}) == 1


@pytest.mark.parametrize("names", [
    ["Harry Potter Part 1 (2010).mkv", "Harry Potter Part 2 (2011).mkv"],
    ["Kill Bill Part 2.mkv"],
    ["Counterpart 1.mkv", "Counterpart 2.mkv"],
    ["Departure.mkv", "Party.mkv"],
])
def test_names_that_only_look_like_parts_do_not_stack(names: list[str]) -> None:
    assert stack_parts(names) == {}


def test_an_nfo_gives_title_year_and_provider_ids() -> None:
    info = parse_nfo("""<?xml version="1.0" encoding="UTF-8"?>
        <movie><title>Am&#233;lie</title><originaltitle>Le Fabuleux Destin</originaltitle>
        <premiered>2001-04-25</premiered>
        <uniqueid type="imdb">tt0211915</uniqueid><uniqueid type="tmdb">194</uniqueid>
        </movie>
        https://www.imdb.com/title/tt0211915/""")

    assert (info.title, info.original_title, info.year, info.tmdb_id, info.imdb_id) == (
        "Amélie", "Le Fabuleux Destin", 2001, 194, "tt0211915")


@pytest.mark.parametrize(("text", "tmdb_id", "imdb_id"), [
    ("https://www.themoviedb.org/movie/603-the-matrix", 603, None),
    ("http://www.imdb.com/title/tt0133093/", None, "tt0133093"),
    ("<movie><id>tt0133093</id><tmdbid>603</tmdbid></movie>", 603, "tt0133093"),
    ("<tvshow><title>Friends</title><tmdbid>1668</tmdbid></tvshow>", None, None),
    ("not xml at all & <broken", None, None),
])
def test_nfo_ids_come_from_tags_or_bare_urls(text: str, tmdb_id: int | None,
                                             imdb_id: str | None) -> None:
    info = parse_nfo(text)
    assert (info.tmdb_id, info.imdb_id) == (tmdb_id, imdb_id)


@pytest.mark.parametrize("value", ["²", "\u0661\u0669\u0669\u0669", "9" * 5000, "2147483648",
                                   "0", "-5", " "])
def test_an_nfo_number_that_is_not_a_usable_one_is_ignored(value: str) -> None:
    info = parse_nfo(f"""<movie><title>Heat</title><year>{value}</year>
        <tmdbid>{value}</tmdbid><uniqueid type="tmdb">{value}</uniqueid>
        https://www.themoviedb.org/movie/{value}</movie>""")

    assert (info.title, info.year, info.tmdb_id) == ("Heat", None, None)


def test_control_characters_in_nfo_titles_become_spaces() -> None:
    info = parse_nfo("<movie><title>Heat\x00\x01(1995)</title>"
                     "<originaltitle>\x00</originaltitle></movie>")
    assert (info.title, info.original_title) == ("Heat (1995)", None)


def test_an_imdb_id_is_ascii_digits() -> None:
    arabic_indic = "".join(chr(0x660 + int(digit)) for digit in "0211915")
    assert parse_nfo(f"<movie><id>tt{arabic_indic}</id></movie>").imdb_id is None


@hypothesis.given(hypothesis.strategies.text())
def test_any_text_in_an_nfo_gives_an_answer_not_an_error(text: str) -> None:
    for template in ("<movie><year>{}</year><tmdbid>{}</tmdbid></movie>",
                     '<movie><uniqueid type="tmdb">{}</uniqueid><id>{}</id></movie>', "{}{}"):
        info = parse_nfo(template.format(text, text))
        assert info.tmdb_id is None or 0 < info.tmdb_id < 2**31
        assert info.year is None or 1800 <= info.year <= 2200


def test_a_move_is_paired_by_content_hash_and_each_candidate_used_once() -> None:
    a = MoveCandidate(file_id="a", movie_id="m", path="/x/a.mkv", size=5, content_hash="h1")
    b = MoveCandidate(file_id="b", movie_id="m", path="/x/b.mkv", size=5, content_hash="h2")
    moved = pair_moves([(FileStat("/y/1.mkv", 5, 0), "h2"), (FileStat("/y/2.mkv", 5, 0), "h2"),
                        (FileStat("/y/3.mkv", 6, 0), "h1")], [a, b])

    assert [(m.stat.path, m.moved.file_id) for m in moved] == [("/y/1.mkv", "b")]


def test_a_never_hashed_file_moves_only_to_the_same_name_or_within_its_folder() -> None:
    a = MoveCandidate(file_id="a", movie_id="m", path="/x/Heat.mkv", size=5)
    b = MoveCandidate(file_id="b", movie_id="m", path="/z/Alien.mkv", size=5)
    moved = pair_moves([(FileStat("/y/Other.mkv", 5, 0), "h"),
                        (FileStat("/y/Heat.mkv", 5, 0), "h"),
                        (FileStat("/z/Alien (1979).mkv", 5, 0), "h")], [a, b])

    assert [(m.stat.path, m.moved.file_id) for m in moved] == [
        ("/y/Heat.mkv", "a"), ("/z/Alien (1979).mkv", "b")]


@pytest.mark.parametrize(("a", "b"), [
    (("The Matrix", 1999, None, None), ("the matrix", 1999, None, None)),
    (("Amélie", 2001, None, None), ("Amelie", 2001, None, None)),
    (("Fast & Furious", 2009, None, None), ("Fast and Furious", 2009, None, None)),
    (("Anything", None, 603, None), ("Other", 1999, 603, "tt1")),
])
def test_movie_keys_ignore_case_accents_and_punctuation(a: tuple, b: tuple) -> None:  # type: ignore[type-arg]
    assert movie_key(*a) == movie_key(*b)


def test_different_years_make_different_movies() -> None:
    assert movie_key("Dune", 1984, None, None) != movie_key("Dune", 2021, None, None)


def test_a_path_settles_once_events_about_it_stop() -> None:
    settling = Settling(quiet_seconds=2)
    settling.touch(["/m/a.mkv"], now=0)
    settling.touch(["/m/a.mkv"], now=1.5)

    assert settling.due(now=3) == []
    assert settling.next_due_in(now=3) == pytest.approx(0.5)
    assert settling.due(now=3.5) == ["/m/a.mkv"]
    assert settling.next_due_in(now=4) is None


def test_changed_paths_are_rescanned_by_their_folder_or_alone_at_a_library_root() -> None:
    scopes = scan_scopes(["/m/Heat (1995)/Heat.mkv", "/m/Heat (1995)/Trailers",
                          "/m/Alien.mkv", "/m/Heat (1995)"], ["/m"])

    assert scopes == ["/m/Alien.mkv", "/m/Heat (1995)"]
