"""Job actors: thin async functions that turn a payload into a command, resolve the use
case from the container and run it. The worker registers them on its broker by name;
senders enqueue by that name through the `JobQueue` port and never import this module.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

import msgspec

from revenge.application.jobs.prune_job_runs import PruneJobRunsCommand
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.worker.backup_actors import BACKUP_ACTORS
from revenge.entrypoints.worker.library_actors import LIBRARY_ACTORS
from revenge.entrypoints.worker.metadata_actors import METADATA_ACTORS
from revenge.entrypoints.worker.payloads import command_from
from revenge.entrypoints.worker.radarr_actors import RADARR_ACTORS
from revenge.entrypoints.worker.search_actors import SEARCH_ACTORS

Result = Mapping[str, Any] | None
Handler = Callable[[str, dict[str, Any]], Awaitable[Result]]
Actor = Callable[[AppContainer, str, dict[str, Any]], Awaitable[Result]]


async def prune_job_runs(container: AppContainer, job_id: str,
                         payload: dict[str, Any]) -> dict[str, Any]:
    command = command_from(payload, PruneJobRunsCommand)
    pruned = await container.jobs.prune_job_runs().execute(command)
    return dict(msgspec.structs.asdict(pruned))


BUILT_IN_ACTORS: Mapping[str, Actor] = {
    "maintenance.prune_job_runs": prune_job_runs,
    **SEARCH_ACTORS,
    **LIBRARY_ACTORS,
    **METADATA_ACTORS,
    **RADARR_ACTORS,
    **BACKUP_ACTORS,
}


class ActorRegistry(Protocol):
    def register(self, actor: str, handler: Handler) -> None: ...


def register_actors(registry: ActorRegistry, container: AppContainer,
                    actors: Mapping[str, Actor] = BUILT_IN_ACTORS) -> None:
    """Binds each actor to the container and registers it under its name."""
    for name, actor in actors.items():
        registry.register(name, _bound(actor, container))


def _bound(actor: Actor, container: AppContainer) -> Handler:
    @functools.wraps(actor)
    async def handler(job_id: str, payload: dict[str, Any]) -> Result:
        return await actor(container, job_id, payload)

    return handler
