"""In-memory twins of the WebAuthn credential, challenge and MFA token repositories."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.domain.errors import Conflict
from revenge.domain.mfa.enrolment import MfaToken
from revenge.domain.mfa.webauthn import Challenge, ChallengePurpose, WebAuthnCredential


class InMemoryWebAuthnCredentialRepository:
    def __init__(self, credentials: dict[str, WebAuthnCredential],
                 users: dict[str, object]) -> None:
        self._credentials = credentials
        self._users = users

    async def add(self, credential: WebAuthnCredential) -> None:
        if await self.by_credential_id(credential.credential_id) is not None:
            raise Conflict("this security key is registered already", field="credential")
        self._credentials[credential.id] = credential

    async def update(self, credential: WebAuthnCredential) -> None:
        self._credentials[credential.id] = credential

    async def delete(self, credential_id: str) -> None:
        self._credentials.pop(credential_id, None)

    async def get(self, credential_id: str) -> WebAuthnCredential | None:
        credential = self._credentials.get(credential_id)
        return credential if credential and credential.user_id in self._users else None

    async def by_credential_id(self, raw_id: bytes) -> WebAuthnCredential | None:
        return next((c for c in self._credentials.values()
                     if c.credential_id == raw_id and c.user_id in self._users), None)

    async def of_user(self, user_id: str) -> list[WebAuthnCredential]:
        mine = [c for c in self._credentials.values() if c.user_id == user_id]
        return sorted(mine, key=lambda c: (c.created_at, c.id)) if user_id in self._users else []


class InMemoryChallengeRepository:
    def __init__(self, challenges: dict[str, Challenge]) -> None:
        self._challenges = challenges

    async def add(self, challenge: Challenge) -> None:
        self._challenges[challenge.id] = challenge

    async def take(self, challenge_id: str, purpose: ChallengePurpose,
                   now: datetime) -> Challenge | None:
        challenge = self._challenges.get(challenge_id)
        if challenge is None or not challenge.usable(purpose, now):
            return None
        self._challenges[challenge_id] = msgspec.structs.replace(challenge, used_at=now)
        return challenge

    async def purge(self, now: datetime) -> None:
        for expired in [c.id for c in self._challenges.values() if c.expires_at <= now]:
            del self._challenges[expired]


class InMemoryMfaTokenRepository:
    def __init__(self, tokens: dict[str, MfaToken], users: dict[str, object]) -> None:
        self._tokens = tokens
        self._users = users

    async def add(self, token: MfaToken) -> None:
        self._tokens[token.token_hash] = token

    async def get(self, token_hash: str) -> MfaToken | None:
        token = self._tokens.get(token_hash)
        return token if token and token.user_id in self._users else None

    async def spend(self, token_hash: str, now: datetime) -> bool:
        token = self._tokens.get(token_hash)
        if token is None or token.used_at is not None:
            return False
        self._tokens[token_hash] = msgspec.structs.replace(token, used_at=now)
        return True

    async def purge(self, now: datetime) -> None:
        for expired in [t.token_hash for t in self._tokens.values() if t.expires_at <= now]:
            del self._tokens[expired]
