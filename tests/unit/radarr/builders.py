"""Small builders for reconciliation tests: Radarr movies, our catalog, id sources."""

from __future__ import annotations

from datetime import UTC, datetime

from revenge.domain.radarr.model import RadarrFile, RadarrMovie
from revenge.domain.radarr.state import Incoming, Link, OurFile, OurMovie, Snapshot

ADDED = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def radarr(radarr_id: int, tmdb_id: int | None = None, *, path: str | None = None,
           imdb_id: str | None = None, title: str = "Heat", year: int = 1995,
           file_id: int | None = None, size: int = 1000) -> RadarrMovie:
    file = (RadarrFile(radarr_id=file_id or radarr_id * 10, path=path, size=size,
                       date_added=ADDED) if path else None)
    return RadarrMovie(radarr_id=radarr_id, title=title, year=year, tmdb_id=tmdb_id,
                       imdb_id=imdb_id, folder="/movies/x", added=ADDED, file=file)


def incoming(movie: RadarrMovie, *, replaced: tuple[str, ...] = (),
             deleted: tuple[str, ...] = ()) -> Incoming:
    """With the path used as is (tests use already-local paths)."""
    return Incoming(movie=movie, local_path=movie.file.path if movie.file else None,
                    replaced=frozenset(replaced), deleted=frozenset(deleted))


def snapshot(movies: tuple[OurMovie, ...] = (), files: tuple[OurFile, ...] = (),
             links: tuple[Link, ...] = (), on_disk: tuple[str, ...] = ()) -> Snapshot:
    return Snapshot(movies=movies, files=files, links=links, on_disk=frozenset(on_disk))
