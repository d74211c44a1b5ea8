"""Second step of a password login with a security key: request options that allow the
user's own credentials (POST /auth/mfa/webauthn/begin)."""

from __future__ import annotations

from revenge.application.identity.common import Kit
from revenge.application.mfa.challenges import store_challenge
from revenge.application.mfa.pending_logins import PendingLogins
from revenge.application.mfa.ports import CredentialRef, MfaUnitOfWorkFactory, WebAuthnRelyingParty
from revenge.application.mfa.views import ChallengeView
from revenge.domain.errors import RuleViolation
from revenge.domain.mfa.webauthn import ChallengePurpose


class BeginWebAuthnLogin:
    def __init__(self, uow: MfaUnitOfWorkFactory, pending: PendingLogins,
                 rp: WebAuthnRelyingParty, kit: Kit) -> None:
        self._uow = uow
        self._pending = pending
        self._rp = rp
        self._kit = kit

    async def execute(self, mfa_token: str) -> ChallengeView:
        """AuthenticationFailed for a bad token; RuleViolation when the user has no key."""
        user = await self._pending.user(mfa_token)
        async with self._uow() as tx:
            allow = [CredentialRef(raw_id=c.credential_id, transports=c.transports)
                     for c in await tx.webauthn.of_user(user.id) if c.flagged_cloned_at is None]
            if not allow:
                raise RuleViolation("no security key is registered", field="mfa_token")
            options = self._rp.authentication_options(allow)
            view = await store_challenge(tx, self._kit, options, ChallengePurpose.MFA, user.id)
            await tx.commit()
        return view
