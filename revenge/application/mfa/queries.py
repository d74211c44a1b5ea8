"""Plain reads of the MFA context: the caller's MFA status and security keys."""

from __future__ import annotations

from datetime import datetime

from revenge.application.identity.accounts import get_user, roles_of
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.mfa.factors import factors_of, mfa_enabled
from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.application.mfa.views import CredentialView, MfaStatus, credential_view
from revenge.application.shared.principal import Principal
from revenge.domain.identity.roles import permissions_of
from revenge.domain.identity.sessions import Session
from revenge.domain.mfa.enrolment import (
    REAUTH_WINDOW,
    RequireMfa,
    enrolment_pending,
    policy_applies,
)
from revenge.domain.mfa.totp import TotpFactor


class MfaQueries:
    def __init__(self, uow: MfaUnitOfWorkFactory, settings: ServerSettingsReader) -> None:
        self._uow = uow
        self._settings = settings

    async def status(self, principal: Principal) -> MfaStatus:
        policy = RequireMfa((await self._settings.current()).require_mfa)
        async with self._uow() as tx:
            user = await get_user(tx, principal.user_id)
            required = policy_applies(policy, permissions_of(await roles_of(tx, user.role_ids)))
            factors = await factors_of(tx, user.id)
            totp = await tx.totp.get(user.id)
            enabled = await mfa_enabled(tx, user.id)
            session = await tx.sessions.get(principal.session_id or "")
        verified = session is not None and session.mfa_verified
        return MfaStatus(
            enabled=enabled, required_by_server=required,
            enrolment_required=session is not None and enrolment_pending(required, verified),
            totp=_totp_state(totp), webauthn_credentials=factors.webauthn,
            backup_codes_remaining=factors.backup_codes,
            methods=[m.value for m in factors.methods()], session_mfa_verified=verified,
            recently_authenticated_until=_until(session))

    async def credentials(self, principal: Principal) -> list[CredentialView]:
        async with self._uow() as tx:
            return [credential_view(c) for c in await tx.webauthn.of_user(principal.user_id)]


def _totp_state(factor: TotpFactor | None) -> str:
    if factor is None:
        return "none"
    return "enabled" if factor.enabled else "pending"


def _until(session: Session | None) -> datetime | None:
    return None if session is None else session.authenticated_at + REAUTH_WINDOW
