"""In-memory twin of the administrators' library reports."""

from __future__ import annotations

from revenge.adapters.memory.library_files import LibraryTables
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.application.library.queries import LibraryCounts, UnmatchedMovie
from revenge.application.library.records import SkippedFile


class InMemoryLibraryReports:
    def __init__(self, state: InMemoryState) -> None:
        self._t = LibraryTables(state)

    def _unmatched(self, movie_id: str) -> bool:
        # PostgreSQL's column defaults to 'unmatched'; a movie without an entry is too.
        return self._t.match_status.get(movie_id, "unmatched") == "unmatched"

    async def counts(self) -> LibraryCounts:
        movies = self._t.catalog.movies.values()
        files = self._t.catalog.files.values()
        return LibraryCounts(
            movies=len(movies), missing_movies=sum(m.missing for m in movies),
            unmatched_movies=sum(self._unmatched(m.id) for m in movies),
            files=len(files), missing_files=sum(f.missing_since is not None for f in files))

    async def unmatched_movies(self, limit: int) -> list[UnmatchedMovie]:
        movies = sorted((m for m in self._t.catalog.movies.values() if self._unmatched(m.id)),
                        key=lambda m: (m.title, m.id))
        return [UnmatchedMovie(id=m.id, title=m.title, year=m.year) for m in movies[:limit]]

    async def skipped_files(self, library_id: str) -> list[SkippedFile]:
        return sorted((s for (lib, _), s in self._t.skipped.items() if lib == library_id),
                      key=lambda s: s.path)
