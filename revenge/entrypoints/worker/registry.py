"""How an actor is declared, and bound to the container once at the worker's start.

An actor is a plain async function typed by what it needs:

    async def scan_library(job: ScanLibraryCommand, run: Run, scan: ScanLibrary) -> Result

Its first parameter's class is the job's message (the registry is keyed by it and the
broker registers it under `message.job`); the payload is decoded into it here, once for
every actor (`command_from`). `run` is the run being executed. Every further parameter
is a class the container provides (a use case, a port by its Protocol, `Config`),
resolved through `Provided` for each run; a class the container cannot give stops the
worker's start, not a job.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Concatenate, Protocol, TypeVar, get_type_hints

from revenge.application.jobs.ports import JobReporter
from revenge.application.shared.jobs import JobMessage
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.di.provided import Provided
from revenge.entrypoints.worker.payloads import command_from

M = TypeVar("M", bound=JobMessage)
Result = Mapping[str, Any] | None
Handler = Callable[[str, dict[str, Any]], Awaitable[Result]]
ActorFunction = Callable[Concatenate[M, "Run", ...], Awaitable[Result]]
# Why a whole group of actors has nothing to do in this process (None: run them).
Skip = Callable[[AppContainer], str | None]


class Run:
    """The run an actor executes: its id, and its progress on the run record."""

    def __init__(self, job_id: str, reporter: JobReporter) -> None:
        self.job_id = job_id
        self._reporter = reporter

    async def progress(self, percent: int, so_far: Mapping[str, Any] | None = None) -> None:
        """Shown by `GET /admin/jobs/{id}` while the job runs."""
        await self._reporter.progress(self.job_id, percent, so_far)


@dataclass(frozen=True)
class Actor:
    """One declared actor: its message class, the function, what it takes from the
    container (read from its signature) and, optionally, when to skip it."""

    message: type[JobMessage]
    function: Callable[..., Awaitable[Result]]
    uses: tuple[type[Any], ...]
    skip: Skip | None = None


def actor(function: ActorFunction[M], *, skip: Skip | None = None) -> Actor:
    hints = get_type_hints(function)
    names = list(inspect.signature(function).parameters)
    if len(names) < 2:
        raise TypeError(f"{function.__name__}: an actor takes (job, run, *uses)")
    message = hints[names[0]]
    if not (isinstance(message, type) and issubclass(message, JobMessage)):
        raise TypeError(f"{function.__name__}: its first parameter must be a JobMessage")
    return Actor(message, function, tuple(hints[name] for name in names[2:]), skip)


def actors(*functions: ActorFunction[Any], skip: Skip | None = None
           ) -> dict[type[JobMessage], Actor]:
    """The registry entries of these actors, keyed by their message class."""
    declared = [actor(function, skip=skip) for function in functions]
    return {entry.message: entry for entry in declared}


Actors = Mapping[type[JobMessage], Actor]


class ActorRegistry(Protocol):
    def register(self, actor: str, handler: Handler) -> None: ...


def register_actors(registry: ActorRegistry, container: AppContainer,
                    declared: Actors) -> None:
    """Binds each actor to the container and registers it under its message's name."""
    provided = Provided(container)
    provided.check(_uses(declared.values()))
    reporter = provided.get(JobReporter)
    for message, entry in declared.items():
        registry.register(message.job, _bound(entry, container, provided, reporter))


def _uses(entries: Iterable[Actor]) -> set[type[Any]]:
    return {kind for entry in entries for kind in entry.uses} | {JobReporter}


def _bound(entry: Actor, container: AppContainer, provided: Provided,
           reporter: JobReporter) -> Handler:
    @functools.wraps(entry.function)
    async def handler(job_id: str, payload: dict[str, Any]) -> Result:
        if entry.skip is not None and (reason := entry.skip(container)):
            return {"skipped": reason}
        job = command_from(payload, entry.message)
        uses = [provided.get(kind) for kind in entry.uses]
        return await entry.function(job, Run(job_id, reporter), *uses)

    return handler
