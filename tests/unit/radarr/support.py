"""Use cases wired to in-memory twins: Radarr, the disk, the records, the job queue."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from revenge.adapters.crypto.aead import AesGcmSecretBox, generate_key
from revenge.adapters.memory.jobs import InMemoryJobQueue
from revenge.adapters.memory.radarr_gateway import InMemoryLocalDisk, InMemoryRadarr
from revenge.adapters.memory.radarr_records import (
    InMemoryRadarrQueries,
    InMemoryRadarrUnitOfWork,
)
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.application.metadata.requests import MatchMovieCommand
from revenge.application.radarr.handle_webhook import HandleRadarrWebhook
from revenge.application.radarr.receive_webhook import ReceiveRadarrWebhook
from revenge.application.radarr.save_settings import (
    SaveRadarrSettings,
    SaveRadarrSettingsCommand,
)
from revenge.application.radarr.sync_radarr import SyncRadarr
from revenge.domain.radarr.model import RadarrFile, RadarrMovie
from revenge.domain.radarr.paths import PathMapping

T0 = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
MAPPINGS = (PathMapping("/movies", "/media/movies"),)


async def _no_relay() -> None:
    return None


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class World:
    state: InMemoryState = field(default_factory=InMemoryState)
    radarr: InMemoryRadarr = field(default_factory=InMemoryRadarr)
    disk: InMemoryLocalDisk = field(default_factory=InMemoryLocalDisk)
    clock: Clock = field(default_factory=Clock)
    box: AesGcmSecretBox = field(default_factory=lambda: AesGcmSecretBox([generate_key("k")]))
    counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def new_id(self) -> str:
        return f"00000000-0000-7000-8000-{next(self.counter):012d}"

    def unit_of_work(self) -> InMemoryRadarrUnitOfWork:
        def queue(uow: InMemoryUnitOfWork) -> InMemoryJobQueue:
            return InMemoryJobQueue(uow, wake_relay=_no_relay, max_attempts=3)

        return InMemoryRadarrUnitOfWork(self.state, job_queue=queue)

    def sync(self, match_job: type[MatchMovieCommand] | None = MatchMovieCommand
             ) -> SyncRadarr:
        return SyncRadarr(self.unit_of_work, self.box, self.radarr, self.disk, self.clock,
                          self.new_id, match_job)

    def receive(self) -> ReceiveRadarrWebhook:
        return ReceiveRadarrWebhook(self.unit_of_work, self.clock)

    def handle(self) -> HandleRadarrWebhook:
        return HandleRadarrWebhook(self.unit_of_work, self.disk, self.clock, self.new_id,
                                   MatchMovieCommand)

    def queries(self) -> InMemoryRadarrQueries:
        return InMemoryRadarrQueries(self.state)

    async def configure(self, **changes: Any) -> None:
        values: dict[str, Any] = {"url": self.radarr.url, "api_key": self.radarr.api_key,
                                  "path_mappings": MAPPINGS, **changes}
        command = SaveRadarrSettingsCommand(**values)
        await SaveRadarrSettings(self.unit_of_work, self.box, self.clock).execute(command)

    def jobs(self) -> list[dict[str, Any]]:
        return list(self.state.table("job_runs").values())

    def catalog(self) -> tuple[dict[str, Any], dict[str, Any]]:
        return self.state.table("catalog_movies"), self.state.table("catalog_files")


def fixture_movie(number: int, *, with_file: bool = True,
                  added: datetime = T0 - timedelta(days=30)) -> RadarrMovie:
    """Radarr movie `number` (TMDb id 10000 + number) in /movies/Movie N (year)/."""
    year = 1950 + number % 70
    folder = f"/movies/Movie {number} ({year})"
    file = RadarrFile(radarr_id=5000 + number, path=f"{folder}/Movie {number} ({year}).mkv",
                      size=1_000_000 + number, date_added=added) if with_file else None
    return RadarrMovie(radarr_id=number, title=f"Movie {number}", year=year,
                       tmdb_id=10_000 + number, imdb_id=f"tt{9_000_000 + number}",
                       folder=folder, added=added, file=file)
