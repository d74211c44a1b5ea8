"""A job message of any name and payload, for tests of the queue itself (its jobs need
no actor) and of what a worker does with a payload no sender of today would write."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from revenge.application.shared.jobs import JobMessage


def raw_job(name: str, payload: Mapping[str, Any] | None = None) -> JobMessage:
    fields = dict(payload or {})
    kind = type(JobMessage)("RawJob", (JobMessage,),
                            {"__annotations__": dict.fromkeys(fields, Any)},
                            job=name, frozen=True, kw_only=True)
    message: JobMessage = kind(**fields)
    return message
