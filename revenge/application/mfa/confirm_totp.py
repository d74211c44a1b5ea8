"""Finish TOTP enrolment: the first correct code enables the factor (and MFA, when it is
the user's first factor) and marks the session as having passed a second factor."""

from __future__ import annotations

from revenge.application.identity.common import Kit
from revenge.application.mfa.code_checks import TotpCodes
from revenge.application.mfa.factor_changes import FactorChanges, FactorCommand
from revenge.application.mfa.factors import factors_of, sync_profile
from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.domain.errors import Conflict, RuleViolation
from revenge.domain.identity.audit import AuditType
from revenge.domain.mfa.totp import check_pending

WRONG_CODE = "the code is wrong or expired; check the time on your device and try again"


class ConfirmTotpCommand(FactorCommand, frozen=True, kw_only=True):
    code: str


class ConfirmTotp:
    def __init__(self, uow: MfaUnitOfWorkFactory, codes: TotpCodes, changes: FactorChanges,
                 kit: Kit) -> None:
        self._uow = uow
        self._codes = codes
        self._changes = changes
        self._kit = kit

    async def execute(self, cmd: ConfirmTotpCommand) -> int:
        """How many other sessions were ended. RuleViolation(field="code") for a wrong
        code or no setup; Conflict when TOTP is enabled already."""
        user_id = cmd.principal.user_id
        async with self._uow() as tx:
            session = await self._changes.session(tx, cmd.principal)
            factor = check_pending(await tx.totp.get(user_id))
            if factor.enabled:
                raise Conflict("TOTP is already enabled")
            step = self._codes.matching_step(factor, cmd.code)
            if step is None:
                raise RuleViolation(WRONG_CODE, field="code")
            before = await factors_of(tx, user_id)
            await tx.totp.save(factor.confirmed(step, self._kit.now()))
            await self._changes.verified(tx, session)
            await sync_profile(tx, self._kit, user_id, before, cmd.client)
            revoked = await self._changes.done(tx, cmd, AuditType.TOTP_ENABLED)
            await tx.commit()
        return revoked


