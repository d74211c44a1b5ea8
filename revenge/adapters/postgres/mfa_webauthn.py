"""WebAuthn credentials and challenges, and MFA login tokens, in PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import psycopg

from revenge.adapters.postgres.database import Connection
from revenge.adapters.postgres.identity_rows import to_struct, valid_uuid
from revenge.domain.errors import Conflict
from revenge.domain.mfa.enrolment import MfaToken
from revenge.domain.mfa.webauthn import Challenge, ChallengePurpose, WebAuthnCredential

_CREDENTIAL = """SELECT id::text, user_id::text, credential_id, public_key, sign_count, aaguid,
    transports, backup_eligible, backup_state, name, created_at, last_used_at,
    flagged_cloned_at FROM webauthn_credentials"""


class PostgresWebAuthnCredentialRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def add(self, c: WebAuthnCredential) -> None:
        try:
            await self._conn.execute(
                "INSERT INTO webauthn_credentials (id, user_id, credential_id, public_key,"
                " sign_count, aaguid, transports, backup_eligible, backup_state, name,"
                " created_at, last_used_at, flagged_cloned_at)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (c.id, c.user_id, c.credential_id, c.public_key, c.sign_count, c.aaguid,
                 list(c.transports), c.backup_eligible, c.backup_state, c.name, c.created_at,
                 c.last_used_at, c.flagged_cloned_at))
        except psycopg.errors.UniqueViolation:
            raise Conflict("this security key is registered already",
                           field="credential") from None

    async def update(self, c: WebAuthnCredential) -> None:
        await self._conn.execute(
            "UPDATE webauthn_credentials SET sign_count = %s, backup_state = %s, name = %s,"
            " last_used_at = %s, flagged_cloned_at = %s WHERE id = %s",
            (c.sign_count, c.backup_state, c.name, c.last_used_at, c.flagged_cloned_at, c.id))

    async def delete(self, credential_id: str) -> None:
        if valid_uuid(credential_id):
            await self._conn.execute("DELETE FROM webauthn_credentials WHERE id = %s",
                                     (credential_id,))

    async def get(self, credential_id: str) -> WebAuthnCredential | None:
        if not valid_uuid(credential_id):
            return None
        found = await self._many(_CREDENTIAL + " WHERE id = %s", (credential_id,))
        return found[0] if found else None

    async def by_credential_id(self, raw_id: bytes) -> WebAuthnCredential | None:
        found = await self._many(_CREDENTIAL + " WHERE credential_id = %s", (raw_id,))
        return found[0] if found else None

    async def of_user(self, user_id: str) -> list[WebAuthnCredential]:
        return await self._many(_CREDENTIAL + " WHERE user_id = %s ORDER BY created_at, id",
                                (user_id,))

    async def _many(self, query: str, params: tuple[object, ...]) -> list[WebAuthnCredential]:
        cur = await self._conn.execute(query.encode(), params)
        return [to_struct(row, WebAuthnCredential) for row in await cur.fetchall()]


_CHALLENGE = """SELECT id::text, challenge, purpose, user_id::text, created_at, expires_at,
    used_at FROM webauthn_challenges"""


class PostgresChallengeRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def add(self, c: Challenge) -> None:
        await self._conn.execute(
            "INSERT INTO webauthn_challenges (id, challenge, purpose, user_id, created_at,"
            " expires_at, used_at) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            (c.id, c.challenge, c.purpose.value, c.user_id, c.created_at, c.expires_at,
             c.used_at))

    async def take(self, challenge_id: str, purpose: ChallengePurpose,
                   now: datetime) -> Challenge | None:
        if not valid_uuid(challenge_id):
            return None
        cur = await self._conn.execute(
            "UPDATE webauthn_challenges SET used_at = %s WHERE id = %s AND purpose = %s"
            " AND used_at IS NULL AND expires_at > %s RETURNING id::text, challenge, purpose,"
            " user_id::text, created_at, expires_at, NULL::timestamptz AS used_at",
            (now, challenge_id, purpose.value, now))
        row = await cur.fetchone()
        return to_struct(row, Challenge) if row else None

    async def purge(self, now: datetime) -> None:
        await self._conn.execute("DELETE FROM webauthn_challenges WHERE expires_at <= %s",
                                 (now,))


class PostgresMfaTokenRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def add(self, t: MfaToken) -> None:
        await self._conn.execute(
            "INSERT INTO mfa_tokens (token_hash, user_id, purpose, created_at, expires_at,"
            " used_at) VALUES (%s, %s, %s, %s, %s, %s)",
            (t.token_hash, t.user_id, t.purpose, t.created_at, t.expires_at, t.used_at))

    async def get(self, token_hash: str) -> MfaToken | None:
        cur = await self._conn.execute(
            "SELECT token_hash, user_id::text, purpose, created_at, expires_at, used_at"
            " FROM mfa_tokens WHERE token_hash = %s", (token_hash,))
        row = await cur.fetchone()
        return to_struct(row, MfaToken) if row else None

    async def spend(self, token_hash: str, now: datetime) -> bool:
        cur = await self._conn.execute(
            "UPDATE mfa_tokens SET used_at = %s WHERE token_hash = %s AND used_at IS NULL",
            (now, token_hash))
        return cur.rowcount == 1

    async def purge(self, now: datetime) -> None:
        await self._conn.execute("DELETE FROM mfa_tokens WHERE expires_at <= %s", (now,))
