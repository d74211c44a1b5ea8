"""In-memory twins of the TOTP, backup code and MFA profile repositories."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from revenge.domain.mfa.backup_codes import BackupCode
from revenge.domain.mfa.enrolment import MfaProfile
from revenge.domain.mfa.totp import TotpFactor


class InMemoryTotpRepository:
    def __init__(self, factors: dict[str, TotpFactor], users: dict[str, object]) -> None:
        self._factors = factors
        self._users = users

    async def get(self, user_id: str) -> TotpFactor | None:
        factor = self._factors.get(user_id)
        return factor if factor and user_id in self._users else None

    async def save(self, factor: TotpFactor) -> None:
        self._factors[factor.user_id] = factor

    async def delete(self, user_id: str) -> None:
        self._factors.pop(user_id, None)

    async def use_step(self, user_id: str, step: int) -> bool:
        factor = await self.get(user_id)
        if factor is None or not factor.accepts_step(step):
            return False
        self._factors[user_id] = factor.used(step)
        return True


class InMemoryBackupCodeRepository:
    def __init__(self, codes: dict[str, BackupCode], users: dict[str, object]) -> None:
        self._codes = codes
        self._users = users

    async def of_user(self, user_id: str) -> list[BackupCode]:
        if user_id not in self._users:
            return []
        return sorted((c for c in self._codes.values() if c.user_id == user_id),
                      key=lambda c: c.id)

    async def replace(self, user_id: str, codes: Sequence[BackupCode]) -> None:
        for old in [c.id for c in self._codes.values() if c.user_id == user_id]:
            del self._codes[old]
        self._codes.update({c.id: c for c in codes})

    async def spend(self, code_id: str, now: datetime, ip: str) -> bool:
        code = self._codes.get(code_id)
        if code is None or not code.unused:
            return False
        self._codes[code_id] = code.spent(now, ip)
        return True


class InMemoryMfaProfileRepository:
    def __init__(self, profiles: dict[str, MfaProfile], users: dict[str, object]) -> None:
        self._profiles = profiles
        self._users = users

    async def get(self, user_id: str) -> MfaProfile | None:
        return self._profiles.get(user_id) if user_id in self._users else None

    async def save(self, profile: MfaProfile) -> None:
        self._profiles[profile.user_id] = profile
