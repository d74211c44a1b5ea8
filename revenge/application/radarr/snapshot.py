"""Reading what a reconciliation needs: our side of the movies concerned, and which of
the paths it depends on the disk still has."""

from __future__ import annotations

from collections.abc import Sequence

from revenge.application.radarr.ports import LocalDisk, RadarrUnitOfWork
from revenge.domain.radarr.state import Incoming, Snapshot, paths_to_check


async def read_snapshot(uow: RadarrUnitOfWork, items: Sequence[Incoming], disk: LocalDisk,
                        *, full: bool) -> Snapshot:
    """Links and conflicts of these Radarr movies (all of them for a full sync), our
    movies found by their ids or paths, and those movies' files."""
    radarr_ids = None if full else [item.movie.radarr_id for item in items]
    links = await uow.links.for_radarr(radarr_ids)
    paths = {path for item in items
             for path in (item.local_path, *item.replaced, *item.deleted) if path}
    paths |= {link.local_path for link in links if link.local_path}
    at_paths = await uow.catalog.files(movie_ids=(), paths=paths)
    movies = await uow.catalog.movies(
        ids={link.movie_id for link in links} | {file.movie_id for file in at_paths},
        tmdb_ids={item.movie.tmdb_id for item in items if item.movie.tmdb_id},
        imdb_ids={item.movie.imdb_id for item in items if item.movie.imdb_id})
    files = await uow.catalog.files(movie_ids={movie.id for movie in movies}, paths=paths)
    snapshot = Snapshot(movies=tuple(movies), files=tuple(files), links=tuple(links),
                        conflicts=tuple(await uow.conflicts.open_for(radarr_ids)))
    check = paths_to_check(snapshot, items, full=full)
    on_disk = await disk.existing(check) if check else set()
    return Snapshot(movies=snapshot.movies, files=snapshot.files, links=snapshot.links,
                    conflicts=snapshot.conflicts, on_disk=frozenset(on_disk))
