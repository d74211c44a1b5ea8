"""In-memory twins of the backup ports: a database whose "dump" is its table count and
migrations, and a data folder's key files."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path

import msgspec

from revenge.domain.errors import RuleViolation


class _Dump(msgspec.Struct):
    tables: int
    migrations: list[str]


class InMemoryDatabaseDumps:
    def __init__(self, tables: int = 0, migrations: list[str] | None = None) -> None:
        self.tables = tables
        self.applied = list(migrations or [])

    async def dump(self, target: Path) -> str:
        await asyncio.to_thread(target.write_bytes,
                                msgspec.json.encode(_Dump(self.tables, self.applied)))
        return "memory"

    async def restore(self, source: Path) -> None:
        try:
            loaded = msgspec.json.decode(await asyncio.to_thread(source.read_bytes),
                                         type=_Dump)
        except msgspec.DecodeError:
            raise RuleViolation("not a dump of this database") from None
        self.tables, self.applied = loaded.tables, loaded.migrations

    async def table_count(self) -> int:
        return self.tables

    async def migrations(self) -> list[str]:
        return list(self.applied)


class InMemoryKeyFiles:
    def __init__(self, files: Mapping[str, bytes] | None = None) -> None:
        self.files = dict(files or {})

    def read(self) -> dict[str, bytes]:
        return dict(self.files)

    def write(self, files: Mapping[str, bytes]) -> None:
        taken = set(files) & set(self.files)
        if taken:
            raise RuleViolation(f"already present: {', '.join(sorted(taken))}")
        self.files.update(files)
