"""WebAuthn credentials and challenges: single-use challenges, sign counts, names."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

import msgspec

from revenge.domain.errors import RuleViolation

CHALLENGE_LIFETIME = timedelta(minutes=5)


class ChallengePurpose(StrEnum):
    REGISTER = "register"
    MFA = "mfa"  # second step of a password login
    PASSKEY = "passkey"  # discoverable credential, no username typed


class Challenge(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    challenge: bytes
    purpose: ChallengePurpose
    user_id: str | None  # None for a passkey login: the user is not known yet
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None

    def usable(self, purpose: ChallengePurpose, now: datetime) -> bool:
        return self.purpose == purpose and self.used_at is None and now < self.expires_at


class WebAuthnCredential(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    user_id: str
    credential_id: bytes
    public_key: bytes
    sign_count: int
    name: str
    created_at: datetime
    aaguid: str = ""
    transports: tuple[str, ...] = ()
    backup_eligible: bool = False
    backup_state: bool = False
    last_used_at: datetime | None = None
    flagged_cloned_at: datetime | None = None

    def used(self, now: datetime, sign_count: int, backup_state: bool) -> WebAuthnCredential:
        return msgspec.structs.replace(self, last_used_at=now, sign_count=sign_count,
                                       backup_state=backup_state)

    def flagged_cloned(self, now: datetime) -> WebAuthnCredential:
        return msgspec.structs.replace(self, flagged_cloned_at=now)


def counter_went_back(stored: int, received: int) -> bool:
    """WebAuthn §6.1.1: when either count is non-zero, the new one must be greater;
    otherwise the authenticator may have been cloned. Zero and zero means the
    authenticator keeps no counter (many passkeys), which proves nothing."""
    return (stored != 0 or received != 0) and received <= stored


def check_credential_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= 64:
        raise RuleViolation("a credential name has 1 to 64 characters", field="name")
    return name


def user_handle(user_id: str) -> bytes:
    """The WebAuthn user handle: the user id's text (a UUID, no personal data)."""
    return user_id.encode()
