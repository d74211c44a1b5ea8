"""An administrator resets another person's second factors (a lost phone, a lost key):
every factor and backup code is deleted, MFA switches off, the user's sessions end, and
the audit trail names the administrator."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import end_sessions, get_user
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.session_cache import SessionCache
from revenge.application.mfa.ports import MfaUnitOfWork, MfaUnitOfWorkFactory
from revenge.domain.errors import RuleViolation
from revenge.domain.identity.audit import AuditType
from revenge.domain.mfa.enrolment import MfaProfile


class ResetUserMfaCommand(msgspec.Struct, frozen=True, kw_only=True):
    actor_id: str
    user_id: str
    client: ClientInfo = ClientInfo()


class ResetUserMfa:
    def __init__(self, uow: MfaUnitOfWorkFactory, cache: SessionCache, kit: Kit) -> None:
        self._uow = uow
        self._cache = cache
        self._kit = kit

    async def execute(self, cmd: ResetUserMfaCommand) -> None:
        """NotFound for an unknown user. Refused for one's own account: that goes through
        the re-authenticated self-service endpoints instead."""
        if cmd.actor_id == cmd.user_id:
            raise RuleViolation("reset your own second factors from your security page",
                                field="user_id")
        async with self._uow() as tx:
            user = await get_user(tx, cmd.user_id)
            await _delete_factors(tx, user.id)
            await tx.mfa_profiles.save(MfaProfile(user_id=user.id, enabled=False,
                                                  changed_at=self._kit.now()))
            await end_sessions(tx, self._kit, self._cache, user.id, "MFA reset")
            await self._kit.audit(tx, AuditType.MFA_RESET, cmd.client, actor=cmd.actor_id,
                                  subject=user.id)
            await tx.commit()


async def _delete_factors(tx: MfaUnitOfWork, user_id: str) -> None:
    await tx.totp.delete(user_id)
    for credential in await tx.webauthn.of_user(user_id):
        await tx.webauthn.delete(credential.id)
    await tx.backup_codes.replace(user_id, [])
