"""Our movies, files and links, indexed for one reconciliation and kept
current while it plans (a movie it creates is found by the next Radarr movie)."""

from __future__ import annotations

from collections import defaultdict

import msgspec

from revenge.domain.radarr.state import OurFile, OurMovie, Snapshot


class PlanningIndex:
    """Our movies, files, links and conflicts, kept current while planning."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.movies = {movie.id: movie for movie in snapshot.movies}
        self.by_tmdb = {m.tmdb_id: m for m in snapshot.movies if m.tmdb_id}
        self.by_imdb: dict[str, OurMovie] = {}
        for movie in sorted(snapshot.movies, key=lambda m: m.id):
            if movie.imdb_id:
                self.by_imdb.setdefault(movie.imdb_id, movie)
        self.files = {file.path: file for file in snapshot.files}
        self.by_movie: dict[str, list[OurFile]] = defaultdict(list)
        for file in snapshot.files:
            self.by_movie[file.movie_id].append(file)
        self.links = dict(snapshot.links_by_radarr_id())
        self.on_disk = snapshot.on_disk

    def add_movie(self, movie: OurMovie) -> None:
        self.movies[movie.id] = movie
        if movie.tmdb_id:
            self.by_tmdb[movie.tmdb_id] = movie
        holder = self.by_imdb.get(movie.imdb_id or "")
        if movie.imdb_id and (holder is None or holder.id == movie.id):
            self.by_imdb[movie.imdb_id] = movie

    def add_file(self, file: OurFile) -> None:
        self.files[file.path] = file
        self.by_movie[file.movie_id].append(file)

    def move_file(self, file: OurFile, path: str) -> None:
        self._replace(file, msgspec.structs.replace(file, path=path, missing=False))

    def mark_missing(self, file: OurFile) -> None:
        self._replace(file, msgspec.structs.replace(file, missing=True))

    def _replace(self, file: OurFile, changed: OurFile) -> None:
        self.files.pop(file.path, None)
        self.files[changed.path] = changed
        self.by_movie[file.movie_id] = [changed if f.id == file.id else f
                                        for f in self.by_movie[file.movie_id]]
