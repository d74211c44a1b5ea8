"""Switch MFA off (factors are kept), unless the server requires it of this user."""

from __future__ import annotations

from revenge.application.identity.accounts import get_user, roles_of
from revenge.application.identity.common import Kit
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.mfa.factor_changes import FactorChanges, FactorCommand
from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.roles import permissions_of
from revenge.domain.mfa.enrolment import MfaProfile, RequireMfa, check_can_disable, policy_applies


class DisableMfa:
    def __init__(self, uow: MfaUnitOfWorkFactory, settings: ServerSettingsReader,
                 changes: FactorChanges, kit: Kit) -> None:
        self._uow = uow
        self._settings = settings
        self._changes = changes
        self._kit = kit

    async def execute(self, cmd: FactorCommand) -> int:
        """How many other sessions were ended. Forbidden when the server requires MFA."""
        policy = RequireMfa((await self._settings.current()).require_mfa)
        user_id = cmd.principal.user_id
        async with self._uow() as tx:
            await self._changes.session(tx, cmd.principal)
            user = await get_user(tx, user_id)
            granted = permissions_of(await roles_of(tx, user.role_ids))
            check_can_disable(policy_applies(policy, granted))
            await tx.mfa_profiles.save(MfaProfile(user_id=user_id, enabled=False,
                                                  changed_at=self._kit.now()))
            revoked = await self._changes.done(tx, cmd, AuditType.MFA_DISABLED)
            await tx.commit()
        return revoked
