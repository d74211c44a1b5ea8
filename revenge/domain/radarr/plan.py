"""The outcome of a reconciliation: the catalog changes to make, and `applied`, the state
they leave behind (planning again against it finds nothing to do)."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.domain.radarr.state import Link, OurFile, OurMovie, Snapshot, SyncConflict


class NewMovie(msgspec.Struct, frozen=True, kw_only=True):
    """A movie to create from Radarr's ids and names (metadata then comes from TMDb)."""

    id: str
    title: str
    year: int | None = None
    original_title: str | None = None
    tmdb_id: int | None = None
    imdb_id: str | None = None


class IdLink(msgspec.Struct, frozen=True, kw_only=True):
    """Ids an existing movie without a TMDb id takes from Radarr."""

    movie_id: str
    tmdb_id: int | None
    imdb_id: str | None


class NewFileAt(msgspec.Struct, frozen=True, kw_only=True):
    """A file to record for a movie; `group_key` and the traits are what the scanner
    would give it, so a later scan of the folder agrees."""

    id: str
    movie_id: str
    path: str
    size: int
    mtime: datetime | None
    group_key: str
    part: int | None = None
    edition: str | None = None
    container: str | None = None


class MovedFile(msgspec.Struct, frozen=True, kw_only=True):
    """A recorded file now at another path (renamed, or replaced by an upgrade): same
    record, so its movie and everyone's watch state stay."""

    file_id: str
    movie_id: str
    path: str
    size: int
    mtime: datetime | None


class MissingFile(msgspec.Struct, frozen=True):
    file_id: str
    movie_id: str


class Plan(msgspec.Struct, frozen=True, kw_only=True):
    new_movies: tuple[NewMovie, ...] = ()
    id_links: tuple[IdLink, ...] = ()
    new_files: tuple[NewFileAt, ...] = ()
    moves: tuple[MovedFile, ...] = ()
    missing: tuple[MissingFile, ...] = ()
    links: tuple[Link, ...] = ()
    unlinks: tuple[int, ...] = ()
    opened: tuple[SyncConflict, ...] = ()
    closed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(msgspec.structs.astuple(self))

    @property
    def catalog_writes(self) -> int:
        """Changes to movies and files (links and conflicts are the sync's own records)."""
        return (len(self.new_movies) + len(self.id_links) + len(self.new_files)
                + len(self.moves) + len(self.missing))

    def touched_movie_ids(self) -> list[str]:
        """Movies whose files or ids change (their search documents and match jobs)."""
        ids = {m.id for m in self.new_movies} | {i.movie_id for i in self.id_links}
        ids |= {f.movie_id for f in self.new_files} | {f.movie_id for f in self.moves}
        ids |= {f.movie_id for f in self.missing}
        return sorted(ids)

    def changed_paths(self) -> list[str]:
        """Our paths this plan records or moves files to."""
        return sorted({f.path for f in self.new_files} | {f.path for f in self.moves})


def applied(snapshot: Snapshot, plan: Plan) -> Snapshot:
    """The snapshot once the plan is recorded (what the use case writes, in memory)."""
    movies = {m.id: m for m in snapshot.movies}
    movies.update({m.id: OurMovie(id=m.id, tmdb_id=m.tmdb_id, imdb_id=m.imdb_id)
                   for m in plan.new_movies})
    for link in plan.id_links:
        movies[link.movie_id] = OurMovie(id=link.movie_id, tmdb_id=link.tmdb_id,
                                         imdb_id=link.imdb_id)
    return msgspec.structs.replace(
        snapshot, movies=tuple(movies.values()), files=tuple(_files(snapshot, plan).values()),
        links=_links(snapshot, plan), conflicts=_conflicts(snapshot, plan))


def _files(snapshot: Snapshot, plan: Plan) -> dict[str, OurFile]:
    files = {f.id: f for f in snapshot.files}
    for new in plan.new_files:
        files[new.id] = OurFile(id=new.id, movie_id=new.movie_id, path=new.path)
    for move in plan.moves:
        files[move.file_id] = msgspec.structs.replace(files[move.file_id], path=move.path,
                                                      missing=False)
    for gone in plan.missing:
        files[gone.file_id] = msgspec.structs.replace(files[gone.file_id], missing=True)
    return files


def _links(snapshot: Snapshot, plan: Plan) -> tuple[Link, ...]:
    links = {link.radarr_movie_id: link for link in snapshot.links}
    for radarr_id in plan.unlinks:
        links.pop(radarr_id, None)
    links.update({link.radarr_movie_id: link for link in plan.links})
    return tuple(links.values())


def _conflicts(snapshot: Snapshot, plan: Plan) -> tuple[SyncConflict, ...]:
    conflicts = {c.key: c for c in snapshot.conflicts if c.key not in plan.closed}
    conflicts.update({c.key: c for c in plan.opened})
    return tuple(conflicts.values())
