"""Phase 5, record: new files join their movie (found by grouping key or TMDb id, else
created, flagged unmatched), extras join their owner's movie, moves keep their record,
vanished files are marked missing, and each touched movie's `missing` flag follows.

Main files are written as phase 4 hands them over, by a writer task that runs while the
next chunks are parsed. An extra is placed once every main file of its owner folder is
known: with the batch that completes that folder when the library was empty before the
scan, else at the end (the folder's recorded files count too)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Collection

from revenge.application.library.ports import LibraryUnitOfWork, NewId
from revenge.application.library.records import FileMove, NewFile, StatUpdate
from revenge.application.library.scan.phase_3_classify import skipped
from revenge.application.library.scan.state import Scan
from revenge.domain.catalog.movie import Movie, MovieFields, new_movie
from revenge.domain.errors import RuleViolation
from revenge.domain.library.classification import owner_folder
from revenge.domain.library.grouping import (
    FolderMovie,
    MovieDraft,
    Recognised,
    draft_of,
    group_by_movie,
    owner_of,
)
from revenge.domain.library.timestamps import datetime_of


async def record(scan: Scan, uow: LibraryUnitOfWork, new_id: NewId,
                 chunks: AsyncIterator[list[Recognised]]) -> None:
    await _Recorder(scan, uow, new_id).record(chunks)


class _Recorder:
    """Writes one scan's outcome; nothing at all when nothing changed."""

    def __init__(self, scan: Scan, uow: LibraryUnitOfWork, new_id: NewId) -> None:
        self.scan = scan
        self.uow = uow
        self.new_id = new_id
        self.touched_movies: set[str] = set()
        self.movie_of_key: dict[str, str] = {}
        self.extras: list[Recognised] = []  # not placed yet
        # Main files written, by folder (tuples of untracked items: the collector soon
        # stops looking at them, however many a big scan keeps).
        self.folders: dict[str, tuple[FolderMovie, ...]] = {}
        self.seen: set[str] = set()  # folders whose new files have all been written
        # Folders extras may belong to: those of the extras phase 3 found (the parser's
        # extras belong to their own folder, written in the same batch).
        self.owners = {owner_folder(stat.path.rpartition("/")[0], found)
                       for stat, found in scan.classified if found.role == "extra"}

    async def record(self, chunks: AsyncIterator[list[Recognised]]) -> None:
        await self._record_mains(chunks)
        await self._record_extras()
        await self._record_moves_and_stats()
        await self._record_missing_and_skipped()
        if self.touched_movies:
            await self.uow.movies.refresh_missing(self.touched_movies, self.scan.now)
        self.scan.touched_movie_ids = self.touched_movies | set(self.scan.new_movie_ids)

    async def _record_mains(self, chunks: AsyncIterator[list[Recognised]]) -> None:
        """A writer task stores what phase 4 hands over while the next chunks are
        parsed; chunks that piled up meanwhile are written together, so the parse never
        waits on the database and a slow database costs fewer, larger writes."""
        parsed: asyncio.Queue[list[Recognised] | None] = asyncio.Queue()
        writer = asyncio.create_task(self._writer(parsed))
        try:
            async for chunk in chunks:
                parsed.put_nowait(chunk)
                if writer.done():
                    break  # it failed: its error surfaces below
        except BaseException:
            writer.cancel()
            raise
        parsed.put_nowait(None)
        await writer

    async def _writer(self, parsed: asyncio.Queue[list[Recognised] | None]) -> None:
        while True:
            batch = [await parsed.get()]
            while not parsed.empty():
                batch.append(parsed.get_nowait())
            files = [file for chunk in batch if chunk is not None for file in chunk]
            if files:
                await self._write_batch(files)
            if batch[-1] is None:
                return

    async def _write_batch(self, batch: list[Recognised]) -> None:
        """The batch's main files, and the extras whose owner folder is complete now."""
        self.extras += [file for file in batch if file.role == "extra"]
        groups = group_by_movie(batch)
        movie_ids = await self._movies_for(groups)
        for key in groups.keys() - movie_ids.keys():
            self.scan.skipped.extend(skipped(f.stat, "unrecognised") for f in groups[key])
        files = [self._new_file(file, movie_ids[key], key)
                 for key, group in groups.items() if key in movie_ids for file in group]
        self._note_folders(files, self.owners | {e.owner_folder for e in self.extras})
        if self.scan.library_was_empty:  # else extras wait for the recorded main files
            self.seen.update(file.stat.path.rpartition("/")[0] for file in batch)
            files += self._place([e for e in self.extras if e.owner_folder in self.seen])
        if files:
            await self.uow.files.add(files)
        self.scan.files_to_probe += len(files)

    async def _movies_for(self, groups: dict[str, list[Recognised]]) -> dict[str, str]:
        found = await self._existing(groups.keys())
        drafts = [draft_of(key, group) for key, group in groups.items() if key not in found]
        created = {draft.key: movie for draft in drafts
                   if (movie := self._movie(draft)) is not None}
        if created:
            await self.uow.movies.add(list(created.values()))
        self.scan.new_movie_ids += [movie.id for movie in created.values()]
        self.scan.counts.movies_added += len(created)
        self.movie_of_key.update({key: movie.id for key, movie in created.items()})
        return {**found, **{key: movie.id for key, movie in created.items()}}

    async def _existing(self, keys: Collection[str]) -> dict[str, str]:
        """Movies the keys already have: from earlier chunks, the library's files, else
        by TMDb id."""
        found = {key: self.movie_of_key[key] for key in keys if key in self.movie_of_key}
        unknown = [key for key in keys if key not in found]
        if unknown:
            found |= await self._stored(unknown)
        return found

    async def _stored(self, keys: list[str]) -> dict[str, str]:
        found = ({} if self.scan.library_was_empty
                 else await self.uow.files.movies_by_key(self.scan.library.id, keys))
        tmdb = {int(key[5:]): key for key in keys if key.startswith("tmdb:") and key not in found}
        if tmdb:
            for tmdb_id, movie_id in (await self.uow.movies.ids_by_tmdb(tmdb)).items():
                found[tmdb[tmdb_id]] = movie_id
        self.touched_movies.update(found.values())
        self.movie_of_key.update(found)
        return found

    def _movie(self, draft: MovieDraft) -> Movie | None:
        fields = MovieFields(title=draft.title, original_title=draft.original_title,
                             year=draft.year, tmdb_id=draft.tmdb_id, imdb_id=draft.imdb_id)
        for attempt in (fields, MovieFields(title=draft.title)):
            try:
                return new_movie(self.new_id(), attempt, self.scan.now)
            except RuleViolation:
                continue  # an implausible year or id from a name: keep the title alone
        return None

    def _new_file(self, file: Recognised, movie_id: str, key: str) -> NewFile:
        stat = file.stat
        return NewFile(
            id=self.new_id(), movie_id=movie_id, library_id=self.scan.library.id,
            path=stat.path, size=stat.size, mtime=datetime_of(stat.mtime_us), kind=file.role,
            group_key=key, extra_type=file.extra_type if file.role == "extra" else None,
            part=file.part, edition=file.edition, container=file.container,
        )

    def _note_folders(self, mains: list[NewFile], owners: set[str]) -> None:
        for file in mains:
            folder, _, name = file.path.rpartition("/")
            if folder not in owners:
                continue
            stem = name.rpartition(".")[0] or name
            self.folders[folder] = (*self.folders.get(folder, ()), FolderMovie(stem, file.movie_id))

    def _place(self, extras: list[Recognised]) -> list[NewFile]:
        """Extras with their movies (orphans counted); they leave the waiting list."""
        placed = []
        for extra in extras:
            movie_id = owner_of(extra, self.folders)
            if movie_id is None:
                self.scan.counts.orphaned_extras += 1
            else:
                placed.append(self._new_file(extra, movie_id, f"extra:{movie_id}"))
        waiting = set(map(id, extras))
        self.extras = [extra for extra in self.extras if id(extra) not in waiting]
        return placed

    async def _record_extras(self) -> None:
        """The extras left: their owner folders' main files recorded earlier count too
        (a library empty before this scan has none)."""
        if not self.extras:
            return
        if not self.scan.library_was_empty:
            owners = {extra.owner_folder for extra in self.extras}
            stored = await self.uow.files.folder_movies(self.scan.library.id, owners)
            for folder, movies in stored.items():
                self.folders[folder] = (*movies, *self.folders.get(folder, ()))
        placed = self._place(self.extras)
        if placed:
            await self.uow.files.add(placed)
        self.scan.files_to_probe += len(placed)

    async def _record_moves_and_stats(self) -> None:
        scan = self.scan
        if scan.moves:
            await self.uow.files.move([FileMove(
                file_id=move.moved.file_id, library_id=scan.library.id, path=move.stat.path,
                size=move.stat.size, mtime=datetime_of(move.stat.mtime_us),
            ) for move in scan.moves])
            self.touched_movies.update(move.moved.movie_id for move in scan.moves)
        updates = [StatUpdate(before.file_id or "", stat.size, datetime_of(stat.mtime_us),
                              not before.same_content_as(stat))
                   for before, stat in (*scan.diff.changed, *scan.diff.returned)]
        if updates:
            await self.uow.files.update_stats(updates)
            scan.files_to_probe += sum(update.content_changed for update in updates)
            self.touched_movies.update(before.movie_id or "" for before, _ in scan.diff.returned)

    async def _record_missing_and_skipped(self) -> None:
        scan, library_id = self.scan, self.scan.library.id
        if scan.vanished:
            await self.uow.files.mark_missing([f.file_id or "" for f in scan.vanished], scan.now)
            self.touched_movies.update(file.movie_id or "" for file in scan.vanished)
        if scan.diff.forgotten:
            await self.uow.files.forget_skipped(library_id,
                                                [f.path for f in scan.diff.forgotten])
        if scan.skipped:
            await self.uow.files.skip(library_id, scan.skipped)
        scan.counts.skipped = len(scan.skipped)
