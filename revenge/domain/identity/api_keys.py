"""API keys (app passwords): named, scoped to a subset of the owner's permissions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import msgspec

from revenge.domain.errors import RuleViolation
from revenge.domain.shared.permissions import Permission


class ApiKey(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    user_id: str
    name: str
    prefix: str  # the first characters, shown in lists so users can tell keys apart
    key_hash: str
    scopes: frozenset[Permission]
    created_at: datetime
    expires_at: datetime | None = None
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None

    def is_usable(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or now < self.expires_at)

    def effective(self, owner_permissions: frozenset[Permission]) -> frozenset[Permission]:
        """Exactly its scopes, never more than its owner has now (roles may have shrunk);
        `account` only when the key was created with it."""
        return self.scopes & (owner_permissions | {Permission.ACCOUNT})


def check_scopes(scopes: Iterable[Permission],
                 granted: frozenset[Permission]) -> frozenset[Permission]:
    wanted = frozenset(scopes)
    if not wanted:
        raise RuleViolation("an API key needs at least one scope", field="scopes")
    beyond = sorted(p.value for p in wanted - granted)
    if beyond:
        raise RuleViolation(f"scopes beyond your permissions: {', '.join(beyond)}",
                            field="scopes")
    return wanted


def check_key_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= 100:
        raise RuleViolation("a key name has 1 to 100 characters", field="name")
    return name


def check_expiry(expires_at: datetime | None, now: datetime) -> datetime | None:
    if expires_at is not None and expires_at <= now:
        raise RuleViolation("the expiry must be in the future", field="expires_at")
    return expires_at
