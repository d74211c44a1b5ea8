"""The second-factor gate of a password login (identity's `SecondFactorGate` port)."""

from __future__ import annotations

from revenge.application.identity.accounts import roles_of
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.identity.views import MfaChallenge
from revenge.application.mfa.factors import factors_of, mfa_enabled
from revenge.application.mfa.pending_logins import PendingLogins
from revenge.application.mfa.ports import MfaUnitOfWork, MfaUnitOfWorkFactory
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.roles import permissions_of
from revenge.domain.identity.users import User
from revenge.domain.mfa.enrolment import RequireMfa, login_needs_second_factor, policy_applies


class MfaLoginGate:
    def __init__(self, uow: MfaUnitOfWorkFactory, pending: PendingLogins,
                 settings: ServerSettingsReader, kit: Kit) -> None:
        self._uow = uow
        self._pending = pending
        self._settings = settings
        self._kit = kit

    async def challenge(self, user: User, client: ClientInfo) -> MfaChallenge | None:
        """An MFA challenge when the user switched MFA on, or the server requires it
        of them, and they have a factor to present; None otherwise."""
        policy = RequireMfa((await self._settings.current()).require_mfa)
        async with self._uow() as tx:
            factors = await factors_of(tx, user.id)
            required = await self._required_by_policy(tx, user, policy)
            if not login_needs_second_factor(await mfa_enabled(tx, user.id), required,
                                             factors):
                return None
            token = await self._pending.add(tx, user.id)
            methods = [m.value for m in factors.methods()]
            await self._kit.audit(tx, AuditType.MFA_CHALLENGED, client, subject=user.id,
                                  methods=",".join(methods))
            await tx.commit()
        return MfaChallenge(mfa_token=token, methods=methods)

    @staticmethod
    async def _required_by_policy(tx: MfaUnitOfWork, user: User, policy: RequireMfa) -> bool:
        if policy == RequireMfa.OFF:
            return False
        return policy_applies(policy, permissions_of(await roles_of(tx, user.role_ids)))
