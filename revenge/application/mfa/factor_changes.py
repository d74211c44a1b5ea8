"""What every change of factors shares: a recent proof of identity in the session first;
afterwards an audit event and, when asked, the end of the user's other sessions."""

from __future__ import annotations

import msgspec

from revenge.application.identity.accounts import end_sessions
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.session_cache import SessionCache
from revenge.application.mfa.ports import MfaUnitOfWork
from revenge.application.shared.principal import Principal
from revenge.domain.errors import AuthenticationFailed, Forbidden
from revenge.domain.identity.audit import AuditType
from revenge.domain.identity.sessions import Session
from revenge.domain.mfa.enrolment import check_recent


class FactorCommand(msgspec.Struct, frozen=True, kw_only=True):
    principal: Principal
    client: ClientInfo = ClientInfo()
    log_out_others: bool = False  # end every other session of the user afterwards


class FactorChanges:
    def __init__(self, cache: SessionCache, kit: Kit) -> None:
        self._cache = cache
        self._kit = kit

    async def session(self, tx: MfaUnitOfWork, principal: Principal) -> Session:
        """The caller's session, when its owner proved who they are recently; raises
        `ReauthenticationRequired` otherwise, `Forbidden` for an API key."""
        if principal.session_id is None:
            raise Forbidden("second factors are changed from a signed-in session, "
                            "not with an API key")
        session = await tx.sessions.get(principal.session_id)
        if session is None or session.user_id != principal.user_id:
            raise AuthenticationFailed("the session has ended")
        check_recent(session.authenticated_at, self._kit.now())
        return session

    async def verified(self, tx: MfaUnitOfWork, session: Session) -> None:
        """The session has just proved a second factor (enrolling one)."""
        await tx.sessions.update(session.mfa_passed(self._kit.now()))
        await self._cache.forget([session.id])

    async def done(self, tx: MfaUnitOfWork, cmd: FactorCommand, event: AuditType,
                   **details: str) -> int:
        """Audits the change; ends the other sessions when asked (how many)."""
        user_id = cmd.principal.user_id
        await self._kit.audit(tx, event, cmd.client, actor=user_id, subject=user_id,
                              **details)
        if not cmd.log_out_others:
            return 0
        return await end_sessions(tx, self._kit, self._cache, user_id, "MFA changed",
                                  keep=cmd.principal.session_id)
