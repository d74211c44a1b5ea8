"""Opening a session for a user who has proved who they are, with its token pair."""

from __future__ import annotations

from revenge.application.identity.accounts import view
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.ports import IdentityUnitOfWork
from revenge.application.identity.session_tokens import SessionTokens
from revenge.application.identity.views import TokenPair
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.sessions import new_session
from revenge.domain.identity.settings import ServerSettings
from revenge.domain.identity.users import User


class SessionOpener:
    def __init__(self, tokens: SessionTokens, kit: Kit) -> None:
        self._tokens = tokens
        self._kit = kit

    async def open(self, tx: IdentityUnitOfWork, user: User, client: ClientInfo,
                   settings: ServerSettings, *, method: str | None = None,
                   mfa_verified: bool = False) -> TokenPair:
        """Adds the session (marked `mfa_verified` now when a second factor was
        passed) and its refresh token to `tx`, audited with the second factor's
        `method` if any; the caller commits. (Settings are read before `tx`: a unit of
        work is never opened inside another.)"""
        now = self._kit.now()
        session = new_session(session_id=self._kit.new_id(), user_id=user.id, now=now,
                              absolute=settings.absolute, ip=client.ip,
                              user_agent=client.user_agent[:512])
        if mfa_verified:
            session = session.mfa_passed(now)
        await tx.sessions.add(session)
        pair = await self._tokens.issue(tx, session, await view(tx, user))
        details = {"method": method} if method else {}
        await self._kit.audit(tx, AuditType.LOGIN_SUCCEEDED, client, actor=user.id,
                              subject=user.id, session_id=session.id, **details)
        return pair
