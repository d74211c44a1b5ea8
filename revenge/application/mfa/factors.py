"""Reading a user's enrolled factors, and keeping the MFA switch in step with them."""

from __future__ import annotations

from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.mfa.ports import MfaUnitOfWork
from revenge.domain.identity.audit import AuditType
from revenge.domain.mfa.backup_codes import remaining
from revenge.domain.mfa.enrolment import Factors, profile_after


async def factors_of(tx: MfaUnitOfWork, user_id: str) -> Factors:
    totp = await tx.totp.get(user_id)
    credentials = await tx.webauthn.of_user(user_id)
    return Factors(totp=totp is not None and totp.enabled,
                   webauthn=sum(1 for c in credentials if c.flagged_cloned_at is None),
                   backup_codes=remaining(await tx.backup_codes.of_user(user_id)))


async def mfa_enabled(tx: MfaUnitOfWork, user_id: str) -> bool:
    profile = await tx.mfa_profiles.get(user_id)
    return profile is not None and profile.enabled


async def sync_profile(tx: MfaUnitOfWork, kit: Kit, user_id: str, before: Factors,
                       client: ClientInfo) -> None:
    """After a factor was added or removed: the first one switches MFA on, removing
    the last one switches it off (audited either way)."""
    after = await factors_of(tx, user_id)
    changed = profile_after(await tx.mfa_profiles.get(user_id), before, after,
                            user_id=user_id, now=kit.now())
    if changed is None:
        return
    await tx.mfa_profiles.save(changed)
    event = AuditType.MFA_ENABLED if changed.enabled else AuditType.MFA_DISABLED
    await kit.audit(tx, event, client, actor=user_id, subject=user_id, reason="factors changed")
