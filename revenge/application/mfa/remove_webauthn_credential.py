"""Remove one of the caller's security keys (MFA switches off with the last factor)."""

from __future__ import annotations

from revenge.application.identity.common import Kit
from revenge.application.mfa.factor_changes import FactorChanges, FactorCommand
from revenge.application.mfa.factors import factors_of, sync_profile
from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.application.mfa.rename_webauthn_credential import own_credential
from revenge.domain.identity.audit import AuditType


class RemoveWebAuthnCredentialCommand(FactorCommand, frozen=True, kw_only=True):
    credential_id: str


class RemoveWebAuthnCredential:
    def __init__(self, uow: MfaUnitOfWorkFactory, changes: FactorChanges, kit: Kit) -> None:
        self._uow = uow
        self._changes = changes
        self._kit = kit

    async def execute(self, cmd: RemoveWebAuthnCredentialCommand) -> int:
        """How many other sessions were ended. NotFound for another user's credential."""
        user_id = cmd.principal.user_id
        async with self._uow() as tx:
            await self._changes.session(tx, cmd.principal)
            credential = await own_credential(tx, cmd.principal, cmd.credential_id)
            before = await factors_of(tx, user_id)
            await tx.webauthn.delete(credential.id)
            await sync_profile(tx, self._kit, user_id, before, cmd.client)
            revoked = await self._changes.done(tx, cmd, AuditType.WEBAUTHN_REMOVED,
                                               credential_id=credential.id)
            await tx.commit()
        return revoked
