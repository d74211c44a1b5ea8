"""Login sessions: one refresh-token family each, with idle and absolute lifetimes."""

from __future__ import annotations

from datetime import datetime, timedelta

import msgspec


class Session(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    user_id: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime  # the absolute lifetime; never extended
    ip: str = ""
    user_agent: str = ""
    mfa_verified: bool = False
    mfa_verified_at: datetime | None = None
    reauthenticated_at: datetime | None = None
    revoked_at: datetime | None = None
    revoked_reason: str | None = None

    def is_active(self, now: datetime, idle: timedelta) -> bool:
        return (self.revoked_at is None and now < self.expires_at
                and now < self.last_seen_at + idle)

    def seen(self, now: datetime, ip: str, user_agent: str) -> Session:
        return msgspec.structs.replace(self, last_seen_at=now, ip=ip, user_agent=user_agent)

    @property
    def authenticated_at(self) -> datetime:
        """The last time the owner proved who they are in this session: the login, a
        second factor, or a re-authentication."""
        proofs = (self.mfa_verified_at, self.reauthenticated_at)
        return max([self.created_at, *(p for p in proofs if p is not None)])

    def mfa_passed(self, now: datetime) -> Session:
        return msgspec.structs.replace(self, mfa_verified=True, mfa_verified_at=now)

    def reauthenticated(self, now: datetime) -> Session:
        return msgspec.structs.replace(self, reauthenticated_at=now)

    def revoked(self, now: datetime, reason: str) -> Session:
        if self.revoked_at is not None:
            return self
        return msgspec.structs.replace(self, revoked_at=now, revoked_reason=reason)


class RefreshToken(msgspec.Struct, frozen=True, kw_only=True):
    """A stored refresh token (hashed). Once used it is spent: presenting it again is
    reuse, which revokes its whole session (family)."""

    token_hash: str
    session_id: str
    issued_at: datetime
    used_at: datetime | None = None

    @property
    def spent(self) -> bool:
        return self.used_at is not None


def new_session(*, session_id: str, user_id: str, now: datetime, absolute: timedelta,
                ip: str, user_agent: str) -> Session:
    return Session(id=session_id, user_id=user_id, created_at=now, last_seen_at=now,
                   expires_at=now + absolute, ip=ip, user_agent=user_agent)
