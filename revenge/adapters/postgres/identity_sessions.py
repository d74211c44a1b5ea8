"""Sessions with their refresh tokens, API keys and password-reset tokens in PostgreSQL."""

from __future__ import annotations

from datetime import datetime

from revenge.adapters.postgres.database import Connection
from revenge.adapters.postgres.identity_rows import to_struct, valid_uuid
from revenge.domain.identity.api_keys import ApiKey
from revenge.domain.identity.sessions import RefreshToken, Session

_SESSION = """SELECT id::text, user_id::text, created_at, last_seen_at, expires_at, ip,
    user_agent, mfa_verified, mfa_verified_at, reauthenticated_at, revoked_at, revoked_reason
    FROM sessions"""


class PostgresSessionRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def add(self, s: Session) -> None:
        await self._conn.execute(
            "INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, ip,"
            " user_agent, mfa_verified, mfa_verified_at, reauthenticated_at, revoked_at,"
            " revoked_reason) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.ip, s.user_agent,
             s.mfa_verified, s.mfa_verified_at, s.reauthenticated_at, s.revoked_at,
             s.revoked_reason))

    async def update(self, s: Session) -> None:
        await self._conn.execute(
            "UPDATE sessions SET last_seen_at = %s, expires_at = %s, ip = %s, user_agent = %s,"
            " mfa_verified = %s, mfa_verified_at = %s, reauthenticated_at = %s,"
            " revoked_at = %s, revoked_reason = %s WHERE id = %s",
            (s.last_seen_at, s.expires_at, s.ip, s.user_agent, s.mfa_verified,
             s.mfa_verified_at, s.reauthenticated_at, s.revoked_at, s.revoked_reason, s.id))

    async def get(self, session_id: str) -> Session | None:
        if not valid_uuid(session_id):
            return None
        cur = await self._conn.execute((_SESSION + " WHERE id = %s").encode(), (session_id,))
        row = await cur.fetchone()
        return to_struct(row, Session) if row else None

    async def of_user(self, user_id: str) -> list[Session]:
        cur = await self._conn.execute(
            (_SESSION + " WHERE user_id = %s ORDER BY created_at DESC, id DESC").encode(),
            (user_id,))
        return [to_struct(row, Session) for row in await cur.fetchall()]

    async def add_refresh_token(self, token: RefreshToken) -> None:
        await self._conn.execute(
            "INSERT INTO refresh_tokens (token_hash, session_id, issued_at, used_at)"
            " VALUES (%s, %s, %s, %s)",
            (token.token_hash, token.session_id, token.issued_at, token.used_at))

    async def refresh_token(self, token_hash: str) -> RefreshToken | None:
        cur = await self._conn.execute(
            "SELECT token_hash, session_id::text, issued_at, used_at FROM refresh_tokens"
            " WHERE token_hash = %s", (token_hash,))
        row = await cur.fetchone()
        return to_struct(row, RefreshToken) if row else None

    async def spend_refresh_token(self, token_hash: str, now: datetime) -> bool:
        cur = await self._conn.execute(
            "UPDATE refresh_tokens SET used_at = %s WHERE token_hash = %s AND used_at IS NULL",
            (now, token_hash))
        return cur.rowcount == 1


_KEY = """SELECT id::text, user_id::text, name, prefix, key_hash, scopes, created_at,
    expires_at, last_used_at, revoked_at FROM api_keys"""


class PostgresApiKeyRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def add(self, k: ApiKey) -> None:
        await self._conn.execute(
            "INSERT INTO api_keys (id, user_id, name, prefix, key_hash, scopes, created_at,"
            " expires_at, last_used_at, revoked_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (k.id, k.user_id, k.name, k.prefix, k.key_hash, sorted(k.scopes), k.created_at,
             k.expires_at, k.last_used_at, k.revoked_at))

    async def by_hash(self, key_hash: str) -> ApiKey | None:
        cur = await self._conn.execute((_KEY + " WHERE key_hash = %s").encode(), (key_hash,))
        row = await cur.fetchone()
        return to_struct(row, ApiKey) if row else None

    async def of_user(self, user_id: str) -> list[ApiKey]:
        cur = await self._conn.execute(
            (_KEY + " WHERE user_id = %s ORDER BY id DESC").encode(), (user_id,))
        return [to_struct(row, ApiKey) for row in await cur.fetchall()]

    async def update(self, k: ApiKey) -> None:
        await self._conn.execute(
            "UPDATE api_keys SET name = %s, scopes = %s, expires_at = %s, last_used_at = %s,"
            " revoked_at = %s WHERE id = %s",
            (k.name, sorted(k.scopes), k.expires_at, k.last_used_at, k.revoked_at, k.id))


class PostgresResetTokenRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def add(self, token_hash: str, user_id: str, now: datetime,
                  expires_at: datetime) -> None:
        await self._conn.execute(
            "INSERT INTO password_reset_tokens (token_hash, user_id, created_at, expires_at)"
            " VALUES (%s, %s, %s, %s)", (token_hash, user_id, now, expires_at))

    async def take(self, token_hash: str, now: datetime) -> str | None:
        cur = await self._conn.execute(
            "UPDATE password_reset_tokens SET used_at = %s WHERE token_hash = %s"
            " AND used_at IS NULL AND expires_at > %s RETURNING user_id::text AS user_id",
            (now, token_hash, now))
        row = await cur.fetchone()
        return row["user_id"] if row else None
