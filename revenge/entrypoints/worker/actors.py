"""Job actors: thin async functions typed by their job's message and the use cases they
run (see `registry`). The worker registers them on its broker under their message's
name; senders enqueue the message through the `JobQueue` port and never import this
module.
"""

from __future__ import annotations

from typing import Any

import msgspec

from revenge.application.jobs.prune_job_runs import PruneJobRuns, PruneJobRunsCommand
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.worker.backup_actors import BACKUP_ACTORS
from revenge.entrypoints.worker.library_actors import LIBRARY_ACTORS
from revenge.entrypoints.worker.metadata_actors import METADATA_ACTORS
from revenge.entrypoints.worker.radarr_actors import RADARR_ACTORS
from revenge.entrypoints.worker.registry import (
    Actor,
    ActorRegistry,
    Actors,
    Run,
    actors,
)
from revenge.entrypoints.worker.registry import register_actors as _register
from revenge.entrypoints.worker.search_actors import SEARCH_ACTORS

__all__ = ["BUILT_IN_ACTORS", "Actor", "Actors", "register_actors"]


async def prune_job_runs(job: PruneJobRunsCommand, run: Run, prune: PruneJobRuns
                         ) -> dict[str, Any]:
    return dict(msgspec.structs.asdict(await prune.execute(job)))


BUILT_IN_ACTORS: Actors = {
    **actors(prune_job_runs),
    **SEARCH_ACTORS,
    **LIBRARY_ACTORS,
    **METADATA_ACTORS,
    **RADARR_ACTORS,
    **BACKUP_ACTORS,
}


def register_actors(registry: ActorRegistry, container: AppContainer,
                    declared: Actors = BUILT_IN_ACTORS) -> None:
    """Binds each actor to the container and registers it under its message's name."""
    _register(registry, container, declared)
