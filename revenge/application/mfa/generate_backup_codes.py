"""Generate the ten backup codes (shown once, stored as argon2id hashes); regenerating
replaces the whole old set, used or not."""

from __future__ import annotations

from revenge.application.identity.common import Kit
from revenge.application.mfa.factor_changes import FactorChanges, FactorCommand
from revenge.application.mfa.ports import BackupCodeHasher, MfaUnitOfWorkFactory
from revenge.application.mfa.views import BackupCodeSet
from revenge.domain.errors import Conflict
from revenge.domain.identity.audit import AuditType
from revenge.domain.mfa.backup_codes import COUNT, BackupCode, display, remaining


class GenerateBackupCodesCommand(FactorCommand, frozen=True, kw_only=True):
    replace: bool = False  # regenerate: the old set dies


class GenerateBackupCodes:
    def __init__(self, uow: MfaUnitOfWorkFactory, hasher: BackupCodeHasher,
                 changes: FactorChanges, kit: Kit) -> None:
        self._uow = uow
        self._hasher = hasher
        self._changes = changes
        self._kit = kit

    async def execute(self, cmd: GenerateBackupCodesCommand) -> BackupCodeSet:
        """Conflict when unused codes exist and `replace` is not set."""
        codes = [self._hasher.new_code() for _ in range(COUNT)]
        stored = [await self._stored(cmd.principal.user_id, code) for code in codes]
        async with self._uow() as tx:
            await self._changes.session(tx, cmd.principal)
            existing = await tx.backup_codes.of_user(cmd.principal.user_id)
            if remaining(existing) and not cmd.replace:
                raise Conflict("backup codes exist already; regenerate to replace them")
            await tx.backup_codes.replace(cmd.principal.user_id, stored)
            revoked = await self._changes.done(tx, cmd, AuditType.BACKUP_CODES_GENERATED,
                                               replaced=str(bool(existing)).lower())
            await tx.commit()
        return BackupCodeSet(codes=[display(code) for code in codes], revoked_sessions=revoked)

    async def _stored(self, user_id: str, code: str) -> BackupCode:
        return BackupCode(id=self._kit.new_id(), user_id=user_id,
                          code_hash=await self._hasher.hash(code), created_at=self._kit.now())
