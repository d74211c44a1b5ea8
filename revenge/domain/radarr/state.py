"""The inputs of a reconciliation: what we hold (movies, files, links to Radarr's
movies, open conflicts) and what Radarr holds, already mapped to our paths."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

import msgspec

from revenge.domain.radarr.model import RadarrMovie

ConflictKind = Literal["tmdb_mismatch", "path_mismatch", "deleted_in_radarr", "unmapped_path"]


class OurMovie(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    tmdb_id: int | None = None
    imdb_id: str | None = None


class OurFile(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    movie_id: str
    path: str
    missing: bool = False
    kind: str = "main"


class Link(msgspec.Struct, frozen=True, kw_only=True):
    """Which of our movies (and file) a Radarr movie was last reconciled with."""

    radarr_movie_id: int
    movie_id: str
    tmdb_id: int | None = None
    radarr_file_id: int | None = None
    remote_path: str | None = None
    local_path: str | None = None


class SyncConflict(msgspec.Struct, frozen=True, kw_only=True):
    """Something Radarr and we disagree on, left for the admin (see README.md)."""

    kind: ConflictKind
    radarr_movie_id: int
    detail: str
    movie_id: str | None = None
    tmdb_id: int | None = None
    radarr_path: str | None = None
    our_paths: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return conflict_key(self.kind, self.radarr_movie_id)


def conflict_key(kind: str, radarr_movie_id: int) -> str:
    return f"{kind}:{radarr_movie_id}"


class Incoming(msgspec.Struct, frozen=True, kw_only=True):
    """A Radarr movie to reconcile. `local_path`: its file mapped to our path (None when
    it has no file, or no mapping covers a Windows path). `replaced`: our paths of files
    Radarr replaced with this one (an upgrade's old file, a rename's previous path);
    `deleted`: our paths of files Radarr says it deleted. `complete` False: `movie.file`
    is not known (an event that names only a deleted file), so only `deleted` counts.
    `gone`: Radarr removed the movie itself (its link goes)."""

    movie: RadarrMovie
    local_path: str | None = None
    replaced: frozenset[str] = frozenset()
    deleted: frozenset[str] = frozenset()
    complete: bool = True
    gone: bool = False


class Snapshot(msgspec.Struct, frozen=True, kw_only=True):
    """What we hold about the movies concerned. `on_disk`: the paths (of those Radarr
    dropped or moved away from) that the disk still has."""

    movies: tuple[OurMovie, ...] = ()
    files: tuple[OurFile, ...] = ()
    links: tuple[Link, ...] = ()
    conflicts: tuple[SyncConflict, ...] = ()
    on_disk: frozenset[str] = frozenset()

    def links_by_radarr_id(self) -> Mapping[int, Link]:
        return {link.radarr_movie_id: link for link in self.links}


def paths_to_check(snapshot: Snapshot, incoming: Iterable[Incoming], *,
                   full: bool) -> set[str]:
    """Our paths whose presence on disk decides the plan: files Radarr deleted, and
    linked files Radarr no longer names (gone, or at another path)."""
    links = snapshot.links_by_radarr_id()
    wanted: set[str] = set()
    seen: set[int] = set()
    for item in incoming:
        seen.add(item.movie.radarr_id)
        wanted |= item.deleted
        link = links.get(item.movie.radarr_id)
        if link and link.local_path and link.local_path != item.local_path:
            wanted.add(link.local_path)
    if full:
        wanted |= {link.local_path for radarr_id, link in links.items()
                   if radarr_id not in seen and link.local_path}
    return wanted
