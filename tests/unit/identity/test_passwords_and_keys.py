"""Password reset, legacy hashes, API keys and per-user settings."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import bcrypt
import msgspec
import pytest
from argon2 import PasswordHasher

from revenge.application.identity.authenticate_request import Credential
from revenge.application.identity.create_api_key import CreateApiKeyCommand
from revenge.application.identity.request_password_reset import RequestPasswordResetCommand
from revenge.application.identity.reset_password import ResetPasswordCommand
from revenge.application.identity.revoke_api_key import RevokeApiKeyCommand
from revenge.application.identity.update_user_settings import UpdateUserSettingsCommand
from revenge.application.shared.principal import Principal
from revenge.domain.errors import AuthenticationFailed, Forbidden, RuleViolation
from revenge.domain.shared.permissions import Permission
from tests.unit.identity.conftest import PASSWORD, FakeClock, log_in, register

NEW = "a brand new passphrase"


async def _reset_token(identity: Any, who: str = "alice@example.org") -> str:
    await identity.request_password_reset().execute(RequestPasswordResetCommand(identifier=who))
    await identity.background().drain()  # the mail is sent after the answer
    mail = identity.mailer().sent[-1]
    match = re.search(r"token=(\S+)", mail.body)
    assert match
    return match.group(1)


async def test_a_reset_token_works_once(identity: Any) -> None:
    await register(identity)
    token = await _reset_token(identity)
    await identity.reset_password().execute(ResetPasswordCommand(token=token, new_password=NEW))
    await log_in(identity, password=NEW)
    with pytest.raises(RuleViolation) as caught:
        await identity.reset_password().execute(
            ResetPasswordCommand(token=token, new_password="yet another passphrase"))
    assert caught.value.field == "token"


async def test_a_reset_token_expires(identity: Any, clock: FakeClock) -> None:
    await register(identity)
    token = await _reset_token(identity)
    clock.advance(minutes=61)
    with pytest.raises(RuleViolation):
        await identity.reset_password().execute(ResetPasswordCommand(token=token,
                                                                     new_password=NEW))


async def test_a_reset_ends_every_session(identity: Any) -> None:
    await register(identity)
    pair = await log_in(identity)
    token = await _reset_token(identity)
    await identity.reset_password().execute(ResetPasswordCommand(token=token, new_password=NEW))
    assert await identity.authenticate_request().execute(
        Credential(kind="access_token", token=pair.access_token)) is None


async def test_forgot_password_for_an_unknown_address_sends_nothing_and_says_nothing(
        identity: Any) -> None:
    await register(identity)
    result = await identity.request_password_reset().execute(
        RequestPasswordResetCommand(identifier="nobody@example.org"))
    await identity.background().drain()
    assert result is None and identity.mailer().sent == []


async def _store_hash(identity: Any, password_hash: str) -> None:
    async with identity.uow()() as tx:
        user = await tx.users.by_login("alice")
        await tx.users.update(msgspec.structs.replace(user, password_hash=password_hash))
        await tx.commit()


async def _stored_hash(identity: Any) -> str:
    async with identity.uow()() as tx:
        return str((await tx.users.by_login("alice")).password_hash)


async def test_a_legacy_bcrypt_hash_logs_in_and_is_rehashed_to_argon2id(identity: Any) -> None:
    await register(identity)
    await _store_hash(identity, bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(4)).decode())
    await log_in(identity)
    assert (await _stored_hash(identity)).startswith("$argon2id$")
    await log_in(identity)


async def test_an_argon2_hash_with_outdated_parameters_is_rehashed(identity: Any) -> None:
    await register(identity)
    weak = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSWORD)
    await _store_hash(identity, weak)
    await log_in(identity)
    assert "m=8192" in await _stored_hash(identity)


async def _me(identity: Any) -> Principal:
    pair = await log_in(identity)
    me: Principal = await identity.authenticate_request().execute(
        Credential(kind="access_token", token=pair.access_token))
    return me


async def test_an_api_key_authenticates_with_only_its_scopes(identity: Any) -> None:
    await register(identity)
    created = await identity.create_api_key().execute(CreateApiKeyCommand(
        principal=await _me(identity), name="radarr", scopes=("library.read",)))
    who = await identity.authenticate_request().execute(
        Credential(kind="api_key", token=created.key))
    assert who.permissions == {Permission.LIBRARY_READ} and who.api_key_id
    keys = await identity.queries().api_keys(who)
    assert keys[0].last_used_at is not None and created.key not in repr(keys)


async def test_an_api_key_cannot_have_scopes_beyond_its_owner(identity: Any) -> None:
    await register(identity)
    me = msgspec.structs.replace(await _me(identity),
                                 permissions=frozenset({Permission.PLAYBACK}))
    with pytest.raises(RuleViolation) as caught:
        await identity.create_api_key().execute(CreateApiKeyCommand(
            principal=me, name="x", scopes=("users.manage",)))
    assert caught.value.field == "scopes"


async def test_an_api_key_cannot_create_api_keys(identity: Any) -> None:
    await register(identity)
    me = msgspec.structs.replace(await _me(identity), api_key_id="k")
    with pytest.raises(Forbidden):
        await identity.create_api_key().execute(CreateApiKeyCommand(
            principal=me, name="x", scopes=("playback",)))


async def test_revoked_and_expired_api_keys_stop_working(identity: Any, clock: FakeClock) -> None:
    await register(identity)
    me = await _me(identity)
    make = identity.create_api_key().execute
    revoked = await make(CreateApiKeyCommand(principal=me, name="a", scopes=("playback",)))
    expiring = await make(CreateApiKeyCommand(principal=me, name="b", scopes=("playback",),
                                              expires_at=clock.now() + timedelta(days=1)))
    await identity.revoke_api_key().execute(
        RevokeApiKeyCommand(principal=me, key_id=revoked.api_key.id))
    clock.advance(days=2)
    for created in (revoked, expiring):
        assert await identity.authenticate_request().execute(
            Credential(kind="api_key", token=created.key)) is None


async def test_user_settings_are_validated_and_kept(identity: Any) -> None:
    user = await register(identity)
    update = identity.update_user_settings().execute
    saved = await update(UpdateUserSettingsCommand(
        user_id=user.id, changes={"language": "fr", "display_name": "Alice L."}))
    assert saved.language == "fr" and saved.display_name == "Alice L."
    assert (await identity.queries().user_settings(user.id)).language == "fr"
    with pytest.raises(RuleViolation) as caught:
        await update(UpdateUserSettingsCommand(user_id=user.id,
                                               changes={"subtitle_mode": "sometimes"}))
    assert caught.value.field == "subtitle_mode"


async def test_wrong_current_password_refuses_the_change(identity: Any) -> None:
    from revenge.application.identity.change_password import ChangePasswordCommand

    await register(identity)
    with pytest.raises(RuleViolation) as caught:
        await identity.change_password().execute(ChangePasswordCommand(
            principal=await _me(identity), current_password="wrong wrong wrong",
            new_password=NEW))
    assert caught.value.field == "current_password"
    with pytest.raises(AuthenticationFailed):
        await log_in(identity, password=NEW)
