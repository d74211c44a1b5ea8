"""TOTP factors (sealed secrets), backup codes and MFA profiles in PostgreSQL, and the
TOTP secrets' store for `revenge secrets rotate`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from revenge.adapters.postgres.database import Connection, Database
from revenge.adapters.postgres.identity_rows import to_struct
from revenge.application.mfa.code_checks import totp_associated
from revenge.application.shared.secrets import SecretBox, resealed
from revenge.domain.mfa.backup_codes import BackupCode
from revenge.domain.mfa.enrolment import MfaProfile
from revenge.domain.mfa.totp import TotpFactor

_TOTP = """SELECT user_id::text, secret_ciphertext AS secret, enabled, created_at, enabled_at,
    last_used_step FROM totp_factors"""


class PostgresTotpRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def get(self, user_id: str) -> TotpFactor | None:
        cur = await self._conn.execute((_TOTP + " WHERE user_id = %s").encode(), (user_id,))
        row = await cur.fetchone()
        return to_struct(row, TotpFactor) if row else None

    async def save(self, f: TotpFactor) -> None:
        await self._conn.execute(
            "INSERT INTO totp_factors (user_id, secret_ciphertext, enabled, created_at,"
            " enabled_at, last_used_step) VALUES (%s, %s, %s, %s, %s, %s)"
            " ON CONFLICT (user_id) DO UPDATE SET secret_ciphertext = EXCLUDED.secret_ciphertext,"
            " enabled = EXCLUDED.enabled, created_at = EXCLUDED.created_at,"
            " enabled_at = EXCLUDED.enabled_at, last_used_step = EXCLUDED.last_used_step",
            (f.user_id, f.secret, f.enabled, f.created_at, f.enabled_at, f.last_used_step))

    async def delete(self, user_id: str) -> None:
        await self._conn.execute("DELETE FROM totp_factors WHERE user_id = %s", (user_id,))

    async def use_step(self, user_id: str, step: int) -> bool:
        cur = await self._conn.execute(
            "UPDATE totp_factors SET last_used_step = %s WHERE user_id = %s"
            " AND (last_used_step IS NULL OR last_used_step < %s)", (step, user_id, step))
        return cur.rowcount == 1


class PostgresBackupCodeRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def of_user(self, user_id: str) -> list[BackupCode]:
        cur = await self._conn.execute(
            "SELECT id::text, user_id::text, code_hash, created_at, used_at, used_ip"
            " FROM backup_codes WHERE user_id = %s ORDER BY id", (user_id,))
        return [to_struct(row, BackupCode) for row in await cur.fetchall()]

    async def replace(self, user_id: str, codes: Sequence[BackupCode]) -> None:
        await self._conn.execute("DELETE FROM backup_codes WHERE user_id = %s", (user_id,))
        async with self._conn.cursor() as cur:
            await cur.executemany(
                "INSERT INTO backup_codes (id, user_id, code_hash, created_at, used_at, used_ip)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                [(c.id, c.user_id, c.code_hash, c.created_at, c.used_at, c.used_ip)
                 for c in codes])

    async def spend(self, code_id: str, now: datetime, ip: str) -> bool:
        cur = await self._conn.execute(
            "UPDATE backup_codes SET used_at = %s, used_ip = %s"
            " WHERE id = %s AND used_at IS NULL", (now, ip, code_id))
        return cur.rowcount == 1


class PostgresMfaProfileRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def get(self, user_id: str) -> MfaProfile | None:
        cur = await self._conn.execute(
            "SELECT user_id::text, enabled, changed_at FROM mfa_profiles WHERE user_id = %s",
            (user_id,))
        row = await cur.fetchone()
        return to_struct(row, MfaProfile) if row else None

    async def save(self, p: MfaProfile) -> None:
        await self._conn.execute(
            "INSERT INTO mfa_profiles (user_id, enabled, changed_at) VALUES (%s, %s, %s)"
            " ON CONFLICT (user_id) DO UPDATE SET enabled = EXCLUDED.enabled,"
            " changed_at = EXCLUDED.changed_at", (p.user_id, p.enabled, p.changed_at))


class PostgresTotpSecrets:
    """The sealed TOTP secrets, for `revenge secrets rotate` (a `StoredSecrets`)."""

    name = "totp_secrets"

    def __init__(self, database: Database) -> None:
        self._database = database

    async def rotate(self, box: SecretBox) -> int:
        async with self._database.transaction() as conn:
            cur = await conn.execute(
                "SELECT user_id::text AS user_id, secret_ciphertext FROM totp_factors FOR UPDATE")
            rows = await cur.fetchall()
            count = 0
            for row in rows:
                token = resealed(box, row["secret_ciphertext"], totp_associated(row["user_id"]))
                if token is not None:
                    await conn.execute("UPDATE totp_factors SET secret_ciphertext = %s"
                                       " WHERE user_id = %s", (token, row["user_id"]))
                    count += 1
        return count
