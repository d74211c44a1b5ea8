"""Remove a library. Its movies stay, marked missing with their files, so everyone's
watch state survives and re-adding the folder later finds them again."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from revenge.application.library.ports import Clock, LibraryUnitOfWork


class DeleteLibraryCommand(msgspec.Struct, frozen=True):
    library_id: str


class DeleteLibrary:
    def __init__(self, unit_of_work: Callable[[], LibraryUnitOfWork], clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def execute(self, command: DeleteLibraryCommand) -> None:
        """Raises `NotFound` for an unknown library."""
        async with self._unit_of_work() as uow:
            library = await uow.libraries.get(command.library_id)
            await uow.libraries.lock(library.id)
            now = self._clock()
            movie_ids = await uow.files.detach_library(library.id, now)
            if movie_ids:
                await uow.movies.refresh_missing(movie_ids, now)
            await uow.libraries.remove(library.id)
            await uow.commit()
