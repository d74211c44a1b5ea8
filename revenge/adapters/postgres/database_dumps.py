"""`DatabaseDumps` by pg_dump / pg_restore (custom format: one snapshot, compressed,
restorable by any role: no owners, no grants)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import psycopg

from revenge.adapters.postgres.dump_tools import DumpTools, tools_for
from revenge.domain.errors import Unavailable

_TABLES = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
_MIGRATIONS = """
SELECT version::text || '_' || name FROM schema_migrations ORDER BY version
"""


class PostgresDatabaseDumps:
    def __init__(self, url: str) -> None:
        self._url = url

    async def dump(self, target: Path) -> str:
        major, version = await self._server()
        tools = await asyncio.to_thread(tools_for, major)
        await _run([tools.pg_dump, "--format=custom", "--no-owner", "--no-privileges",
                    f"--file={target}"], "pg_dump", self._url)
        return f"PostgreSQL {version}"

    async def restore(self, source: Path) -> None:
        tools: DumpTools = await asyncio.to_thread(tools_for, (await self._server())[0])
        await _run([tools.pg_restore, "--no-owner", "--no-privileges", "--exit-on-error",
                    "--single-transaction", str(source)], "pg_restore", self._url)

    async def table_count(self) -> int:
        async with await self._connect() as conn:
            row = await (await conn.execute(_TABLES)).fetchone()
        return int(str(row[0])) if row else 0

    async def migrations(self) -> list[str]:
        async with await self._connect() as conn:
            exists = await (await conn.execute(
                "SELECT to_regclass('schema_migrations') IS NOT NULL")).fetchone()
            if not exists or not exists[0]:
                return []
            return [str(r[0]) for r in await (await conn.execute(_MIGRATIONS)).fetchall()]

    async def _server(self) -> tuple[int, str]:
        async with await self._connect() as conn:
            row = await (await conn.execute("SHOW server_version")).fetchone()
        version = str(row[0]) if row else "0"
        return int(version.split(".")[0].split()[0]), version

    async def _connect(self) -> psycopg.AsyncConnection[tuple[object, ...]]:
        try:
            return await psycopg.AsyncConnection.connect(self._url, autocommit=True,
                                                         connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise Unavailable("database", str(exc).strip().splitlines()[0]) from exc


async def _run(argv: list[str], name: str, url: str) -> None:
    """The connection goes through the environment: a password on the command line would
    show in every process listing."""
    params = psycopg.conninfo.conninfo_to_dict(url)
    password = params.pop("password", None)
    env = {**os.environ, "PGPASSWORD": str(password)} if password else dict(os.environ)
    dbname = psycopg.conninfo.make_conninfo("", **{k: v for k, v in params.items()
                                                   if v is not None})
    process = await asyncio.create_subprocess_exec(
        *argv, f"--dbname={dbname}", stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE, env=env)
    _, errors = await process.communicate()
    if process.returncode != 0:
        message = errors.decode(errors="replace").strip().splitlines()
        raise Unavailable(name, message[0] if message else f"exit status {process.returncode}")
