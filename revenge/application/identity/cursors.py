"""Opaque list cursors: the sort key of the last item, base64-encoded."""

from __future__ import annotations

import base64
import binascii

from revenge.domain.errors import RuleViolation


def encode_cursor(*parts: str) -> str:
    return base64.urlsafe_b64encode("|".join(parts).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, parts: int) -> list[str]:
    """RuleViolation(field="cursor") for anything this module did not produce."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise RuleViolation("invalid cursor", field="cursor") from None
    values = raw.split("|")
    if len(values) != parts or not all(values):
        raise RuleViolation("invalid cursor", field="cursor")
    return values
