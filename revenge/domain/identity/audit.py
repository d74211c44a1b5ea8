"""Security events recorded in the append-only audit log (never with secrets)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import msgspec


class AuditType(StrEnum):
    USER_REGISTERED = "user.registered"
    USER_CREATED = "user.created"
    USER_UPDATED = "user.updated"
    USER_DISABLED = "user.disabled"
    USER_ENABLED = "user.enabled"
    USER_DELETED = "user.deleted"
    ROLES_CHANGED = "user.roles_changed"
    LOGIN_SUCCEEDED = "login.succeeded"
    LOGIN_FAILED = "login.failed"
    LOGIN_THROTTLED = "login.throttled"
    LOGOUT = "logout"
    TOKEN_REUSED = "token.reused"  # noqa: S105
    SESSION_REVOKED = "session.revoked"
    PASSWORD_CHANGED = "password.changed"  # noqa: S105
    PASSWORD_RESET_REQUESTED = "password.reset_requested"  # noqa: S105
    PASSWORD_RESET = "password.reset"  # noqa: S105
    PASSWORD_SET = "password.set_by_admin"  # noqa: S105
    PASSWORD_REHASHED = "password.rehashed"  # noqa: S105
    ROLE_CREATED = "role.created"
    ROLE_UPDATED = "role.updated"
    ROLE_DELETED = "role.deleted"
    API_KEY_CREATED = "api_key.created"
    API_KEY_REVOKED = "api_key.revoked"
    SETTINGS_CHANGED = "settings.changed"
    MFA_CHALLENGED = "login.mfa_required"
    MFA_FAILED = "mfa.failed"
    REAUTHENTICATED = "session.reauthenticated"
    MFA_ENABLED = "mfa.enabled"
    MFA_DISABLED = "mfa.disabled"
    MFA_RESET = "mfa.reset"  # by an administrator
    TOTP_SET_UP = "mfa.totp_set_up"
    TOTP_ENABLED = "mfa.totp_enabled"
    TOTP_REMOVED = "mfa.totp_removed"
    BACKUP_CODES_GENERATED = "mfa.backup_codes_generated"
    BACKUP_CODE_USED = "mfa.backup_code_used"
    WEBAUTHN_REGISTERED = "mfa.webauthn_registered"
    WEBAUTHN_RENAMED = "mfa.webauthn_renamed"
    WEBAUTHN_REMOVED = "mfa.webauthn_removed"
    WEBAUTHN_CLONE_SUSPECTED = "mfa.webauthn_clone_suspected"


class AuditEvent(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    type: AuditType
    occurred_at: datetime
    actor_id: str | None = None
    subject_id: str | None = None
    ip: str = ""
    user_agent: str = ""
    details: dict[str, str] = {}


class AuditFilter(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str | None = None  # as actor or subject
    type: AuditType | None = None
    since: datetime | None = None
    until: datetime | None = None
