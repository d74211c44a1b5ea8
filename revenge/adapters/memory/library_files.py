"""In-memory twins of the scanner's file, movie and probe repositories, on the catalog's
in-memory tables (so scanned movies show in the memory catalog) plus the library's own."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime

import msgspec

from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.application.library.records import (
    FileMove,
    NewFile,
    ProbeReport,
    ProbeTarget,
    SkippedFile,
    StatUpdate,
)
from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import Conflict
from revenge.domain.library.diff import KnownFile, under
from revenge.domain.library.grouping import FolderMovie
from revenge.domain.library.moves import MoveCandidate
from revenge.domain.library.timestamps import microseconds_of


class FileMeta(msgspec.Struct):
    library_id: str | None
    group_key: str


class LibraryTables:
    def __init__(self, state: InMemoryState) -> None:
        self.catalog = CatalogTables(state)
        self.meta: dict[str, FileMeta] = state.table("library_file_meta")
        self.skipped: dict[tuple[str, str], SkippedFile] = state.table("library_skipped")
        self.match_status: dict[str, str] = state.table("library_match_status")

    def library_files(self, library_id: str) -> list[MovieFile]:
        return [file for file in self.catalog.files.values()
                if (meta := self.meta.get(file.id)) and meta.library_id == library_id]

    def replace_file(self, file_id: str, **changes: object) -> None:
        files = self.catalog.files
        files[file_id] = msgspec.structs.replace(files[file_id], **changes)


def _known(file: MovieFile) -> KnownFile:
    return KnownFile(path=file.path, size=file.size_bytes, mtime_us=microseconds_of(file.mtime),
                     file_id=file.id, movie_id=file.movie_id,
                     missing=file.missing_since is not None)


def _skipped_known(file: SkippedFile) -> KnownFile:
    return KnownFile(path=file.path, size=file.size, mtime_us=microseconds_of(file.mtime))


class InMemoryLibraryFileRepository:
    def __init__(self, tables: LibraryTables) -> None:
        self._t = tables

    async def snapshot(self, library_id: str, within: Sequence[str] = ()) -> list[KnownFile]:
        known = [_known(f) for f in self._t.library_files(library_id)]
        known += [_skipped_known(s) for (lib, _), s in self._t.skipped.items() if lib == library_id]
        return [k for k in known if not within or under(k.path, within)]

    async def move_candidates(self, sizes: Collection[int],
                              vanishing: Collection[str] = ()) -> list[MoveCandidate]:
        return [MoveCandidate(file_id=f.id, movie_id=f.movie_id, path=f.path,
                              size=f.size_bytes, content_hash=f.content_hash)
                for f in self._t.catalog.files.values() if f.size_bytes in sizes
                and (f.missing_since is not None or f.id in vanishing)]

    async def movies_by_key(self, library_id: str, keys: Collection[str]) -> dict[str, str]:
        return {meta.group_key: file.movie_id for file in self._t.library_files(library_id)
                if (meta := self._t.meta[file.id]).group_key in keys}

    async def folder_movies(self, library_id: str,
                            folders: Collection[str]) -> dict[str, list[FolderMovie]]:
        found: dict[str, list[FolderMovie]] = {}
        for file in self._t.library_files(library_id):
            folder, _, name = file.path.rpartition("/")
            if file.kind == "main" and folder in folders:
                found.setdefault(folder, []).append(FolderMovie(name.rpartition(".")[0] or name,
                                                                file.movie_id))
        return found

    async def add(self, files: Sequence[NewFile]) -> None:
        taken = {file.path for file in self._t.catalog.files.values()}
        for new in files:
            if new.path in taken:
                raise Conflict(f"{new.path} is recorded already", field="path")
            self._t.catalog.files[new.id] = _movie_file(new)
            self._t.meta[new.id] = FileMeta(new.library_id, new.group_key)

    async def update_stats(self, updates: Sequence[StatUpdate]) -> None:
        for update in updates:
            changes: dict[str, object] = {"size_bytes": update.size, "mtime": update.mtime,
                                          "missing_since": None}
            if update.content_changed:
                changes.update(content_hash=None, probed_at=None, probe_error=None)
            self._t.replace_file(update.file_id, **changes)

    async def move(self, moves: Sequence[FileMove]) -> None:
        for move in moves:
            self._t.replace_file(move.file_id, path=move.path, size_bytes=move.size,
                                 mtime=move.mtime, missing_since=None)
            self._t.meta[move.file_id].library_id = move.library_id

    async def mark_missing(self, file_ids: Collection[str], since: datetime) -> None:
        for file_id in file_ids:
            if self._t.catalog.files[file_id].missing_since is None:
                self._t.replace_file(file_id, missing_since=since)

    async def skip(self, library_id: str, files: Sequence[SkippedFile]) -> None:
        for file in files:
            self._t.skipped[(library_id, file.path)] = file

    async def forget_skipped(self, library_id: str, paths: Collection[str]) -> None:
        for path in paths:
            self._t.skipped.pop((library_id, path), None)

    async def detach_library(self, library_id: str, now: datetime) -> list[str]:
        files = self._t.library_files(library_id)
        for file in files:
            self._t.meta[file.id].library_id = None
        await self.mark_missing([file.id for file in files], now)
        for key in [key for key in self._t.skipped if key[0] == library_id]:
            del self._t.skipped[key]
        return sorted({file.movie_id for file in files})


def _movie_file(new: NewFile) -> MovieFile:
    return MovieFile(id=new.id, movie_id=new.movie_id, path=new.path, size_bytes=new.size,
                     mtime=new.mtime, kind="extra" if new.kind == "extra" else "main",
                     extra_type=new.extra_type, part=new.part, edition=new.edition,
                     container=new.container, added_at=new.mtime, updated_at=new.mtime)


class InMemoryScannedMovieRepository:
    def __init__(self, tables: LibraryTables) -> None:
        self._t = tables

    async def ids_by_tmdb(self, tmdb_ids: Collection[int]) -> dict[int, str]:
        return {movie.tmdb_id: movie.id for movie in self._t.catalog.movies.values()
                if movie.tmdb_id is not None and movie.tmdb_id in tmdb_ids}

    async def add(self, movies: Sequence[Movie]) -> None:
        for movie in movies:
            self._t.catalog.movies[movie.id] = movie
            self._t.match_status[movie.id] = "unmatched"

    async def refresh_missing(self, movie_ids: Collection[str], now: datetime) -> None:
        for movie_id in movie_ids:
            files = [f for f in self._t.catalog.files.values() if f.movie_id == movie_id]
            movie = self._t.catalog.movies.get(movie_id)
            if movie is None or not files:
                continue
            missing = not any(f.kind == "main" and f.missing_since is None for f in files)
            if movie.missing != missing:
                self._t.catalog.movies[movie_id] = msgspec.structs.replace(
                    movie, missing=missing, updated_at=now)


class InMemoryProbeTargets:
    def __init__(self, tables: LibraryTables) -> None:
        self._t = tables

    async def pending(self, library_id: str, *, slot: int, slots: int, after: str | None,
                      limit: int) -> list[ProbeTarget]:
        waiting = sorted((f.id, f.path) for f in self._t.library_files(library_id)
                         if _unprobed(f) and slot_of(f.id, slots) == slot
                         and (after is None or f.id > after))
        return [ProbeTarget(file_id, path) for file_id, path in waiting[:limit]]

    async def pending_count(self, library_id: str) -> int:
        return sum(_unprobed(f) for f in self._t.library_files(library_id))

    async def record(self, file_id: str, report: ProbeReport) -> None:
        if file_id not in self._t.catalog.files:
            return
        self._t.replace_file(
            file_id, content_hash=report.content_hash, container=report.container
            or self._t.catalog.files[file_id].container, duration_seconds=report.duration_seconds,
            bitrate=report.bitrate, video_streams=list(report.video_streams),
            audio_streams=list(report.audio_streams),
            subtitle_streams=list(report.subtitle_streams), probed_at=report.probed_at,
            probe_error=report.error)


def _unprobed(file: MovieFile) -> bool:
    return file.probed_at is None and file.probe_error is None and file.missing_since is None


def slot_of(file_id: str, slots: int) -> int:
    """The same spread as PostgreSQL's: the id's last byte modulo the slot count."""
    return uuid.UUID(file_id).bytes[15] % slots
