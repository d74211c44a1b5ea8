"""Remove the TOTP factor (MFA switches off when it was the last factor)."""

from __future__ import annotations

from revenge.application.identity.common import Kit
from revenge.application.mfa.factor_changes import FactorChanges, FactorCommand
from revenge.application.mfa.factors import factors_of, sync_profile
from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.domain.errors import NotFound
from revenge.domain.identity.audit import AuditType


class RemoveTotp:
    def __init__(self, uow: MfaUnitOfWorkFactory, changes: FactorChanges, kit: Kit) -> None:
        self._uow = uow
        self._changes = changes
        self._kit = kit

    async def execute(self, cmd: FactorCommand) -> int:
        """How many other sessions were ended. NotFound without a TOTP factor."""
        user_id = cmd.principal.user_id
        async with self._uow() as tx:
            await self._changes.session(tx, cmd.principal)
            if await tx.totp.get(user_id) is None:
                raise NotFound("no TOTP factor is set up")
            before = await factors_of(tx, user_id)
            await tx.totp.delete(user_id)
            await sync_profile(tx, self._kit, user_id, before, cmd.client)
            revoked = await self._changes.done(tx, cmd, AuditType.TOTP_REMOVED)
            await tx.commit()
        return revoked
