"""Backup codes: ten single-use codes of 16 hex characters, shown as XXXX-XXXX-XXXX-XXXX."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

import msgspec

COUNT = 10
HEX_LENGTH = 16
_HEX = re.compile(r"^[0-9a-f]{16}$")
_IGNORED = re.compile(r"[\s\-]+")


class BackupCode(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    user_id: str
    code_hash: str
    created_at: datetime
    used_at: datetime | None = None
    used_ip: str | None = None

    @property
    def unused(self) -> bool:
        return self.used_at is None

    def spent(self, now: datetime, ip: str) -> BackupCode:
        return msgspec.structs.replace(self, used_at=now, used_ip=ip)


def normalise(text: str) -> str | None:
    """The 16 lower-case hex characters of a typed code (case, dashes and spaces
    forgiven); None when it cannot be a backup code."""
    raw = _IGNORED.sub("", text).lower()
    return raw if _HEX.match(raw) else None


def display(raw: str) -> str:
    """`0123456789abcdef` -> `0123-4567-89AB-CDEF`."""
    upper = raw.upper()
    return "-".join(upper[i:i + 4] for i in range(0, HEX_LENGTH, 4))


def remaining(codes: Iterable[BackupCode]) -> int:
    return sum(1 for code in codes if code.unused)
