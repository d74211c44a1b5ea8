"""Read models returned by MFA use cases and queries (also the HTTP bodies)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec

from revenge.domain.mfa.webauthn import WebAuthnCredential


class ChallengeView(msgspec.Struct, frozen=True, kw_only=True):
    challenge_id: str
    options: dict[str, Any]  # PublicKeyCredentialCreation/RequestOptions JSON


class TotpSetup(msgspec.Struct, frozen=True, kw_only=True):
    secret: str  # base32, for typing into an app by hand
    uri: str
    qr_png_base64: str
    qr_svg: str


class BackupCodeSet(msgspec.Struct, frozen=True, kw_only=True):
    codes: list[str]  # shown once
    revoked_sessions: int = 0


class CredentialView(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    aaguid: str
    transports: list[str]
    backup_eligible: bool
    backup_state: bool
    created_at: datetime
    last_used_at: datetime | None
    flagged_cloned: bool


class Registered(msgspec.Struct, frozen=True, kw_only=True):
    credential: CredentialView
    revoked_sessions: int = 0


class MfaStatus(msgspec.Struct, frozen=True, kw_only=True):
    enabled: bool  # a password login must be completed by a second factor
    required_by_server: bool  # the server setting `require_mfa` applies to this user
    enrolment_required: bool  # this session keeps no permissions until a factor is verified
    totp: str  # none, pending or enabled
    webauthn_credentials: int
    backup_codes_remaining: int
    methods: list[str]
    session_mfa_verified: bool
    recently_authenticated_until: datetime | None  # factor changes allowed until then


def credential_view(credential: WebAuthnCredential) -> CredentialView:
    return CredentialView(
        id=credential.id, name=credential.name, aaguid=credential.aaguid,
        transports=list(credential.transports), backup_eligible=credential.backup_eligible,
        backup_state=credential.backup_state, created_at=credential.created_at,
        last_used_at=credential.last_used_at,
        flagged_cloned=credential.flagged_cloned_at is not None)
