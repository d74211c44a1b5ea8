"""Properties of the reconciliation over random catalogs and Radarr libraries: a plan
applied and planned again is empty (the same sync twice changes nothing), and a plan
never touches what it must not."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from revenge.domain.radarr.plan import Plan, applied
from revenge.domain.radarr.reconcile import reconcile
from revenge.domain.radarr.state import (
    Incoming,
    Link,
    OurFile,
    OurMovie,
    Snapshot,
    SyncConflict,
)
from tests.unit.radarr.builders import radarr

PATHS = [f"/media/{name}.mkv" for name in "abcdefg"]
TMDB = st.one_of(st.none(), st.integers(1, 6))
IMDB = st.one_of(st.none(), st.sampled_from(["tt0000001", "tt0000002", "tt0000003"]))
KINDS = ["tmdb_mismatch", "path_mismatch", "deleted_in_radarr", "unmapped_path"]


@st.composite
def snapshots(draw: st.DrawFn) -> Snapshot:
    count = draw(st.integers(0, 5))
    tmdbs = draw(st.lists(TMDB, min_size=count, max_size=count))
    seen: set[int] = set()
    movies = []
    for number, tmdb in enumerate(tmdbs):
        unique = tmdb if tmdb not in seen else None  # TMDb ids are unique in the catalog
        seen.add(unique or 0)
        movies.append(OurMovie(id=f"m{number}", tmdb_id=unique, imdb_id=draw(IMDB)))
    files = _files(draw, movies)
    return Snapshot(movies=tuple(movies), files=files, links=_links(draw, movies),
                    conflicts=_conflicts(draw),
                    on_disk=frozenset(draw(st.sets(st.sampled_from(PATHS)))))


def _files(draw: st.DrawFn, movies: list[OurMovie]) -> tuple[OurFile, ...]:
    if not movies:
        return ()
    paths = draw(st.lists(st.sampled_from(PATHS), unique=True, max_size=5))
    return tuple(OurFile(id=f"f{number}", movie_id=draw(st.sampled_from(movies)).id,
                         path=path, missing=draw(st.booleans()))
                 for number, path in enumerate(paths))


def _links(draw: st.DrawFn, movies: list[OurMovie]) -> tuple[Link, ...]:
    if not movies:
        return ()
    ids = draw(st.lists(st.integers(1, 6), unique=True, max_size=4))
    return tuple(Link(radarr_movie_id=radarr_id, movie_id=draw(st.sampled_from(movies)).id,
                      local_path=draw(st.one_of(st.none(), st.sampled_from(PATHS))))
                 for radarr_id in ids)


def _conflicts(draw: st.DrawFn) -> tuple[SyncConflict, ...]:
    pairs = draw(st.lists(st.tuples(st.sampled_from(KINDS), st.integers(1, 6)),
                          unique=True, max_size=3))
    return tuple(SyncConflict(kind=kind, radarr_movie_id=radarr_id, detail="earlier")
                 for kind, radarr_id in pairs)


@st.composite
def radarr_libraries(draw: st.DrawFn) -> list[Incoming]:
    ids = draw(st.lists(st.integers(1, 6), unique=True, max_size=5))
    # As in Radarr: a TMDb id, an IMDb id and a file belong to one movie only.
    tmdbs = draw(st.lists(st.integers(1, 6), unique=True, min_size=len(ids),
                          max_size=len(ids)))
    imdbs = draw(st.lists(IMDB, min_size=len(ids), max_size=len(ids)).filter(_unique))
    paths = draw(st.lists(st.one_of(st.none(), st.sampled_from(PATHS)), min_size=len(ids),
                          max_size=len(ids)).filter(_unique))
    items = []
    for radarr_id, tmdb, imdb, path in zip(ids, tmdbs, imdbs, paths, strict=True):
        movie = radarr(radarr_id, tmdb, path=path, imdb_id=imdb)
        mapped = None if path and draw(st.integers(0, 9)) == 0 else path
        event_only = path is None and draw(st.integers(0, 3)) == 0  # a delete event
        items.append(Incoming(movie=movie, local_path=mapped, complete=not event_only,
                              gone=event_only and draw(st.booleans()),
                              replaced=frozenset(draw(st.sets(st.sampled_from(PATHS),
                                                              max_size=2))),
                              deleted=frozenset(draw(st.sets(st.sampled_from(PATHS),
                                                             max_size=2)))))
    return items


def _unique(values: list[str | None]) -> bool:
    named = [value for value in values if value]
    return len(named) == len(set(named))


def _ids() -> Callable[[], str]:
    numbers = iter(range(1, 10_000))
    return lambda: f"n{next(numbers)}"


@settings(max_examples=400, deadline=None)
@given(snapshots(), radarr_libraries(), st.booleans())
def test_the_same_sync_applied_twice_changes_nothing(state: Snapshot, items: list[Incoming],
                                                      full: bool) -> None:
    first = reconcile(state, items, _ids(), full=full)
    after = applied(state, first)

    second = reconcile(after, items, _ids(), full=full)

    assert second == Plan(), second


@settings(max_examples=300, deadline=None)
@given(snapshots(), radarr_libraries(), st.booleans())
def test_a_plan_never_changes_an_existing_tmdb_id_or_loses_a_file(
        state: Snapshot, items: list[Incoming], full: bool) -> None:
    plan = reconcile(state, items, _ids(), full=full)
    after = applied(state, plan)

    before = {m.id: m.tmdb_id for m in state.movies}
    assert all(before[m.id] in (None, m.tmdb_id) for m in after.movies if m.id in before)
    assert {f.id for f in state.files} <= {f.id for f in after.files}


@settings(max_examples=300, deadline=None)
@given(snapshots(), radarr_libraries(), st.booleans())
def test_a_file_still_on_disk_is_never_marked_missing(state: Snapshot, items: list[Incoming],
                                                       full: bool) -> None:
    plan = reconcile(state, items, _ids(), full=full)
    paths = {f.id: f.path for f in state.files}

    assert not [m for m in plan.missing if paths.get(m.file_id) in state.on_disk]
