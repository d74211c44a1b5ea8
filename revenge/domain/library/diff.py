"""The scan diff: what changed since the last scan, by (path, size, mtime) alone.

Nothing here reads a file: a file whose path, size and modification time are the same
as last time is unchanged, and a rescan of an unchanged tree does no further work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import msgspec


class FileStat(msgspec.Struct, frozen=True, gc=False):
    """A file as the walk saw it; `mtime_us` is microseconds since the epoch."""

    path: str
    size: int
    mtime_us: int


class KnownFile(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A file as the last scan left it: recorded (`file_id` set, with its movie) or
    skipped (a sample, a name without a title: `file_id` None)."""

    path: str
    size: int
    mtime_us: int
    file_id: str | None = None
    movie_id: str | None = None
    missing: bool = False

    @property
    def skipped(self) -> bool:
        return self.file_id is None

    def same_content_as(self, stat: FileStat) -> bool:
        return self.size == stat.size and self.mtime_us == stat.mtime_us


Pair = tuple[KnownFile, FileStat]


class ScanDiff(msgspec.Struct, frozen=True, kw_only=True):
    new: tuple[FileStat, ...] = ()
    changed: tuple[Pair, ...] = ()  # recorded, present, now another size or mtime
    returned: tuple[Pair, ...] = ()  # recorded, missing until now
    vanished: tuple[KnownFile, ...] = ()  # recorded, present until now, not seen
    forgotten: tuple[KnownFile, ...] = ()  # skipped before, now gone or changed
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.returned or self.vanished
                    or self.forgotten)


def under(path: str, folders: Iterable[str]) -> bool:
    """Whether `path` is one of `folders` or lies inside one."""
    return any(path == folder or path.startswith(folder.rstrip("/") + "/")
               for folder in folders)


def diff_scan(known: Mapping[str, KnownFile], seen: Sequence[FileStat],
              unreadable: Sequence[str] = ()) -> ScanDiff:
    """Compares the walk with the last scan. Files below a folder the walk could not
    read are neither new nor vanished: an unmounted disk must not empty a library."""
    sorted_ = _Sorter()
    for stat in seen:
        sorted_.add(known.get(stat.path), stat)
    seen_paths = {stat.path for stat in seen}
    gone = [file for path, file in known.items()
            if path not in seen_paths and not under(path, unreadable)]
    return ScanDiff(
        new=tuple(sorted_.new), changed=tuple(sorted_.changed),
        returned=tuple(sorted_.returned), unchanged=sorted_.unchanged,
        vanished=tuple(file for file in gone if not file.skipped and not file.missing),
        forgotten=(*sorted_.forgotten, *(file for file in gone if file.skipped)),
    )


class _Sorter:
    def __init__(self) -> None:
        self.new: list[FileStat] = []
        self.changed: list[Pair] = []
        self.returned: list[Pair] = []
        self.forgotten: list[KnownFile] = []
        self.unchanged = 0

    def add(self, before: KnownFile | None, stat: FileStat) -> None:
        if before is None:
            self.new.append(stat)
        elif before.missing and not before.skipped:
            self.returned.append((before, stat))
        elif before.same_content_as(stat):
            self.unchanged += 1
        elif before.skipped:
            self.forgotten.append(before)
            self.new.append(stat)
        else:
            self.changed.append((before, stat))


def apply_diff(known: Mapping[str, KnownFile], diff: ScanDiff) -> dict[str, KnownFile]:
    """The state a scan leaves behind once its diff is recorded (new files recorded
    with placeholder ids): diffing the same walk against it finds nothing to do."""
    state = dict(known)
    for file in diff.forgotten:
        state.pop(file.path, None)
    for file in diff.vanished:
        state[file.path] = msgspec.structs.replace(file, missing=True)
    for before, stat in (*diff.changed, *diff.returned):
        state[stat.path] = msgspec.structs.replace(before, size=stat.size,
                                                   mtime_us=stat.mtime_us, missing=False)
    for stat in diff.new:
        state[stat.path] = KnownFile(path=stat.path, size=stat.size, mtime_us=stat.mtime_us,
                                     file_id=f"new:{stat.path}")
    return state
