"""`ProgressRecorder` by the catalog's own use case, so its progress rules apply."""

from __future__ import annotations

from revenge.application.catalog.record_progress import RecordProgress, RecordProgressCommand
from revenge.application.shared.principal import Principal


class CatalogProgress:
    def __init__(self, record_progress: RecordProgress) -> None:
        self._record_progress = record_progress

    async def record(self, actor: Principal, movie_id: str, position_seconds: float,
                     duration_seconds: float) -> None:
        await self._record_progress.execute(RecordProgressCommand(
            actor=actor, movie_id=movie_id, position_seconds=position_seconds,
            duration_seconds=duration_seconds))
