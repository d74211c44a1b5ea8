"""Issuing a session's token pair: a signed access token and a fresh refresh token."""

from __future__ import annotations

from revenge.application.identity.ports import AccessTokens, IdentityUnitOfWork, SecretTokens
from revenge.application.identity.views import TokenPair, UserView
from revenge.domain.identity.sessions import RefreshToken, Session


class SessionTokens:
    def __init__(self, access: AccessTokens, secrets: SecretTokens) -> None:
        self._access = access
        self._secrets = secrets

    async def issue(self, tx: IdentityUnitOfWork, session: Session, user: UserView) -> TokenPair:
        """Stores the new refresh token's digest in `tx`; the caller commits."""
        refresh = self._secrets.new("rvr_")
        now = session.last_seen_at
        await tx.sessions.add_refresh_token(RefreshToken(
            token_hash=self._secrets.digest(refresh), session_id=session.id, issued_at=now))
        return TokenPair(
            access_token=self._access.issue(session.user_id, session.id, now),
            refresh_token=refresh, expires_in=self._access.lifetime_seconds,
            session_id=session.id, user=user,
        )

    def digest(self, token: str) -> str:
        return self._secrets.digest(token)
