"""The reconciliation: Radarr's movies against ours, as a plan of catalog changes and
conflicts. Pure: the caller reads the snapshot, maps paths and checks the disk first.
The rules, in order, are written down in README.md beside this module."""

from __future__ import annotations

from collections.abc import Sequence

from revenge.domain.radarr.drafts import (
    file_traits,
    new_movie_of,
    size_and_date,
    tmdb_mismatch,
    valid_imdb,
)
from revenge.domain.radarr.index import PlanningIndex
from revenge.domain.radarr.model import RadarrMovie
from revenge.domain.radarr.plan import (
    IdLink,
    MissingFile,
    MovedFile,
    NewFileAt,
    NewMovie,
    Plan,
)
from revenge.domain.radarr.state import (
    Incoming,
    Link,
    OurFile,
    OurMovie,
    Snapshot,
    SyncConflict,
)
from revenge.domain.shared.ids import NewId as NewId

MAX_PASSES = 8


def reconcile(snapshot: Snapshot, incoming: Sequence[Incoming], new_id: NewId, *,
              full: bool) -> Plan:
    """The changes that make our catalog agree with Radarr on these movies. `full`: the
    incoming movies are all of Radarr's, so links to any other are dropped.

    Planning runs in passes over the movies, each on the state the previous ones
    leave, until a pass changes nothing: a decision about one movie may depend on ids
    another movie gave ours, and the plan must be what planning again would find (so a
    second sync writes nothing). Deletions come before placements in a pass; a path
    some movie names as its file, or as the file it replaced, is never deleted."""
    planner = _Planner(snapshot, new_id, incoming)
    radarr_ids = {item.movie.radarr_id for item in incoming}
    for _ in range(MAX_PASSES):
        before = planner.changes
        planner.raised = {}
        if full:
            planner.drop_all_but(radarr_ids)
        for item in incoming:
            planner.delete(item)
        for item in incoming:
            planner.place(item)
        if planner.changes == before:
            break
    concerned = {item.movie.radarr_id for item in incoming if item.complete or item.gone}
    if full:
        concerned |= {conflict.radarr_movie_id for conflict in snapshot.conflicts}
    return planner.plan(concerned)


class _Planner:
    def __init__(self, snapshot: Snapshot, new_id: NewId,
                 incoming: Sequence[Incoming]) -> None:
        self.index = PlanningIndex(snapshot)
        self.original = {conflict.key: conflict for conflict in snapshot.conflicts}
        self.new_id = new_id
        self.new_movies: list[NewMovie] = []
        self.id_links: list[IdLink] = []
        self.new_files: list[NewFileAt] = []
        self.moves: list[MovedFile] = []
        self.missing: dict[str, MissingFile] = {}
        self.links: dict[int, Link] = {}
        self.unlinks: set[int] = set()
        self.raised: dict[str, SyncConflict] = {}
        self.changes = 0
        # Paths Radarr names as some movie's file now; and those with the replaced ones.
        self.current = {item.local_path for item in incoming
                        if item.local_path and item.complete}
        self.named = self.current | {path for item in incoming for path in item.replaced}

    def plan(self, concerned: set[int]) -> Plan:
        """The actions, and the conflicts of the last pass against those stored."""
        opened = tuple(c for key, c in sorted(self.raised.items())
                       if self.original.get(key) != c)
        closed = tuple(sorted(key for key, c in self.original.items()
                              if c.radarr_movie_id in concerned and key not in self.raised))
        return Plan(new_movies=tuple(self.new_movies), id_links=tuple(self.id_links),
                    new_files=tuple(self.new_files), moves=tuple(self.moves),
                    missing=tuple(self.missing.values()), links=tuple(self.links.values()),
                    unlinks=tuple(sorted(self.unlinks)), opened=opened, closed=closed)

    def place(self, item: Incoming) -> None:
        radarr = item.movie
        if not item.complete:
            return
        if radarr.file is not None and item.local_path is None:
            self._raise(SyncConflict(kind="unmapped_path", radarr_movie_id=radarr.radarr_id,
                                     tmdb_id=radarr.tmdb_id, radarr_path=radarr.file.path,
                                     detail=f"no path mapping covers {radarr.file.path}"))
        elif item.local_path is not None:
            self._with_file(item, item.local_path)

    def delete(self, item: Incoming) -> None:
        if item.movie.file is None and item.complete:
            self._without_file(item.movie)
        for path in sorted(item.deleted - item.replaced):
            self._deleted(item.movie.radarr_id, path)
        if item.gone and item.movie.radarr_id in self.index.links:
            self._unlink(item.movie.radarr_id)

    def drop_all_but(self, radarr_ids: set[int]) -> None:
        """Radarr no longer has these movies: unlinked; a file no longer on disk is
        missing, one still there stays (Radarr may have kept it)."""
        for radarr_id, link in sorted(self.index.links.items()):
            if radarr_id in radarr_ids:
                continue
            file = self.index.files.get(link.local_path or "")
            if (file is not None and not file.missing
                    and file.path not in self.named | self.index.on_disk):
                self._mark_missing(file)
            self._unlink(radarr_id)

    def _unlink(self, radarr_id: int) -> None:
        self.unlinks.add(radarr_id)
        self.links.pop(radarr_id, None)
        del self.index.links[radarr_id]
        self.changes += 1

    # --- a movie with a file ------------------------------------------------------

    def _with_file(self, item: Incoming, path: str) -> None:
        radarr = item.movie
        found = self._match(radarr, self.index.files.get(path), path)
        if isinstance(found, SyncConflict):
            self._raise(found)
            return
        movie = found or self._create(radarr)
        self._link_ids(movie, radarr)
        if self._place_file(item, movie, path):
            self._set_link(radarr, movie.id, path)

    def _match(self, radarr: RadarrMovie, file: OurFile | None,
               path: str) -> OurMovie | SyncConflict | None:
        """By TMDb id, else IMDb id, else the movie of the file at Radarr's path."""
        index = self.index
        owner = index.movies.get(file.movie_id) if file else None
        candidate = (index.by_tmdb.get(radarr.tmdb_id or 0)
                     or index.by_imdb.get(radarr.imdb_id or "") or owner)
        if candidate and radarr.tmdb_id and candidate.tmdb_id not in (None, radarr.tmdb_id):
            return tmdb_mismatch(radarr, candidate, path,
                                  f"Radarr says TMDb {radarr.tmdb_id}, our movie has TMDb "
                                  f"{candidate.tmdb_id}")
        if owner and candidate and owner.id != candidate.id:
            return tmdb_mismatch(radarr, owner, path,
                                  f"{path} belongs to another of our movies than TMDb "
                                  f"{radarr.tmdb_id}'s; merge them if they are one")
        return candidate

    def _create(self, radarr: RadarrMovie) -> OurMovie:
        new = new_movie_of(self.new_id(), radarr)
        self.new_movies.append(new)
        self.changes += 1
        movie = OurMovie(id=new.id, tmdb_id=new.tmdb_id, imdb_id=new.imdb_id)
        self.index.add_movie(movie)
        return movie

    def _link_ids(self, movie: OurMovie, radarr: RadarrMovie) -> None:
        """A movie without a TMDb id takes Radarr's ids (never replacing one it has)."""
        if movie.tmdb_id is not None:
            return
        free = radarr.tmdb_id if radarr.tmdb_id not in self.index.by_tmdb else None
        imdb_id = movie.imdb_id or valid_imdb(radarr.imdb_id)
        if (free, imdb_id) == (None, movie.imdb_id):
            return
        self.id_links.append(IdLink(movie_id=movie.id, tmdb_id=free, imdb_id=imdb_id))
        self.changes += 1
        self.index.add_movie(OurMovie(id=movie.id, tmdb_id=free, imdb_id=imdb_id))

    def _place_file(self, item: Incoming, movie: OurMovie, path: str) -> bool:
        """Whether the movie's file is at `path` now (recorded, moved or added)."""
        if path in self.index.files:
            return True
        files = list(self.index.by_movie.get(movie.id, ()))
        replaced = [f for f in files if f.path not in self.current and (
            f.path in item.replaced or self._moved_away(item.movie.radarr_id, f))]
        if replaced:
            self._replace(replaced, path, item.movie)
            return True
        present = sorted(f.path for f in files if not f.missing and f.kind == "main")
        if present:
            self._raise(_path_mismatch(item.movie, movie, path, present))
            return False
        self._add_file(movie, path, item.movie)
        return True

    def _replace(self, replaced: list[OurFile], path: str, radarr: RadarrMovie) -> None:
        """The first replaced record moves to the new path; the others are gone."""
        self._move(replaced[0], path, radarr)
        for file in replaced[1:]:
            if not file.missing and file.path not in self.index.on_disk:
                self._mark_missing(file)

    def _moved_away(self, radarr_id: int, file: OurFile) -> bool:
        """The file linked last time, which Radarr no longer names and the disk lacks."""
        link = self.index.links.get(radarr_id)
        return (link is not None and link.local_path == file.path
                and file.path not in self.index.on_disk)

    def _move(self, file: OurFile, path: str, radarr: RadarrMovie) -> None:
        size, mtime = size_and_date(radarr)
        self.moves.append(MovedFile(file_id=file.id, movie_id=file.movie_id, path=path,
                                    size=size, mtime=mtime))
        self.missing.pop(file.id, None)
        self.index.move_file(file, path)
        self.changes += 1

    def _add_file(self, movie: OurMovie, path: str, radarr: RadarrMovie) -> None:
        size, mtime = size_and_date(radarr)
        key, part, edition, container = file_traits(path, radarr)
        new = NewFileAt(id=self.new_id(), movie_id=movie.id, path=path, size=size,
                        mtime=mtime, group_key=key, part=part, edition=edition,
                        container=container)
        self.new_files.append(new)
        self.index.add_file(OurFile(id=new.id, movie_id=movie.id, path=path))
        self.changes += 1

    # --- files Radarr deleted -----------------------------------------------------

    def _without_file(self, radarr: RadarrMovie) -> None:
        """Radarr has no file for a movie we linked with one: it deleted it."""
        link = self.index.links.get(radarr.radarr_id)
        if link is None or link.local_path is None:
            return
        if self._deleted(radarr.radarr_id, link.local_path):
            self._set_link(radarr, link.movie_id, None)

    def _deleted(self, radarr_id: int, path: str) -> bool:
        """Marks our file at `path` missing; False (a conflict) while the disk has it."""
        file = self.index.files.get(path)
        if file is None or file.missing or path in self.named:
            return True
        if path in self.index.on_disk:
            self._raise(SyncConflict(
                kind="deleted_in_radarr", radarr_movie_id=radarr_id, movie_id=file.movie_id,
                radarr_path=path, our_paths=(path,),
                detail=f"Radarr deleted {path}, but it is still on disk"))
            return False
        self._mark_missing(file)
        return True

    def _mark_missing(self, file: OurFile) -> None:
        self.missing[file.id] = MissingFile(file.id, file.movie_id)
        self.index.mark_missing(file)
        self.changes += 1

    # --- links and conflicts ------------------------------------------------------

    def _set_link(self, radarr: RadarrMovie, movie_id: str, path: str | None) -> None:
        file = radarr.file if path else None
        wanted = Link(radarr_movie_id=radarr.radarr_id, movie_id=movie_id,
                      tmdb_id=radarr.tmdb_id, radarr_file_id=file.radarr_id if file else None,
                      remote_path=file.path if file else None, local_path=path)
        if self.index.links.get(radarr.radarr_id) != wanted:
            self.links[radarr.radarr_id] = wanted
            self.index.links[radarr.radarr_id] = wanted
            self.changes += 1

    def _raise(self, conflict: SyncConflict) -> None:
        """One conflict of a kind per movie and pass: the first one found stands."""
        self.raised.setdefault(conflict.key, conflict)


def _path_mismatch(radarr: RadarrMovie, movie: OurMovie, path: str,
                   present: list[str]) -> SyncConflict:
    return SyncConflict(kind="path_mismatch", radarr_movie_id=radarr.radarr_id,
                        movie_id=movie.id, tmdb_id=radarr.tmdb_id, radarr_path=path,
                        our_paths=tuple(present),
                        detail=f"Radarr's file is {path}; ours is {', '.join(present)}")
