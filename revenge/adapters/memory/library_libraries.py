"""In-memory twins of the library repository and queries."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.domain.errors import Conflict, NotFound
from revenge.domain.library.library import Library

LIBRARIES = "library_libraries"


def libraries_of(state: InMemoryState) -> dict[str, Library]:
    return state.table(LIBRARIES)


class InMemoryLibraryRepository:
    def __init__(self, state: InMemoryState) -> None:
        self._libraries = libraries_of(state)

    async def add(self, library: Library) -> None:
        self._check_name(library)
        self._libraries[library.id] = library

    async def get(self, library_id: str) -> Library:
        library = self._libraries.get(library_id)
        if library is None:
            raise NotFound(f"library {library_id} not found")
        return library

    async def find_by_name(self, name: str) -> Library | None:
        wanted = name.strip().lower()
        return next((lib for lib in self._libraries.values() if lib.name.lower() == wanted),
                    None)

    async def list(self) -> list[Library]:
        return sorted(self._libraries.values(), key=lambda lib: (lib.name.lower(), lib.id))

    async def update(self, library: Library) -> None:
        await self.get(library.id)
        self._check_name(library)
        self._libraries[library.id] = library

    async def remove(self, library_id: str) -> None:
        self._libraries.pop(library_id, None)

    async def lock(self, library_id: str) -> None:
        return None  # one event loop, and every memory unit of work runs to its end

    async def claim_scan(self, library_id: str, previous: datetime | None,
                         now: datetime) -> bool:
        library = self._libraries.get(library_id)
        if library is None or library.scan_requested_at != previous:
            return False
        self._libraries[library_id] = msgspec.structs.replace(library, scan_requested_at=now)
        return True

    def _check_name(self, library: Library) -> None:
        if any(other.name.lower() == library.name.lower() and other.id != library.id
               for other in self._libraries.values()):
            raise Conflict(f"a library named {library.name!r} exists", field="name")


class InMemoryLibraryQueries:
    def __init__(self, state: InMemoryState) -> None:
        self._repository = InMemoryLibraryRepository(state)

    async def list_libraries(self) -> list[Library]:
        return await self._repository.list()

    async def get_library(self, library_id: str) -> Library:
        return await self._repository.get(library_id)

    async def find_library(self, name: str) -> Library | None:
        return await self._repository.find_by_name(name)
