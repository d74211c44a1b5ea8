"""Radarr's movies and webhook events as reconciliation input, with paths mapped to ours."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import msgspec

from revenge.domain.radarr.events import RadarrEvent
from revenge.domain.radarr.model import RadarrFile, RadarrMovie
from revenge.domain.radarr.paths import PathMapping, to_local
from revenge.domain.radarr.state import Incoming


def incoming_of(movie: RadarrMovie, mappings: Sequence[PathMapping]) -> Incoming:
    """A movie as a sync sees it: its current file, if any, mapped."""
    local = to_local(movie.file.path, mappings) if movie.file else None
    return Incoming(movie=movie, local_path=local)


def _local(paths: Collection[str], mappings: Sequence[PathMapping]) -> frozenset[str]:
    return frozenset(local for path in paths if (local := to_local(path, mappings)))


def download(event: RadarrEvent, movie: RadarrMovie,
             mappings: Sequence[PathMapping]) -> Incoming:
    """An import: the new file; an upgrade's deleted files are the ones it replaced."""
    return msgspec.structs.replace(incoming_of(movie, mappings),
                                   replaced=_local(event.deleted_paths, mappings))


def rename(event: RadarrEvent, movie: RadarrMovie,
           mappings: Sequence[PathMapping]) -> Incoming:
    """Renamed files: the last one is the movie's file now, its previous paths replaced."""
    last = event.renamed[-1]
    file = RadarrFile(radarr_id=last.radarr_id or 0, path=last.path, size=last.size)
    return msgspec.structs.replace(
        incoming_of(msgspec.structs.replace(movie, file=file), mappings),
        replaced=_local([renamed.previous_path for renamed in event.renamed], mappings))


def file_deleted(event: RadarrEvent, movie: RadarrMovie,
                 mappings: Sequence[PathMapping]) -> Incoming:
    """Only the deleted file is known (Radarr may be importing its successor)."""
    return Incoming(movie=msgspec.structs.replace(movie, file=None), complete=False,
                    deleted=_local(event.deleted_paths, mappings))


def movie_deleted(movie: RadarrMovie, ours: Collection[str]) -> Incoming:
    """The movie left Radarr; `ours`: our paths of its files when Radarr deleted them."""
    return Incoming(movie=msgspec.structs.replace(movie, file=None), complete=False,
                    deleted=frozenset(ours), gone=True)
