"""Scanning a library into movies, with every port in memory."""

from __future__ import annotations

import pytest

from revenge.application.library.scan import phase_4_parse
from revenge.application.metadata.requests import MatchMovieCommand
from tests.unit.library.scan_world import ROOT, World

pytestmark = pytest.mark.unit


async def test_first_scan_makes_each_recognised_file_an_unmatched_movie() -> None:
    world = World()
    world.add("The Matrix (1999)/The.Matrix.1999.1080p.BluRay.x264-GRP.mkv")
    world.add("Heat.1995.720p.mkv")

    report = await world.scan()

    assert [(m.title, m.year) for m in world.movies()] == [("Heat", 1995), ("The Matrix", 1999)]
    assert set(world.state.table("library_match_status").values()) == {"unmatched"}
    assert report.counts.new == 2 and report.counts.movies_added == 2
    assert report.counts.matches_requested == 0


async def test_rescan_of_an_unchanged_tree_parses_hashes_and_writes_nothing() -> None:
    world = World()
    world.add("The Matrix (1999)/movie.mkv")
    world.add("Heat (1995)/Heat.1995.sample.mkv")
    world.add("x/abc.mkv", content=b"", size=5)
    await world.scan()
    parses, before, jobs = len(world.parser.calls), world.tables(), len(world.jobs)

    report = await world.scan()

    assert len(world.parser.calls) == parses
    assert report.counts.parsed == report.counts.hashed == 0
    assert world.tables() == before and len(world.jobs) == jobs
    assert not report.wrote and report.counts.unchanged == 3


async def test_new_files_request_probing_in_at_most_the_configured_parallel_jobs() -> None:
    world = World(probe_slots=2)
    for year in range(2001, 2006):
        world.add(f"Movie {year} ({year})/movie.mkv")

    await world.scan()

    probes = [job for job in world.jobs if job[0] == "library.probe_files"]
    assert [job[1]["slot"] for job in probes] == [0, 1]
    assert {job[2] for job in probes} == {
        f"library.probe:{world.library.id}:0", f"library.probe:{world.library.id}:1"}


@pytest.mark.parametrize("files", [1, 2, 7])
async def test_the_probing_jobs_together_probe_every_new_file_once(files: int) -> None:
    world = World(probe_slots=3)
    for year in range(2001, 2001 + files):
        world.add(f"Movie {year} ({year})/movie.mkv")
    await world.scan()

    probed = await world.probe_all()

    assert probed.probed == files
    assert all(f.probed_at is not None for f in world.catalog.files.values())


async def test_new_movies_are_sent_to_matching_when_a_provider_is_configured() -> None:
    world = World(match_job=MatchMovieCommand)
    world.add("Heat (1995)/Heat.mkv")

    await world.scan()

    movie = world.movie("Heat")
    assert ("match_movie", {"movie_id": movie.id},
            f"match_movie:{movie.id}") in world.jobs


async def test_a_renamed_file_keeps_its_record_and_movie() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv", size=700)
    await world.scan()
    await world.probe_all()
    before = world.file_at("Heat (1995)/Heat.mkv")

    world.fs.move(f"{ROOT}/Heat (1995)/Heat.mkv", f"{ROOT}/Crime/Heat.1995.1080p.mkv")
    report = await world.scan()

    after = world.file_at("Crime/Heat.1995.1080p.mkv")
    assert (after.id, after.movie_id) == (before.id, before.movie_id)
    assert report.counts.moved == 1 and report.counts.movies_added == 0
    assert len(world.movies()) == 1 and not world.movies()[0].missing


async def test_a_renamed_file_never_probed_keeps_its_movie_when_its_name_says_so() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv", size=700)
    await world.scan()
    movie_id = world.movie("Heat").id

    world.fs.move(f"{ROOT}/Heat (1995)/Heat.mkv", f"{ROOT}/Heat (1995)/Heat.1995.720p.mkv")
    await world.scan()

    assert world.file_at("Heat (1995)/Heat.1995.720p.mkv").movie_id == movie_id
    assert [m.id for m in world.movies()] == [movie_id] and not world.movie("Heat").missing


async def test_a_file_moved_long_after_it_vanished_is_recognised_by_content() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv", size=700, content=b"heat bytes")
    world.add("Alien (1979)/Alien.mkv")
    await world.scan()
    await world.probe_all()
    file_id = world.file_at("Heat (1995)/Heat.mkv").id
    world.fs.remove(f"{ROOT}/Heat (1995)")
    await world.scan()

    world.add("Other/renamed.mkv", size=700, content=b"heat bytes")
    await world.scan()

    assert world.file_at("Other/renamed.mkv").id == file_id


async def test_a_vanished_file_marks_its_movie_missing_and_it_comes_back_with_the_file() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    world.add("Alien (1979)/Alien.mkv")
    await world.scan()
    heat = world.movie("Heat")

    world.fs.remove(f"{ROOT}/Heat (1995)/Heat.mkv")
    gone = await world.scan()
    assert world.movie("Heat").missing and not world.movie("Alien").missing
    assert world.file_at("Heat (1995)/Heat.mkv").missing_since is not None
    assert gone.counts.missing == 1

    world.add("Heat (1995)/Heat.mkv")
    back = await world.scan()
    assert world.movie("Heat").id == heat.id and not world.movie("Heat").missing
    assert world.file_at("Heat (1995)/Heat.mkv").missing_since is None
    assert back.counts.returned == 1 and back.counts.parsed == 0


async def test_extras_join_the_movie_of_their_folder_and_never_become_movies() -> None:
    world = World()
    world.add("Alien (1979)/Alien (1979).mkv")
    world.add("Alien (1979)/Alien (1979)-trailer.mkv")
    world.add("Alien (1979)/Behind The Scenes/Making of.mkv")
    world.add("Alien (1979)/Featurettes/Chestburster.mp4")

    await world.scan()

    [alien] = world.movies()
    kinds = {f.path.removeprefix(f"{ROOT}/Alien (1979)/"): (f.kind, f.extra_type)
             for f in world.files_of(alien)}
    assert kinds == {
        "Alien (1979).mkv": ("main", None),
        "Alien (1979)-trailer.mkv": ("extra", "trailer"),
        "Behind The Scenes/Making of.mkv": ("extra", "behind_the_scenes"),
        "Featurettes/Chestburster.mp4": ("extra", "featurette"),
    }


async def test_extras_find_their_movie_whichever_chunk_their_folder_is_written_in(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(phase_4_parse, "CHUNK_FILES", 1)  # a chunk per folder
    world = World()
    world.add("Alien (1979)/Behind The Scenes/Making of.mkv")  # sorts before its owner
    world.add("Alien (1979)/Alien (1979).mkv")
    world.add("Alien (1979)/Alien (1979)-trailer.mkv")
    world.add("Heat (1995)/Heat (1995).mkv")
    world.add("Heat (1995)/Trailers/Teaser.mkv")  # sorts after its owner
    world.add("Nobody (2000)/Trailers/Orphan.mkv")

    report = await world.scan()

    assert {m.title: sorted(f.kind for f in world.files_of(m)) for m in world.movies()} == {
        "Alien": ["extra", "extra", "main"], "Heat": ["extra", "main"]}
    assert report.counts.orphaned_extras == 1


async def test_an_extra_added_later_joins_the_existing_movie() -> None:
    world = World()
    world.add("Alien (1979)/Alien (1979).mkv")
    await world.scan()

    world.add("Alien (1979)/Trailers/Teaser.mkv")
    await world.scan()

    [alien] = world.movies()
    assert [f.kind for f in world.files_of(alien)] == ["main", "extra"]


async def test_samples_are_skipped_and_not_parsed_again() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    world.add("Heat (1995)/Sample/heat-sample.mkv")
    world.add("Heat (1995)/heat.sample.mkv")

    first = await world.scan()
    second = await world.scan()

    [heat] = world.movies()
    assert len(world.files_of(heat)) == 1
    assert first.counts.skipped == 2 and second.counts.parsed == 0


async def test_multi_part_files_stack_into_one_movie_with_numbered_parts() -> None:
    world = World()
    world.add("Alien (1979)/Alien.1979.cd1.avi")
    world.add("Alien (1979)/Alien.1979.cd2.avi")
    world.add("Heat/Heat disc a.mkv")
    world.add("Heat/Heat disc b.mkv")

    await world.scan()

    assert [m.title for m in world.movies()] == ["Alien", "Heat"]
    assert [f.part for f in world.files_of(world.movie("Alien"))] == [1, 2]
    assert [f.part for f in world.files_of(world.movie("Heat"))] == [1, 2]


async def test_a_second_part_added_later_joins_the_first() -> None:
    world = World()
    world.add("Alien (1979)/Alien.1979.cd1.avi")
    await world.scan()

    world.add("Alien (1979)/Alien.1979.cd2.avi")
    await world.scan()

    assert len(world.movies()) == 1


async def test_two_versions_of_one_movie_are_one_movie_with_two_files() -> None:
    world = World()
    world.add("Blade Runner (1982)/Blade Runner (1982) - Theatrical.mkv")
    world.add("Blade Runner (1982)/Blade Runner (1982) - Director's Cut.mkv")

    await world.scan()

    [movie] = world.movies()
    assert len(world.files_of(movie)) == 2


async def test_an_nfo_beside_the_file_wins_over_the_name() -> None:
    world = World()
    world.add("weird/abc.mkv")
    world.fs.write_text(f"{ROOT}/weird/abc.nfo", """<?xml version="1.0"?>
        <movie><title>The Matrix</title><year>1999</year>
        <uniqueid type="tmdb" default="true">603</uniqueid>
        <uniqueid type="imdb">tt0133093</uniqueid></movie>""")

    await world.scan()

    [movie] = world.movies()
    assert (movie.title, movie.year, movie.tmdb_id, movie.imdb_id) == (
        "The Matrix", 1999, 603, "tt0133093")


async def test_files_with_one_tmdb_id_in_different_folders_are_one_movie() -> None:
    world = World()
    world.add("A/The Matrix [tmdbid-603].mkv")
    world.add("B/Matrix, The {tmdb-603}.mp4")

    await world.scan()

    [movie] = world.movies()
    assert movie.tmdb_id == 603 and len(world.files_of(movie)) == 2


async def test_files_below_an_unreadable_folder_are_not_marked_missing() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    world.add("Alien (1979)/Alien.mkv")
    await world.scan()

    world.fs.unreadable.add(f"{ROOT}/Heat (1995)")
    report = await world.scan()

    assert not world.movie("Heat").missing
    assert report.unreadable == (f"{ROOT}/Heat (1995)",) and report.counts.errors == 1


async def test_a_library_folder_that_looks_empty_is_left_alone_like_an_unmounted_disk() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    await world.scan()

    world.fs.remove(f"{ROOT}/Heat (1995)")
    report = await world.scan()

    assert not world.movie("Heat").missing and report.counts.missing == 0


async def test_a_folder_holding_an_ignore_file_is_skipped() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    world.add("Private/Home Video (2010).mkv")
    world.add("Private/.ignore", content=b"")

    await world.scan()

    assert [m.title for m in world.movies()] == ["Heat"]


async def test_files_behind_a_link_out_of_the_library_are_not_recorded() -> None:
    """Review finding 6: a symbolic link leading out of the library's folders got its
    target's files indexed (and so played). By default such links are not walked."""
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    world.add("Elsewhere/Secret (2020).mkv")
    world.fs.link(f"{ROOT}/Elsewhere", "/home/someone/private")

    await world.scan()

    assert [m.title for m in world.movies()] == ["Heat"]


async def test_a_library_that_allows_links_out_records_the_files_behind_them() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    world.add("Shared/Alien (1979).mkv")
    world.fs.link(f"{ROOT}/Shared", "/srv/shared-movies")
    await world.create_library(follow_symlinks_outside=True)

    await world.scan()

    assert [m.title for m in world.movies()] == ["Alien", "Heat"]


async def test_a_name_without_a_title_is_remembered_as_unrecognised() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    world.add("1080p.x264.mkv")

    first = await world.scan()
    second = await world.scan()

    assert [m.title for m in world.movies()] == ["Heat"]
    assert first.counts.skipped == 1 and second.counts.parsed == 0


async def test_a_name_with_only_a_tmdb_id_joins_its_movie_or_is_unrecognised() -> None:
    world = World()
    world.add("Alien (1979)/Alien (1979) {tmdb-348}.mkv")
    world.add("{tmdb-348}.mkv")
    world.add("{tmdb-603}.mkv")

    report = await world.scan()

    [alien] = world.movies()
    assert len(world.files_of(alien)) == 2
    assert report.counts.skipped == 1  # no movie can be made without a title


async def test_a_changed_file_is_probed_again_but_not_parsed_again() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    await world.scan()
    world.jobs.clear()

    world.fs.touch(f"{ROOT}/Heat (1995)/Heat.mkv", size=2_000)
    report = await world.scan()

    assert report.counts.changed == 1 and report.counts.parsed == 0
    assert world.file_at("Heat (1995)/Heat.mkv").size_bytes == 2_000
    assert [job[0] for job in world.jobs] == ["library.probe_files"]


async def test_a_scan_within_changed_folders_touches_nothing_else() -> None:
    world = World()
    world.add("Heat (1995)/Heat.mkv")
    await world.scan()
    world.fs.remove(f"{ROOT}/Heat (1995)")
    world.add("Alien (1979)/Alien.mkv")

    report = await world.scan(f"{ROOT}/Alien (1979)")

    assert report.counts.new == 1 and report.counts.missing == 0
    assert not world.movie("Heat").missing


async def test_a_watched_change_joins_a_movie_recorded_in_another_folder() -> None:
    world = World()
    world.add("A/Heat (1995).mkv")
    await world.scan()

    world.add("B/Heat.1995.1080p.mkv")
    await world.scan(f"{ROOT}/B")

    [heat] = world.movies()
    assert len(world.files_of(heat)) == 2
