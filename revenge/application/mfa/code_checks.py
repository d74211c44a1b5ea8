"""Checking a typed second factor: a TOTP code (±1 step, each step once) or a backup
code (each once, time and IP recorded)."""

from __future__ import annotations

import hmac

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.mfa.ports import BackupCodeHasher, MfaUnitOfWork, TotpAlgorithm
from revenge.application.shared.secrets import SecretBox
from revenge.domain.identity.audit import AuditType
from revenge.domain.mfa import backup_codes
from revenge.domain.mfa.enrolment import Method
from revenge.domain.mfa.totp import TotpFactor, normalise_code, step_at, steps_around


def totp_associated(user_id: str) -> bytes:
    """Binds a sealed TOTP secret to its row: copied to another user, it does not open."""
    return f"totp_factors.secret_ciphertext:{user_id}".encode()


class TotpCodes:
    """Which time step a code belongs to, by the server clock."""

    def __init__(self, algorithm: TotpAlgorithm, box: SecretBox, kit: Kit) -> None:
        self._algorithm = algorithm
        self._box = box
        self._kit = kit

    def matching_step(self, factor: TotpFactor, code: str) -> int | None:
        """The unused step within ±1 of now whose code this is; None otherwise."""
        typed = normalise_code(code)
        if typed is None:
            return None
        secret = self._box.decrypt(factor.secret, totp_associated(factor.user_id)).decode()
        for step in steps_around(step_at(self._kit.now())):
            expected = self._algorithm.code_at(secret, step)
            if factor.accepts_step(step) and hmac.compare_digest(expected, typed):
                return step
        return None


class CodeVerifier:
    """Spends a TOTP step or a backup code inside the caller's transaction."""

    def __init__(self, totp: TotpCodes, hasher: BackupCodeHasher, kit: Kit) -> None:
        self._totp = totp
        self._hasher = hasher
        self._kit = kit

    async def check(self, tx: MfaUnitOfWork, user_id: str, method: Method, code: str,
                    client: ClientInfo) -> bool:
        if method == Method.TOTP:
            return await self._check_totp(tx, user_id, code)
        if method == Method.BACKUP_CODE:
            return await self._check_backup_code(tx, user_id, code, client)
        return False

    async def _check_totp(self, tx: MfaUnitOfWork, user_id: str, code: str) -> bool:
        factor = await tx.totp.get(user_id)
        if factor is None or not factor.enabled:
            return False
        step = self._totp.matching_step(factor, code)
        return step is not None and await tx.totp.use_step(user_id, step)

    async def _check_backup_code(self, tx: MfaUnitOfWork, user_id: str, code: str,
                                 client: ClientInfo) -> bool:
        typed = backup_codes.normalise(code)
        if typed is None:
            return False
        unused = [c for c in await tx.backup_codes.of_user(user_id) if c.unused]
        for stored in unused:
            if await self._hasher.verify(stored.code_hash, typed):
                if not await tx.backup_codes.spend(stored.id, self._kit.now(), client.ip):
                    return False
                await self._kit.audit(tx, AuditType.BACKUP_CODE_USED, client, actor=user_id,
                                      subject=user_id, remaining=str(len(unused) - 1))
                return True
        return False
