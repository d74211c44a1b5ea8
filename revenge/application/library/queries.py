"""Plain reads of libraries (no decision in them, so no use case)."""

from __future__ import annotations

from typing import Protocol

from revenge.domain.library.library import Library


class LibraryQueries(Protocol):
    async def list_libraries(self) -> list[Library]:
        """Every library, by name."""
        ...

    async def get_library(self, library_id: str) -> Library:
        """Raises `NotFound` for an unknown (or malformed) id."""
        ...

    async def find_library(self, name: str) -> Library | None:
        """By name, case-insensitively."""
        ...
