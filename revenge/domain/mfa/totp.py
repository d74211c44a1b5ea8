"""TOTP (RFC 6238) rules: 30-second steps, 6 digits, ±1 step of skew, each step once."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.domain.errors import Conflict, RuleViolation

STEP_SECONDS = 30
DIGITS = 6
SKEW_STEPS = 1  # one step either side of the server clock, and nothing more
ISSUER = "Revenge"


class TotpFactor(msgspec.Struct, frozen=True, kw_only=True):
    """A user's TOTP factor. `secret` is the sealed (encrypted) base32 secret; it is
    pending until the first code verifies, then enabled."""

    user_id: str
    secret: str
    created_at: datetime
    enabled: bool = False
    enabled_at: datetime | None = None
    last_used_step: int | None = None

    def accepts_step(self, step: int) -> bool:
        """A step (and every step before it) is accepted once only."""
        return self.last_used_step is None or step > self.last_used_step

    def used(self, step: int) -> TotpFactor:
        return msgspec.structs.replace(self, last_used_step=step)

    def confirmed(self, step: int, now: datetime) -> TotpFactor:
        if self.enabled:
            raise Conflict("TOTP is already enabled")
        return msgspec.structs.replace(self, enabled=True, enabled_at=now, last_used_step=step)


def step_at(moment: datetime) -> int:
    return int(moment.timestamp()) // STEP_SECONDS


def steps_around(step: int) -> tuple[int, ...]:
    """The steps a code may belong to: the current one first, then its neighbours."""
    return (step, *(s for n in range(1, SKEW_STEPS + 1) for s in (step - n, step + n)))


def normalise_code(code: str) -> str | None:
    """Digits only (spaces and dashes are forgiven); None when it cannot be a TOTP code."""
    digits = "".join(code.split()).replace("-", "")
    return digits if len(digits) == DIGITS and digits.isascii() and digits.isdigit() else None


def check_can_set_up(existing: TotpFactor | None) -> None:
    if existing is not None and existing.enabled:
        raise Conflict("TOTP is already enabled; remove it before setting up a new one")


def check_pending(existing: TotpFactor | None) -> TotpFactor:
    if existing is None:
        raise RuleViolation("start TOTP setup first", field="code")
    return existing
