"""Ports of the MFA context: storage (one unit of work that extends identity's, so a
second factor and the session it opens commit together), TOTP, QR codes, backup-code
hashing and the WebAuthn relying party. Adapters translate driver errors into
`Conflict`/`Unavailable`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

import msgspec

from revenge.application.identity.ports import IdentityUnitOfWork
from revenge.domain.mfa.backup_codes import BackupCode
from revenge.domain.mfa.enrolment import MfaProfile, MfaToken
from revenge.domain.mfa.totp import TotpFactor
from revenge.domain.mfa.webauthn import Challenge, ChallengePurpose, WebAuthnCredential


class TotpRepository(Protocol):
    """At most one TOTP factor per user; its secret is stored sealed."""

    async def get(self, user_id: str) -> TotpFactor | None: ...

    async def save(self, factor: TotpFactor) -> None:
        """Inserts or replaces the user's factor."""

    async def delete(self, user_id: str) -> None: ...

    async def use_step(self, user_id: str, step: int) -> bool:
        """Records `step` as used when it is later than the last used one; False when
        it is not (the code was used already, perhaps by a concurrent request)."""


class BackupCodeRepository(Protocol):
    """The user's current set of backup codes (hashed)."""

    async def of_user(self, user_id: str) -> list[BackupCode]: ...

    async def replace(self, user_id: str, codes: Sequence[BackupCode]) -> None:
        """The old set, used or not, is gone."""

    async def spend(self, code_id: str, now: datetime, ip: str) -> bool:
        """Marks an unused code used (time and IP); False when it already was."""


class WebAuthnCredentialRepository(Protocol):
    """Credentials by our id and by the authenticator's credential id (unique:
    `add` raises `Conflict(field="credential")` for one registered already)."""

    async def add(self, credential: WebAuthnCredential) -> None: ...

    async def update(self, credential: WebAuthnCredential) -> None: ...

    async def delete(self, credential_id: str) -> None: ...

    async def get(self, credential_id: str) -> WebAuthnCredential | None:
        """By our id; None for an unknown or malformed id."""

    async def by_credential_id(self, raw_id: bytes) -> WebAuthnCredential | None: ...

    async def of_user(self, user_id: str) -> list[WebAuthnCredential]:
        """Oldest first."""


class ChallengeRepository(Protocol):
    """WebAuthn challenges: single use, short-lived."""

    async def add(self, challenge: Challenge) -> None: ...

    async def take(self, challenge_id: str, purpose: ChallengePurpose,
                   now: datetime) -> Challenge | None:
        """Marks an unused, unexpired challenge of that purpose used and returns it;
        None otherwise (taking the same challenge twice yields None)."""

    async def purge(self, now: datetime) -> None:
        """Forgets expired challenges."""


class MfaTokenRepository(Protocol):
    """Tokens between a correct password and the second factor (stored as digests)."""

    async def add(self, token: MfaToken) -> None: ...

    async def get(self, token_hash: str) -> MfaToken | None: ...

    async def spend(self, token_hash: str, now: datetime) -> bool:
        """Marks an unused token used; False when it already was."""

    async def purge(self, now: datetime) -> None:
        """Forgets expired tokens."""


class MfaProfileRepository(Protocol):
    async def get(self, user_id: str) -> MfaProfile | None: ...

    async def save(self, profile: MfaProfile) -> None:
        """Inserts or replaces."""


class MfaUnitOfWork(IdentityUnitOfWork, Protocol):
    """Identity's unit of work plus the MFA repositories, on one transaction."""

    totp: TotpRepository
    backup_codes: BackupCodeRepository
    webauthn: WebAuthnCredentialRepository
    challenges: ChallengeRepository
    mfa_tokens: MfaTokenRepository
    mfa_profiles: MfaProfileRepository


class MfaUnitOfWorkFactory(Protocol):
    def __call__(self) -> MfaUnitOfWork: ...


class TotpAlgorithm(Protocol):
    """RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits)."""

    def new_secret(self) -> str:
        """160 bits from a CSPRNG, base32 (no padding)."""

    def code_at(self, secret: str, step: int) -> str:
        """The code of time step `step` (Unix time // 30)."""

    def uri(self, secret: str, account: str, issuer: str) -> str:
        """The `otpauth://totp/...` URI authenticator apps scan."""


class QrCodes(Protocol):
    def png(self, data: str) -> bytes:
        """A 256x256 PNG."""

    def svg(self, data: str) -> str: ...


class BackupCodeHasher(Protocol):
    """Backup codes from a CSPRNG, hashed with argon2id off the event loop."""

    def new_code(self) -> str:
        """16 lower-case hex characters (64 bits)."""

    async def hash(self, code: str) -> str: ...

    async def verify(self, code_hash: str, code: str) -> bool:
        """False for a wrong code or an unreadable hash; never raises for those."""


class WebAuthnUser(msgspec.Struct, frozen=True, kw_only=True):
    handle: bytes
    name: str
    display_name: str


class CredentialRef(msgspec.Struct, frozen=True, kw_only=True):
    raw_id: bytes
    transports: tuple[str, ...] = ()


class WebAuthnOptions(msgspec.Struct, frozen=True, kw_only=True):
    challenge: bytes
    options: dict[str, Any]  # PublicKeyCredentialCreation/RequestOptions JSON


class RegisteredCredential(msgspec.Struct, frozen=True, kw_only=True):
    raw_id: bytes
    public_key: bytes
    sign_count: int
    aaguid: str
    transports: tuple[str, ...]
    backup_eligible: bool
    backup_state: bool


class PresentedAssertion(msgspec.Struct, frozen=True, kw_only=True):
    """What an assertion claims before it is verified."""

    raw_id: bytes
    user_handle: bytes | None


class VerifiedAssertion(msgspec.Struct, frozen=True, kw_only=True):
    sign_count: int
    backup_state: bool


class WebAuthnRelyingParty(Protocol):
    """The WebAuthn ceremonies for our RP id and allowed origins. User verification is
    always required. A registration that does not verify (wrong origin, RP id, challenge,
    attestation, flags) raises `RuleViolation(field="credential")`; an assertion that
    does not verify raises `AuthenticationFailed`; `presented` raises `RuleViolation`
    for something that is no assertion. Sign counts are returned, never judged: that
    rule is the domain's."""

    def registration_options(self, user: WebAuthnUser,
                             exclude: Sequence[CredentialRef]) -> WebAuthnOptions: ...

    def verify_registration(self, credential: dict[str, Any],
                            challenge: bytes) -> RegisteredCredential: ...

    def authentication_options(self, allow: Sequence[CredentialRef]) -> WebAuthnOptions:
        """An empty `allow` asks for a discoverable credential (passkey login)."""

    def presented(self, credential: dict[str, Any]) -> PresentedAssertion: ...

    def verify_authentication(self, credential: dict[str, Any], challenge: bytes,
                              public_key: bytes) -> VerifiedAssertion: ...
