"""In-memory twin of the catalog as the Radarr sync reads and writes it, on the catalog's
and the library's in-memory tables (so what Radarr brings shows in the memory catalog)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

import msgspec

from revenge.adapters.memory.library_files import (
    FileMeta,
    InMemoryLibraryFileRepository,
    InMemoryScannedMovieRepository,
    LibraryTables,
)
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.application.radarr.records import FileRelocation, RecordedFile
from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import Conflict
from revenge.domain.library.diff import under
from revenge.domain.radarr.plan import IdLink
from revenge.domain.radarr.state import OurFile, OurMovie


class InMemoryRadarrCatalog:
    def __init__(self, state: InMemoryState) -> None:
        self._t = LibraryTables(state)
        self._files = InMemoryLibraryFileRepository(self._t)
        self._movies = InMemoryScannedMovieRepository(self._t)

    async def movies(self, *, ids: Collection[str], tmdb_ids: Collection[int],
                     imdb_ids: Collection[str]) -> list[OurMovie]:
        ids, tmdb_ids, imdb_ids = set(ids), set(tmdb_ids), set(imdb_ids)
        return [OurMovie(id=m.id, tmdb_id=m.tmdb_id, imdb_id=m.imdb_id)
                for m in self._t.catalog.movies.values()
                if m.id in ids or m.tmdb_id in tmdb_ids or m.imdb_id in imdb_ids]

    async def files(self, *, movie_ids: Collection[str], paths: Collection[str],
                    under: Collection[str] = ()) -> list[OurFile]:
        movie_ids, paths = set(movie_ids), set(paths)
        return [OurFile(id=f.id, movie_id=f.movie_id, path=f.path,
                        missing=f.missing_since is not None, kind=f.kind)
                for f in self._t.catalog.files.values()
                if f.movie_id in movie_ids or f.path in paths or _below(f.path, under)]

    async def add_movies(self, movies: Sequence[Movie]) -> None:
        taken = {m.tmdb_id for m in self._t.catalog.movies.values() if m.tmdb_id}
        if any(movie.tmdb_id in taken for movie in movies):
            raise Conflict("another movie has this TMDb id", field="tmdb_id")
        await self._movies.add(movies)

    async def set_ids(self, links: Sequence[IdLink], now: datetime) -> None:
        movies = self._t.catalog.movies
        for link in links:
            movie = movies.get(link.movie_id)
            if movie is None or movie.tmdb_id is not None:
                continue
            movies[movie.id] = msgspec.structs.replace(
                movie, tmdb_id=link.tmdb_id, imdb_id=movie.imdb_id or link.imdb_id,
                updated_at=now)

    async def add_files(self, files: Sequence[RecordedFile]) -> None:
        taken = {file.path for file in self._t.catalog.files.values()}
        for new in files:
            if new.path in taken:
                raise Conflict(f"{new.path} is recorded already", field="path")
            self._t.catalog.files[new.id] = MovieFile(
                id=new.id, movie_id=new.movie_id, path=new.path, size_bytes=new.size,
                mtime=new.mtime, part=new.part, edition=new.edition, container=new.container,
                added_at=new.mtime, updated_at=new.mtime)
            self._t.meta[new.id] = FileMeta(new.library_id, new.group_key)

    async def relocate_files(self, moves: Sequence[FileRelocation], now: datetime) -> None:
        for move in moves:
            before = self._t.catalog.files[move.file_id]
            probe = {} if before.size_bytes == move.size else {
                "content_hash": None, "probed_at": None, "probe_error": None}
            self._t.replace_file(move.file_id, path=move.path, size_bytes=move.size,
                                 mtime=move.mtime, missing_since=None, updated_at=now, **probe)
            meta = self._t.meta.get(move.file_id)
            if meta is not None:
                meta.library_id = move.library_id

    async def mark_missing(self, file_ids: Collection[str], since: datetime) -> None:
        await self._files.mark_missing(file_ids, since)

    async def refresh_missing(self, movie_ids: Collection[str], now: datetime) -> None:
        await self._movies.refresh_missing(movie_ids, now)


def _below(path: str, folders: Collection[str]) -> bool:
    return bool(folders) and under(path, folders)
