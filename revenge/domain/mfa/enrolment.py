"""Which second factors a user has, whether login needs one, and when a change is allowed.

Enrolment: TOTP is pending after setup and enabled by its first verified code; a WebAuthn
credential is enabled when registered. The first enabled factor turns MFA on; MFA can be
switched off and on again while a factor exists, and goes off when the last one is
removed. Backup codes are a fallback, never a factor on their own.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

import msgspec

from revenge.domain.errors import Forbidden, RuleViolation
from revenge.domain.shared.permissions import Permission

# Changing factors needs a password or second factor proven this recently in the session.
REAUTH_WINDOW = timedelta(minutes=10)
MFA_TOKEN_LIFETIME = timedelta(minutes=5)
# Holding either of these makes a user an administrator for the `require_mfa` setting.
ADMIN_PERMISSIONS = frozenset({Permission.USERS_MANAGE, Permission.SETTINGS_MANAGE})


class Method(StrEnum):
    TOTP = "totp"
    BACKUP_CODE = "backup_code"
    WEBAUTHN = "webauthn"


class RequireMfa(StrEnum):
    OFF = "off"
    ADMINS = "admins"
    ALL = "all"


class ReauthenticationRequired(Forbidden):
    """The session must prove its owner again (password or second factor) first."""

    code = "reauthentication_required"


class MfaProfile(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    enabled: bool
    changed_at: datetime


class Factors(msgspec.Struct, frozen=True, kw_only=True):
    """What a user has enrolled (enabled factors only)."""

    totp: bool = False
    webauthn: int = 0
    backup_codes: int = 0  # unused ones

    @property
    def any(self) -> bool:
        return self.totp or self.webauthn > 0

    def methods(self) -> list[Method]:
        """Methods that can complete a login, in the order a UI should offer them."""
        if not self.any:
            return []
        found = [(Method.WEBAUTHN, self.webauthn > 0), (Method.TOTP, self.totp),
                 (Method.BACKUP_CODE, self.backup_codes > 0)]
        return [method for method, present in found if present]


def profile_after(profile: MfaProfile | None, before: Factors, after: Factors, *,
                  user_id: str, now: datetime) -> MfaProfile | None:
    """The profile to keep after factors changed; None when it stays as it is. The
    first factor switches MFA on; removing the last one switches it off."""
    enabled = profile is not None and profile.enabled
    if enabled and not after.any:
        return MfaProfile(user_id=user_id, enabled=False, changed_at=now)
    if not enabled and after.any and not before.any:
        return MfaProfile(user_id=user_id, enabled=True, changed_at=now)
    return None


def policy_applies(policy: RequireMfa, permissions: frozenset[Permission]) -> bool:
    if policy == RequireMfa.ALL:
        return True
    return policy == RequireMfa.ADMINS and bool(permissions & ADMIN_PERMISSIONS)


def login_needs_second_factor(profile_enabled: bool, policy_required: bool,
                              factors: Factors) -> bool:
    """A user without factors cannot be asked for one: under a policy they log in with
    a session limited to enrolling (see `enrolment_pending`)."""
    return factors.any and (profile_enabled or policy_required)


def enrolment_pending(policy_required: bool, mfa_verified: bool) -> bool:
    """A session the policy wants verified but is not (no factor yet, or opened before
    the policy): it keeps no permissions until a factor is verified in it."""
    return policy_required and not mfa_verified


def check_can_enable(factors: Factors) -> None:
    if not factors.any:
        raise RuleViolation("enrol a TOTP app or a security key first")


def check_can_disable(policy_required: bool) -> None:
    if policy_required:
        raise Forbidden("the server requires MFA for your account")


def check_recent(authenticated_at: datetime, now: datetime) -> None:
    if now - authenticated_at > REAUTH_WINDOW:
        raise ReauthenticationRequired(
            "confirm your password or a second factor first (POST /api/v1/auth/reauthenticate)")


class MfaToken(msgspec.Struct, frozen=True, kw_only=True):
    """Between a correct password and the second factor; stored as a digest."""

    token_hash: str
    user_id: str
    created_at: datetime
    expires_at: datetime
    purpose: str = "login"
    used_at: datetime | None = None

    def usable(self, now: datetime) -> bool:
        return self.used_at is None and now < self.expires_at
