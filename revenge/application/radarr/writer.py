"""Writing a reconciliation's plan in the caller's unit of work, then asking for what
follows: scans of the folders it touched, matching of new movies, search updates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from revenge.application.library.requests import ScanLibraryCommand, scan_dedupe_key
from revenge.application.metadata.requests import MatchMovieCommand, movie_dedupe_key
from revenge.application.radarr.ports import RadarrUnitOfWork
from revenge.application.radarr.records import FileRelocation, RecordedFile
from revenge.application.search.requests import request_index_or_reconcile
from revenge.domain.catalog.movie import Movie, MovieFields, new_movie
from revenge.domain.errors import RuleViolation
from revenge.domain.library.diff import under
from revenge.domain.library.library import Library
from revenge.domain.library.settling import scan_scopes
from revenge.domain.radarr.plan import NewFileAt, NewMovie, Plan

# Past this many folders in one library, one scan of the whole library is cheaper.
MAX_SCAN_SCOPES = 100
MAX_INDEX_JOBS = 100


def library_of(path: str, libraries: Sequence[Library]) -> Library | None:
    return next((library for library in libraries if under(path, library.paths)), None)


async def write_plan(uow: RadarrUnitOfWork, plan: Plan, libraries: Sequence[Library],
                     now: datetime) -> None:
    """Movies first (files and links refer to them), then files, links, conflicts."""
    catalog = uow.catalog
    if plan.new_movies:
        await catalog.add_movies([_movie(new, now) for new in plan.new_movies])
    if plan.id_links:
        await catalog.set_ids(plan.id_links, now)
    await _write_files(uow, plan, libraries, now)
    if plan.unlinks:
        await uow.links.remove(plan.unlinks)
    if plan.links:
        await uow.links.save(plan.links, now)
    if plan.closed:
        await uow.conflicts.close(plan.closed)
    if plan.opened:
        await uow.conflicts.save(plan.opened, now)


async def _write_files(uow: RadarrUnitOfWork, plan: Plan, libraries: Sequence[Library],
                       now: datetime) -> None:
    catalog = uow.catalog
    if plan.new_files:
        await catalog.add_files([_recorded(f, libraries, now) for f in plan.new_files])
    if plan.moves:
        await catalog.relocate_files([FileRelocation(
            file_id=m.file_id, library_id=_library_id(m.path, libraries), path=m.path,
            size=m.size, mtime=m.mtime or now) for m in plan.moves], now)
    if plan.missing:
        await catalog.mark_missing([m.file_id for m in plan.missing], now)
    touched = ({f.movie_id for f in plan.new_files} | {m.movie_id for m in plan.moves}
               | {m.movie_id for m in plan.missing})
    if touched:
        await catalog.refresh_missing(touched, now)


def _recorded(new: NewFileAt, libraries: Sequence[Library], now: datetime) -> RecordedFile:
    return RecordedFile(id=new.id, movie_id=new.movie_id,
                        library_id=_library_id(new.path, libraries), path=new.path,
                        size=new.size, mtime=new.mtime or now, group_key=new.group_key,
                        part=new.part, edition=new.edition, container=new.container)


def _library_id(path: str, libraries: Sequence[Library]) -> str | None:
    library = library_of(path, libraries)
    return library.id if library else None


def _movie(new: NewMovie, now: datetime) -> Movie:
    fields = MovieFields(title=new.title, original_title=new.original_title, year=new.year,
                         tmdb_id=new.tmdb_id, imdb_id=new.imdb_id)
    try:
        return new_movie(new.id, fields, now)
    except RuleViolation:  # an implausible value from Radarr: keep the title and ids
        return new_movie(new.id, MovieFields(title=new.title, tmdb_id=new.tmdb_id), now)


async def request_followups(uow: RadarrUnitOfWork, plan: Plan, libraries: Sequence[Library],
                            match_job: type[MatchMovieCommand] | None) -> int:
    """Scans of the touched folders inside libraries (the scanner checks the disk, probes
    the files and keeps its records straight); matching of movies that got a TMDb id;
    search updates. Returns how many scans were requested."""
    scans = await _request_scans(uow, plan.changed_paths(), libraries)
    if match_job is not None:
        for movie_id in _to_match(plan):
            match = match_job(movie_id=movie_id)
            await uow.jobs.enqueue(match, dedupe_key=movie_dedupe_key(match))
    await request_index_or_reconcile(uow.jobs, plan.touched_movie_ids(), MAX_INDEX_JOBS)
    return scans


def _to_match(plan: Plan) -> list[str]:
    linked = [link.movie_id for link in plan.id_links if link.tmdb_id]
    return sorted({movie.id for movie in plan.new_movies} | set(linked))


async def _request_scans(uow: RadarrUnitOfWork, paths: Sequence[str],
                         libraries: Sequence[Library]) -> int:
    requested = 0
    for library in libraries:
        mine = [path for path in paths if under(path, library.paths)]
        if not mine:
            continue
        scopes = scan_scopes(mine, library.paths)
        if len(scopes) > MAX_SCAN_SCOPES:
            await uow.jobs.enqueue(ScanLibraryCommand(library_id=library.id),
                                   dedupe_key=scan_dedupe_key(library.id))
        else:
            await uow.jobs.enqueue(ScanLibraryCommand(library_id=library.id,
                                                      within=tuple(scopes)))
        requested += 1
    return requested

