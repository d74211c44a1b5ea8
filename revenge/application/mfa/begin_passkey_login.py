"""Begin a passkey sign-in (no username typed): options asking for a discoverable
credential (POST /auth/passkey/begin)."""

from __future__ import annotations

from revenge.application.identity.common import Kit
from revenge.application.mfa.challenges import store_challenge
from revenge.application.mfa.ports import MfaUnitOfWorkFactory, WebAuthnRelyingParty
from revenge.application.mfa.views import ChallengeView
from revenge.domain.mfa.webauthn import ChallengePurpose


class BeginPasskeyLogin:
    def __init__(self, uow: MfaUnitOfWorkFactory, rp: WebAuthnRelyingParty, kit: Kit) -> None:
        self._uow = uow
        self._rp = rp
        self._kit = kit

    async def execute(self) -> ChallengeView:
        async with self._uow() as tx:
            options = self._rp.authentication_options([])
            view = await store_challenge(tx, self._kit, options, ChallengePurpose.PASSKEY, None)
            await tx.commit()
        return view
