"""Request and response bodies of the MFA API (requests refuse unknown fields)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import msgspec

from revenge.application.mfa.views import CredentialView, MfaStatus
from revenge.entrypoints.http.identity.schemas import Body

CodeMethod = Literal["totp", "backup_code"]


class CodeBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    code: str


class MfaVerifyBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    mfa_token: str
    method: CodeMethod
    code: str


class MfaTokenBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    mfa_token: str


class RegisterFinishBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    challenge_id: str
    credential: dict[str, Any]  # the PublicKeyCredential JSON a browser produces
    name: str = "Security key"


class WebAuthnLoginFinishBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    mfa_token: str
    challenge_id: str
    credential: dict[str, Any]


class PasskeyFinishBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    challenge_id: str
    credential: dict[str, Any]


class RenameBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    name: str


class ReauthenticateBody(Body, frozen=True, kw_only=True, forbid_unknown_fields=True):
    password: str | None = None
    method: CodeMethod | None = None  # with `code`, instead of the password
    code: str | None = None


class FactorChanged(msgspec.Struct, frozen=True, kw_only=True):
    status: MfaStatus
    revoked_sessions: int  # other sessions ended (log_out_other_sessions=true)


class CredentialList(msgspec.Struct, frozen=True, kw_only=True):
    items: list[CredentialView]
    next_cursor: str | None = None
    total: int


class Reauthenticated(msgspec.Struct, frozen=True, kw_only=True):
    recently_authenticated_until: datetime
