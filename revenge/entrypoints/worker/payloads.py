"""Job payloads to use-case commands: the one decoding every actor goes through."""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

from revenge.domain.errors import RuleViolation

C = TypeVar("C")


def command_from(payload: dict[str, Any], command_type: type[C]) -> C:
    """A malformed payload is the sender's fault: a `RuleViolation`, never retried."""
    try:
        return msgspec.convert(payload, command_type)
    except msgspec.ValidationError as exc:
        raise RuleViolation(f"invalid job payload: {exc}") from None
