"""`PlayableFiles` from the catalog's movie_files table, with sidecars from the folder."""

from __future__ import annotations

import asyncio
import uuid

from revenge.adapters.filesystem.sidecar_files import sidecar_files
from revenge.adapters.postgres.database import Database
from revenge.application.playback.ports import PlayableFile
from revenge.domain.errors import NotFound

_QUERY = """
SELECT id::text AS file_id, movie_id::text AS movie_id, path, size_bytes,
       extract(epoch FROM mtime)::float8 AS mtime
FROM movie_files
WHERE movie_id = %(movie_id)s AND missing_since IS NULL
  AND (%(file_id)s::uuid IS NULL OR id = %(file_id)s::uuid)
ORDER BY (kind = 'main') DESC, part NULLS FIRST, path
LIMIT 1
"""


class PostgresPlayableFiles:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def playable(self, movie_id: str, file_id: str | None) -> PlayableFile:
        if not _is_uuid(movie_id) or (file_id is not None and not _is_uuid(file_id)):
            raise NotFound("no such movie file", field="file_id" if file_id else "movie_id")
        async with self._database.connection() as conn:
            cursor = await conn.execute(_QUERY, {"movie_id": movie_id, "file_id": file_id})
            row = await cursor.fetchone()
        if row is None:
            raise NotFound("no such movie file", field="file_id" if file_id else "movie_id")
        sidecars = await asyncio.to_thread(sidecar_files, row["path"])
        return PlayableFile(movie_id=row["movie_id"], file_id=row["file_id"], path=row["path"],
                            size=row["size_bytes"], mtime=row["mtime"], sidecars=sidecars)


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
