"""The scan diff: by (path, size, mtime) alone, idempotent, safe for unreadable folders."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.library.diff import FileStat, KnownFile, apply_diff, diff_scan

pytestmark = pytest.mark.unit

paths = st.sampled_from([f"/m/{folder}/{name}.mkv" for folder in "ab" for name in "xyz"])
stats = st.builds(FileStat, paths, st.integers(0, 3), st.integers(0, 3))
walks = st.lists(stats, unique_by=lambda s: s.path)
knowns = st.dictionaries(
    paths, st.tuples(st.integers(0, 3), st.integers(0, 3), st.booleans(), st.booleans()),
).map(lambda entries: {
    path: KnownFile(path=path, size=size, mtime_us=mtime,
                    file_id=None if skipped else f"id:{path}",
                    missing=missing and not skipped)
    for path, (size, mtime, skipped, missing) in entries.items()})


@given(knowns, walks)
def test_a_scan_diff_applied_twice_equals_once(known: dict[str, KnownFile],
                                               seen: list[FileStat]) -> None:
    once = apply_diff(known, diff_scan(known, seen))
    again = diff_scan(once, seen)

    assert again.empty
    assert apply_diff(once, again) == once


@given(knowns, walks)
def test_every_walked_file_is_counted_exactly_once(known: dict[str, KnownFile],
                                                   seen: list[FileStat]) -> None:
    diff = diff_scan(known, seen)

    counted = len(diff.new) + len(diff.changed) + len(diff.returned) + diff.unchanged
    assert counted == len(seen)


@given(knowns, walks)
def test_nothing_below_an_unreadable_folder_vanishes(known: dict[str, KnownFile],
                                                     seen: list[FileStat]) -> None:
    diff = diff_scan(known, seen, unreadable=["/m/a"])

    assert not [f for f in (*diff.vanished, *diff.forgotten)
                if f.path.startswith("/m/a/") and f.path not in {s.path for s in seen}]


def test_a_file_with_the_same_path_size_and_mtime_is_unchanged() -> None:
    known = {"/m/a.mkv": KnownFile(path="/m/a.mkv", size=1, mtime_us=5, file_id="f")}

    diff = diff_scan(known, [FileStat("/m/a.mkv", 1, 5)])

    assert diff.empty and diff.unchanged == 1


def test_a_skipped_file_that_changed_is_looked_at_again() -> None:
    known = {"/m/a.mkv": KnownFile(path="/m/a.mkv", size=1, mtime_us=5)}

    diff = diff_scan(known, [FileStat("/m/a.mkv", 2, 6)])

    assert [s.path for s in diff.new] == ["/m/a.mkv"]
    assert [f.path for f in diff.forgotten] == ["/m/a.mkv"]


def test_a_missing_file_that_is_still_gone_is_not_reported_again() -> None:
    known = {"/m/a.mkv": KnownFile(path="/m/a.mkv", size=1, mtime_us=5, file_id="f",
                                   missing=True)}

    assert diff_scan(known, []).empty
