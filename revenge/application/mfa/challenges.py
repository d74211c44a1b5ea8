"""Storing a WebAuthn ceremony's challenge (single use, five minutes)."""

from __future__ import annotations

from revenge.application.identity.common import Kit
from revenge.application.mfa.ports import MfaUnitOfWork, WebAuthnOptions
from revenge.application.mfa.views import ChallengeView
from revenge.domain.mfa.webauthn import CHALLENGE_LIFETIME, Challenge, ChallengePurpose


async def store_challenge(tx: MfaUnitOfWork, kit: Kit, options: WebAuthnOptions,
                          purpose: ChallengePurpose, user_id: str | None) -> ChallengeView:
    """Adds the challenge to `tx` (and forgets expired ones); the caller commits."""
    now = kit.now()
    challenge = Challenge(id=kit.new_id(), challenge=options.challenge, purpose=purpose,
                          user_id=user_id, created_at=now, expires_at=now + CHALLENGE_LIFETIME)
    await tx.challenges.purge(now)
    await tx.challenges.add(challenge)
    return ChallengeView(challenge_id=challenge.id, options=options.options)
