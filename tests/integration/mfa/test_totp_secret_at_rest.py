"""TOTP secrets at rest in PostgreSQL: only ciphertext in the column, re-sealed by
`revenge secrets rotate`'s store under a new key."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import psycopg
import pytest
from dependency_injector import providers

from revenge.adapters.crypto.aead import AesGcmSecretBox, generate_key
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.identity_unit_of_work import PostgresIdentityUnitOfWork
from revenge.adapters.postgres.mfa_factors import PostgresTotpSecrets
from revenge.adapters.postgres.mfa_unit_of_work import PostgresMfaUnitOfWork
from revenge.application.identity.authenticate_request import Credential
from revenge.application.identity.log_in import LogInCommand
from revenge.application.identity.register_user import RegisterUserCommand
from revenge.application.mfa.code_checks import totp_associated
from revenge.application.mfa.factor_changes import FactorCommand
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container
from tests.contract.identity.conftest import _SEED_ROLES

PASSWORD = "a long and unusual passphrase"


OLD_KEY = generate_key("old")


@pytest.fixture
def box() -> AesGcmSecretBox:
    return AesGcmSecretBox([OLD_KEY])


@pytest.fixture
def container(database: Database, migrated_database_url: str, box: AesGcmSecretBox,
              tmp_path: Path) -> Any:
    with psycopg.connect(migrated_database_url, autocommit=True) as conn:
        conn.execute(_SEED_ROLES)
    container = build_container(Config(argon2_time_cost=1, argon2_memory_kib=8192,
                                       data_dir=str(tmp_path)), "memory")
    container.identity.uow.override(providers.Object(
        functools.partial(PostgresIdentityUnitOfWork, database)))
    container.mfa.uow.override(providers.Object(
        functools.partial(PostgresMfaUnitOfWork, database)))
    container.mfa.secret_box.override(providers.Object(box))
    return container


async def set_up_totp(container: Any) -> tuple[str, str]:
    """(user id, base32 secret) of a new user who started TOTP setup."""
    identity = container.identity
    await identity.register_user().execute(RegisterUserCommand(
        username="alice", email="alice@example.org", password=PASSWORD))
    pair = await identity.log_in().execute(LogInCommand(identifier="alice", password=PASSWORD))
    principal = await identity.authenticate_request().execute(
        Credential(kind="access_token", token=pair.access_token))
    setup = await container.mfa.set_up_totp().execute(FactorCommand(principal=principal))
    return principal.user_id, setup.secret


async def stored_secret(database: Database, user_id: str) -> str:
    async with database.connection() as conn:
        cur = await conn.execute(
            "SELECT secret_ciphertext FROM totp_factors WHERE user_id = %s", (user_id,))
        row = await cur.fetchone()
    assert row is not None
    return str(row["secret_ciphertext"])


async def test_the_totp_secret_column_holds_ciphertext_only(
        container: Any, database: Database, box: AesGcmSecretBox) -> None:
    user_id, secret = await set_up_totp(container)
    column = await stored_secret(database, user_id)
    assert secret not in column and secret.lower() not in column.lower()
    assert column.startswith("v1.old.")
    assert box.decrypt(column, totp_associated(user_id)).decode() == secret


async def test_rotation_reseals_totp_secrets_under_the_new_key_once(
        container: Any, database: Database, box: AesGcmSecretBox) -> None:
    user_id, secret = await set_up_totp(container)
    rotated = AesGcmSecretBox([generate_key("new"), OLD_KEY])
    store = PostgresTotpSecrets(database)
    assert (await store.rotate(rotated), await store.rotate(rotated)) == (1, 0)
    column = await stored_secret(database, user_id)
    assert column.startswith("v1.new.")
    assert rotated.decrypt(column, totp_associated(user_id)).decode() == secret

