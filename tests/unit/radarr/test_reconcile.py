"""The reconciliation rules of revenge/domain/radarr/README.md, one by one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import msgspec

from revenge.domain.radarr.plan import Plan, applied
from revenge.domain.radarr.reconcile import reconcile
from revenge.domain.radarr.state import (
    Incoming,
    Link,
    OurFile,
    OurMovie,
    Snapshot,
    paths_to_check,
)
from tests.unit.radarr.builders import incoming, radarr, snapshot

HEAT = "/media/movies/Heat (1995)/Heat.1995.1080p.mkv"
HEAT_RENAMED = "/media/movies/Heat (1995)/Heat (1995) Bluray-1080p.mkv"


def plan(state: Snapshot, items: Sequence[Incoming], *, full: bool = False) -> Plan:
    number = iter(range(1, 1000))
    new_id: Callable[[], str] = lambda: f"new-{next(number)}"  # noqa: E731
    return reconcile(state, items, new_id, full=full)


def test_a_radarr_movie_we_do_not_have_is_created_with_its_file() -> None:
    result = plan(snapshot(), [incoming(radarr(1, 949, path=HEAT, imdb_id="tt0113277"))])

    (movie,) = result.new_movies
    (file,) = result.new_files
    assert (movie.title, movie.year, movie.tmdb_id, movie.imdb_id) == (
        "Heat", 1995, 949, "tt0113277")
    assert (file.movie_id, file.path, file.size, file.group_key, file.container) == (
        movie.id, HEAT, 1000, "title:heat:1995", "mkv")
    assert result.links == (Link(radarr_movie_id=1, movie_id=movie.id, tmdb_id=949,
                                 radarr_file_id=10, remote_path=HEAT, local_path=HEAT),)


def test_a_movie_with_radarr_s_tmdb_id_gets_the_file_and_nothing_is_created() -> None:
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=949),))

    result = plan(state, [incoming(radarr(1, 949, path=HEAT))])

    assert result.new_movies == () and [f.movie_id for f in result.new_files] == ["m1"]


def test_without_a_tmdb_match_the_imdb_id_matches_and_the_tmdb_id_is_added() -> None:
    state = snapshot(movies=(OurMovie(id="m1", imdb_id="tt0113277"),))

    result = plan(state, [incoming(radarr(1, 949, path=HEAT, imdb_id="tt0113277"))])

    assert [(i.movie_id, i.tmdb_id, i.imdb_id) for i in result.id_links] == [
        ("m1", 949, "tt0113277")]
    assert result.new_movies == ()


def test_an_unmatched_scanned_movie_at_radarr_s_path_takes_radarr_s_ids() -> None:
    state = snapshot(movies=(OurMovie(id="m1"),),
                     files=(OurFile(id="f1", movie_id="m1", path=HEAT),))

    result = plan(state, [incoming(radarr(1, 949, path=HEAT, imdb_id="tt0113277"))])

    assert [(i.movie_id, i.tmdb_id) for i in result.id_links] == [("m1", 949)]
    assert result.new_files == () and result.new_movies == ()


def test_a_different_tmdb_id_of_ours_is_never_overwritten_but_listed() -> None:
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=111),),
                     files=(OurFile(id="f1", movie_id="m1", path=HEAT),))

    result = plan(state, [incoming(radarr(1, 949, path=HEAT))])

    (conflict,) = result.opened
    assert (conflict.kind, conflict.movie_id, conflict.tmdb_id) == ("tmdb_mismatch", "m1", 949)
    assert result.catalog_writes == 0 and result.links == ()


def test_a_file_recorded_for_another_movie_than_the_tmdb_one_is_listed_to_merge() -> None:
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=949), OurMovie(id="m2")),
                     files=(OurFile(id="f2", movie_id="m2", path=HEAT),))

    result = plan(state, [incoming(radarr(1, 949, path=HEAT))])

    assert [(c.kind, c.movie_id) for c in result.opened] == [("tmdb_mismatch", "m2")]
    assert result.catalog_writes == 0


def test_our_scanned_file_elsewhere_wins_over_radarr_s_path_and_is_listed() -> None:
    ours = "/media/other/Heat.mkv"
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=949),),
                     files=(OurFile(id="f1", movie_id="m1", path=ours),))

    result = plan(state, [incoming(radarr(1, 949, path=HEAT))])

    (conflict,) = result.opened
    assert (conflict.kind, conflict.radarr_path, conflict.our_paths) == (
        "path_mismatch", HEAT, (ours,))
    assert result.new_files == ()


def test_a_movie_whose_files_are_all_missing_gets_radarr_s_file() -> None:
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=949),),
                     files=(OurFile(id="f1", movie_id="m1", path="/old.mkv", missing=True),))

    result = plan(state, [incoming(radarr(1, 949, path=HEAT))])

    assert [f.path for f in result.new_files] == [HEAT] and result.opened == ()


def test_a_renamed_file_keeps_its_record() -> None:
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=949),),
                     files=(OurFile(id="f1", movie_id="m1", path=HEAT),))

    result = plan(state, [incoming(radarr(1, 949, path=HEAT_RENAMED), replaced=(HEAT,))])

    assert [(m.file_id, m.path) for m in result.moves] == [("f1", HEAT_RENAMED)]
    assert result.new_files == () and result.missing == ()


def test_a_full_sync_follows_a_linked_file_to_its_new_path_once_the_old_is_gone() -> None:
    link = Link(radarr_movie_id=1, movie_id="m1", tmdb_id=949, radarr_file_id=10,
                remote_path=HEAT, local_path=HEAT)
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=949),),
                     files=(OurFile(id="f1", movie_id="m1", path=HEAT),), links=(link,))

    result = plan(state, [incoming(radarr(1, 949, path=HEAT_RENAMED))], full=True)

    assert [(m.file_id, m.path) for m in result.moves] == [("f1", HEAT_RENAMED)]


def test_a_linked_file_still_on_disk_at_the_old_path_is_a_path_conflict() -> None:
    link = Link(radarr_movie_id=1, movie_id="m1", tmdb_id=949, local_path=HEAT)
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=949),),
                     files=(OurFile(id="f1", movie_id="m1", path=HEAT),), links=(link,),
                     on_disk=(HEAT,))

    result = plan(state, [incoming(radarr(1, 949, path=HEAT_RENAMED))], full=True)

    assert [c.kind for c in result.opened] == ["path_mismatch"] and result.moves == ()


def test_a_file_radarr_deleted_is_marked_missing_unless_the_disk_still_has_it() -> None:
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=949),),
                     files=(OurFile(id="f1", movie_id="m1", path=HEAT),))
    deleted = [incoming(radarr(1, 949), deleted=(HEAT,))]

    gone = plan(state, deleted)
    still_there = plan(msgspec.structs.replace(state, on_disk=frozenset({HEAT})), deleted)

    assert [m.file_id for m in gone.missing] == ["f1"] and gone.opened == ()
    assert still_there.missing == ()
    assert [c.kind for c in still_there.opened] == ["deleted_in_radarr"]


def test_a_linked_movie_radarr_now_has_without_a_file_loses_it() -> None:
    link = Link(radarr_movie_id=1, movie_id="m1", tmdb_id=949, local_path=HEAT)
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=949),),
                     files=(OurFile(id="f1", movie_id="m1", path=HEAT),), links=(link,))

    result = plan(state, [incoming(radarr(1, 949))], full=True)

    assert [m.file_id for m in result.missing] == ["f1"]
    assert [x.local_path for x in result.links] == [None]


def test_a_full_sync_unlinks_movies_radarr_dropped_keeping_files_still_on_disk() -> None:
    links = (Link(radarr_movie_id=1, movie_id="m1", local_path=HEAT),
             Link(radarr_movie_id=2, movie_id="m2", local_path="/media/b.mkv"))
    state = snapshot(movies=(OurMovie(id="m1"), OurMovie(id="m2")),
                     files=(OurFile(id="f1", movie_id="m1", path=HEAT),
                            OurFile(id="f2", movie_id="m2", path="/media/b.mkv")),
                     links=links, on_disk=(HEAT,))

    result = plan(state, [], full=True)

    assert sorted(result.unlinks) == [1, 2]
    assert [m.file_id for m in result.missing] == ["f2"]


def test_an_incremental_sync_leaves_movies_it_was_not_given_alone() -> None:
    state = snapshot(movies=(OurMovie(id="m1"),),
                     links=(Link(radarr_movie_id=1, movie_id="m1", local_path=HEAT),))
    assert plan(state, [], full=False).empty


def test_a_windows_path_no_mapping_covers_is_listed() -> None:
    movie = radarr(1, 949, path="D:\\Movies\\Heat.mkv")

    result = plan(snapshot(), [Incoming(movie=movie, local_path=None)])

    assert [(c.kind, c.radarr_path) for c in result.opened] == [
        ("unmapped_path", "D:\\Movies\\Heat.mkv")]
    assert result.catalog_writes == 0


def test_a_conflict_seen_again_is_not_written_again_and_one_gone_is_closed() -> None:
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=111),),
                     files=(OurFile(id="f1", movie_id="m1", path=HEAT),))
    first = plan(state, [incoming(radarr(1, 949, path=HEAT))])
    after = applied(state, first)

    again = plan(after, [incoming(radarr(1, 949, path=HEAT))])
    fixed = plan(after, [incoming(radarr(1, 111, path=HEAT))])

    assert again.empty
    assert fixed.closed == (first.opened[0].key,)


def test_a_plan_applied_then_planned_again_is_empty() -> None:
    state = snapshot(movies=(OurMovie(id="m1", tmdb_id=949),),
                     files=(OurFile(id="f1", movie_id="m1", path=HEAT),))
    items = [incoming(radarr(1, 949, path=HEAT_RENAMED), replaced=(HEAT,)),
             incoming(radarr(2, 603, path="/media/movies/Matrix.mkv", title="The Matrix",
                             year=1999))]

    first = plan(state, items, full=True)

    assert not first.empty
    assert plan(applied(state, first), items, full=True).empty


def test_paths_to_check_are_the_deleted_and_the_linked_ones_radarr_moved_from() -> None:
    links = (Link(radarr_movie_id=1, movie_id="m1", local_path=HEAT),
             Link(radarr_movie_id=2, movie_id="m2", local_path="/media/two.mkv"),
             Link(radarr_movie_id=3, movie_id="m3", local_path="/media/three.mkv"))
    items = [incoming(radarr(1, 949, path=HEAT_RENAMED)),
             incoming(radarr(2, 2, path="/media/two.mkv"), deleted=("/media/gone.mkv",))]

    checked = paths_to_check(snapshot(links=links), items, full=True)

    assert checked == {HEAT, "/media/gone.mkv", "/media/three.mkv"}


def test_implausible_years_and_ids_from_radarr_are_left_out_of_a_new_movie() -> None:
    movie = radarr(1, 0, path=HEAT, imdb_id="5678", year=0, title="  ")

    (new,) = plan(snapshot(), [incoming(movie)]).new_movies

    assert (new.title, new.year, new.tmdb_id, new.imdb_id) == ("Radarr movie 1", None, None,
                                                                None)
