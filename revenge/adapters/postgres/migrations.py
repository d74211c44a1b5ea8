"""Plain numbered SQL migrations (`NNNN_name.up.sql` / `.down.sql`), applied under an
advisory lock so two processes starting together never migrate twice."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import psycopg

# Any constant works; it only has to be the same in every Revenge process.
_LOCK_ID = 0x5245_5645_4E47  # "REVENG"
_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.(up|down)\.sql$")

_CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    up: str
    down: str | None

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.up.encode()).hexdigest()[:16]

    @property
    def label(self) -> str:
        return f"{self.version:04d}_{self.name}"


class MigrationError(Exception):
    """A migration cannot be applied or rolled back; the message says which and why."""


def default_directory() -> Path:
    here = Path(__file__).resolve()
    for candidate in (here.parents[3] / "migrations", here.parents[2] / "_migrations"):
        if candidate.is_dir():
            return candidate
    raise MigrationError("migrations directory not found")


def load_migrations(directory: Path) -> list[Migration]:
    files: dict[int, dict[str, str]] = {}
    names: dict[int, str] = {}
    for path in sorted(directory.iterdir()):
        match = _FILE.match(path.name)
        if not match:
            continue
        version = int(match.group(1))
        if names.setdefault(version, match.group(2)) != match.group(2):
            raise MigrationError(f"two migrations numbered {version:04d}")
        files.setdefault(version, {})[match.group(3)] = path.read_text()
    return [_migration(v, names[v], files[v]) for v in sorted(files)]


def _migration(version: int, name: str, parts: dict[str, str]) -> Migration:
    if "up" not in parts:
        raise MigrationError(f"{version:04d}_{name} has no .up.sql")
    return Migration(version, name, parts["up"], parts.get("down"))


class MigrationRunner:
    """Applies and rolls back migrations on one dedicated connection."""

    def __init__(self, url: str, migrations: list[Migration]) -> None:
        self._url = url
        self._migrations = migrations

    async def status(self) -> list[tuple[Migration, bool]]:
        async with await self._connect() as conn:
            applied = await _applied(conn)
        return [(m, m.version in applied) for m in self._migrations]

    async def pending(self) -> list[str]:
        return [m.label for m, done in await self.status() if not done]

    async def up(self) -> list[str]:
        async with await self._connect() as conn, _locked(conn):
            applied = await _applied(conn)
            _check_checksums(self._migrations, applied)
            todo = [m for m in self._migrations if m.version not in applied]
            for migration in todo:
                await _apply(conn, migration)
            return [m.label for m in todo]

    async def down(self, steps: int) -> list[str]:
        async with await self._connect() as conn, _locked(conn):
            applied = await _applied(conn)
            done = [m for m in reversed(self._migrations) if m.version in applied][:steps]
            for migration in done:
                await _revert(conn, migration)
            return [m.label for m in done]

    async def _connect(self) -> psycopg.AsyncConnection[tuple[object, ...]]:
        return await psycopg.AsyncConnection.connect(self._url, autocommit=True)


class _locked:
    """Session-level advisory lock held for the whole run."""

    def __init__(self, conn: psycopg.AsyncConnection[tuple[object, ...]]) -> None:
        self._conn = conn

    async def __aenter__(self) -> None:
        await self._conn.execute("SELECT pg_advisory_lock(%s)", (_LOCK_ID,))
        # Created under the lock: concurrent CREATE TABLE IF NOT EXISTS can still collide.
        await self._conn.execute(_CREATE_TABLE)

    async def __aexit__(self, *exc: object) -> None:
        await self._conn.execute("SELECT pg_advisory_unlock(%s)", (_LOCK_ID,))


async def _applied(conn: psycopg.AsyncConnection[tuple[object, ...]]) -> dict[int, str]:
    exists = await conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL")
    row = await exists.fetchone()
    if not row or not row[0]:
        return {}
    cur = await conn.execute("SELECT version, checksum FROM schema_migrations")
    return {int(str(v)): str(c) for v, c in await cur.fetchall()}


def _check_checksums(migrations: list[Migration], applied: dict[int, str]) -> None:
    for migration in migrations:
        recorded = applied.get(migration.version)
        if recorded and recorded != migration.checksum:
            raise MigrationError(f"{migration.label} was edited after it was applied")


async def _apply(conn: psycopg.AsyncConnection[tuple[object, ...]], m: Migration) -> None:
    try:
        async with conn.transaction():
            await conn.execute(m.up.encode())
            await conn.execute(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (%s, %s, %s)",
                (m.version, m.name, m.checksum),
            )
    except psycopg.Error as exc:
        raise MigrationError(f"{m.label} failed: {exc}") from exc


async def _revert(conn: psycopg.AsyncConnection[tuple[object, ...]], m: Migration) -> None:
    if m.down is None:
        raise MigrationError(f"{m.label} has no .down.sql; cannot roll back")
    try:
        async with conn.transaction():
            await conn.execute(m.down.encode())
            await conn.execute("DELETE FROM schema_migrations WHERE version = %s", (m.version,))
    except psycopg.Error as exc:
        raise MigrationError(f"{m.label} rollback failed: {exc}") from exc
