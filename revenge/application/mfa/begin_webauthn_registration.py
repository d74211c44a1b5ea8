"""Begin registering a security key or passkey: creation options with a fresh challenge."""

from __future__ import annotations

from revenge.application.identity.accounts import get_user
from revenge.application.identity.common import Kit
from revenge.application.mfa.challenges import store_challenge
from revenge.application.mfa.factor_changes import FactorChanges, FactorCommand
from revenge.application.mfa.ports import (
    CredentialRef,
    MfaUnitOfWorkFactory,
    WebAuthnRelyingParty,
    WebAuthnUser,
)
from revenge.application.mfa.views import ChallengeView
from revenge.domain.mfa.webauthn import ChallengePurpose, user_handle


class BeginWebAuthnRegistration:
    def __init__(self, uow: MfaUnitOfWorkFactory, rp: WebAuthnRelyingParty,
                 changes: FactorChanges, kit: Kit) -> None:
        self._uow = uow
        self._rp = rp
        self._changes = changes
        self._kit = kit

    async def execute(self, cmd: FactorCommand) -> ChallengeView:
        """The user's registered credentials are excluded (no double registration)."""
        async with self._uow() as tx:
            await self._changes.session(tx, cmd.principal)
            user = await get_user(tx, cmd.principal.user_id)
            exclude = [CredentialRef(raw_id=c.credential_id, transports=c.transports)
                       for c in await tx.webauthn.of_user(user.id)]
            options = self._rp.registration_options(WebAuthnUser(
                handle=user_handle(user.id), name=user.username,
                display_name=user.display_name or user.username), exclude)
            view = await store_challenge(tx, self._kit, options, ChallengePurpose.REGISTER,
                                         user.id)
            await tx.commit()
        return view
