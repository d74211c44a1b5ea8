"""Switch MFA on: a password login then needs a second factor (one must be enrolled)."""

from __future__ import annotations

from revenge.application.identity.common import Kit
from revenge.application.mfa.factor_changes import FactorChanges, FactorCommand
from revenge.application.mfa.factors import factors_of
from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.domain.identity.audit import AuditType
from revenge.domain.mfa.enrolment import MfaProfile, check_can_enable


class EnableMfa:
    def __init__(self, uow: MfaUnitOfWorkFactory, changes: FactorChanges, kit: Kit) -> None:
        self._uow = uow
        self._changes = changes
        self._kit = kit

    async def execute(self, cmd: FactorCommand) -> int:
        """How many other sessions were ended. RuleViolation without an enrolled factor."""
        user_id = cmd.principal.user_id
        async with self._uow() as tx:
            await self._changes.session(tx, cmd.principal)
            check_can_enable(await factors_of(tx, user_id))
            await tx.mfa_profiles.save(MfaProfile(user_id=user_id, enabled=True,
                                                  changed_at=self._kit.now()))
            revoked = await self._changes.done(tx, cmd, AuditType.MFA_ENABLED)
            await tx.commit()
        return revoked
