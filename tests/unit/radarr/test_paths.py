"""Path mapping: Radarr's paths (POSIX or Windows) to ours by the longest prefix rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.errors import RuleViolation
from revenge.domain.radarr.paths import (
    PathMapping,
    canonical,
    checked_mappings,
    to_local,
    to_remote,
)

RULES = [PathMapping("/movies", "/media/movies"),
         PathMapping("/movies/4k", "/media/uhd"),
         PathMapping("C:/Movies", "/mnt/windows-movies"),
         PathMapping("//nas/share/films", "/mnt/nas")]


@pytest.mark.parametrize(("radarr", "ours"), [
    ("/movies/Heat (1995)/Heat.mkv", "/media/movies/Heat (1995)/Heat.mkv"),
    ("/movies", "/media/movies"),
    ("/movies/4k/Dune (2021)/Dune.mkv", "/media/uhd/Dune (2021)/Dune.mkv"),
    ("/movies//Heat (1995)/./Heat.mkv", "/media/movies/Heat (1995)/Heat.mkv"),
    ("/movies2/Heat.mkv", "/movies2/Heat.mkv"),
    ("/srv/other/Heat.mkv", "/srv/other/Heat.mkv"),
    ("C:\\Movies\\Heat (1995)\\Heat.mkv", "/mnt/windows-movies/Heat (1995)/Heat.mkv"),
    ("c:\\movies\\Heat (1995)\\Heat.mkv", "/mnt/windows-movies/Heat (1995)/Heat.mkv"),
    ("C:/Movies/Heat.mkv", "/mnt/windows-movies/Heat.mkv"),
    ("\\\\nas\\share\\films\\Alien (1979)\\Alien.mkv", "/mnt/nas/Alien (1979)/Alien.mkv"),
    ("\\\\NAS\\Share\\Films\\Alien.mkv", "/mnt/nas/Alien.mkv"),
])
def test_radarr_paths_map_to_ours_by_the_longest_prefix(radarr: str, ours: str) -> None:
    assert to_local(radarr, RULES) == ours


@pytest.mark.parametrize("radarr", ["D:\\Other\\Heat.mkv", "\\\\other\\share\\x.mkv",
                                    "relative/Heat.mkv", ""])
def test_a_path_no_rule_covers_and_we_cannot_open_maps_to_nothing(radarr: str) -> None:
    assert to_local(radarr, RULES) is None


def test_a_prefix_matches_whole_folder_names_only() -> None:
    assert to_local("/movies-old/x.mkv", [PathMapping("/movies", "/m")]) == "/movies-old/x.mkv"


def test_a_root_rule_maps_everything_under_it() -> None:
    assert to_local("/x/y.mkv", [PathMapping("/", "/data")]) == "/data/x/y.mkv"


@pytest.mark.parametrize(("ours", "radarr"), [
    ("/media/movies/Heat (1995)/Heat.mkv", "/movies/Heat (1995)/Heat.mkv"),
    ("/media/uhd/Dune.mkv", "/movies/4k/Dune.mkv"),
    ("/mnt/windows-movies/Heat/Heat.mkv", "C:\\Movies\\Heat\\Heat.mkv"),
    ("/elsewhere/x.mkv", "/elsewhere/x.mkv"),
])
def test_our_paths_map_back_to_radarr_s(ours: str, radarr: str) -> None:
    assert to_remote(ours, RULES) == radarr


@pytest.mark.parametrize(("path", "expected"), [
    ("C:\\", "C:/"), ("c:\\Movies\\", "C:/Movies"), ("/a//b/../c/", "/a/c"),
    ("\\\\nas\\share\\", "//nas/share"),
])
def test_paths_have_one_canonical_spelling(path: str, expected: str) -> None:
    assert canonical(path) == expected


_SEGMENT = st.text(alphabet="abcXYZ019 ()._-", min_size=1, max_size=8).filter(
    lambda s: s not in (".", ".."))


@given(st.lists(_SEGMENT, min_size=1, max_size=5))
def test_mapping_there_and_back_gives_the_same_radarr_path(parts: list[str]) -> None:
    radarr = "/movies/" + "/".join(parts)
    rules = [PathMapping("/movies", "/media/movies")]
    local = to_local(radarr, rules)
    assert local is not None and to_remote(local, rules) == canonical(radarr)


@pytest.mark.parametrize(("mappings", "field"), [
    ([PathMapping("", "/m")], "path_mappings[0].remote"),
    ([PathMapping("movies", "/m")], "path_mappings[0].remote"),
    ([PathMapping("/movies", "m")], "path_mappings[0].local"),
    ([PathMapping("/movies", "C:\\m")], "path_mappings[0].local"),
    ([PathMapping("/a", "/x"), PathMapping("/a/", "/y")], "path_mappings[1].remote"),
    ([PathMapping("C:\\A", "/x"), PathMapping("c:/a", "/y")], "path_mappings[1].remote"),
])
def test_bad_mappings_are_refused_naming_the_entry(mappings: list[PathMapping],
                                                   field: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        checked_mappings(mappings)
    assert refused.value.field == field


def test_good_mappings_come_back_canonical() -> None:
    assert checked_mappings([PathMapping(" C:\\Movies\\ ", "/media/movies/ ")]) == (
        PathMapping("C:/Movies", "/media/movies"),)
