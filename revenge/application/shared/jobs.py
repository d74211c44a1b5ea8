"""The shared kernel's job queue port: how any context requests background work.

A job is requested by a message: one msgspec Struct per job, which declares its wire
name once, as a class keyword (`class ScanLibraryCommand(JobMessage, job="library.scan")`).
The worker's actor for it takes that Struct, so sender and actor share one type; the
name and the JSON payload (the Struct's fields) are what travels and is recorded.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, ClassVar, Protocol, Self

import msgspec


class _Named(msgspec.StructMeta):
    """Reads the `job=` class keyword (msgspec's own metaclass takes no other)."""

    def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any],
                *, job: str | None = None, **config: Any) -> _Named:
        cls = super().__new__(mcls, name, bases, namespace, **config)
        if job is not None:
            setattr(cls, "job", job)  # noqa: B010 (a ClassVar, not a field)
        elif any(isinstance(base, _Named) for base in bases) and not hasattr(cls, "job"):
            raise TypeError(f"{name}: a job message needs its name: class {name}("
                            f"JobMessage, job='context.job')")
        return cls


class JobMessage(msgspec.Struct, frozen=True, metaclass=_Named):
    """A request for one kind of job; subclasses give `job=` and their payload fields.
    Defaults are sent unless a message says `omit_defaults=True`."""

    job: ClassVar[str]


def payload_of(message: JobMessage) -> dict[str, Any]:
    """The message's JSON payload (its fields), as queued and recorded."""
    payload: dict[str, Any] = msgspec.json.decode(msgspec.json.encode(message))
    return payload


def periodic_dedupe_key(job: str) -> str:
    """The dedupe key of a scheduled job's runs: a request for the same work made off
    the schedule passes it too, so it joins a scheduled run instead of doubling it."""
    return f"periodic:{job}"


class JobQueue(Protocol):
    """Requests background work by message, as part of the caller's unit of work.

    The request is written inside the caller's transaction (a run record and an outbox
    row), so it exists only if the caller commits, and the message reaches the broker
    only after the commit: a rolled-back use case never starts a job, a committed one
    never loses it, even while the broker is down (the outbox relay retries).
    """

    async def enqueue(self, message: JobMessage, *, dedupe_key: str | None = None) -> str:
        """Returns the new run's id. If a queued or running run holds `dedupe_key`,
        nothing is added and that run's id is returned (so two scans of one library
        never run at once), unless that run is running but its worker has been silent
        for `ABANDONED_AFTER`: it is then failed as abandoned and a new run is added.
        The run is named `message.job`; its payload is `payload_of(message)`."""
        ...


class JobsTransaction(Protocol):
    """A unit of work able to request jobs, and nothing else a use case needs from it
    (search's reindex requests; every context's own unit of work fits)."""

    jobs: JobQueue

    async def __aenter__(self) -> Self: ...

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None: ...

    async def commit(self) -> None: ...
