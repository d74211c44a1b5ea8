"""Issue 20 item 5: whatever takes away a user's right to play ends their playback
sessions at once: disabling the account, a role without `playback`, signing out of (or
revoking) the sign-in the session was started through, revoking the API key it was
started with. The identity records decide, read on each media request (the container's
`grants`, on the memory profile)."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest
from dependency_injector import providers

from revenge.adapters.crypto.system import Uuid7Ids
from revenge.adapters.memory.identity_throttle import InMemoryThrottle
from revenge.application.identity.authenticate_request import Credential
from revenge.application.identity.common import Kit
from revenge.application.identity.create_api_key import CreateApiKeyCommand
from revenge.application.identity.log_out import LogOutCommand
from revenge.application.identity.revoke_api_key import RevokeApiKeyCommand
from revenge.application.identity.update_user import UpdateUserCommand
from revenge.application.shared.principal import Principal
from revenge.domain.identity.roles import GUEST_ROLE_ID
from revenge.domain.playback.sessions import PlaybackSession
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import build_container
from tests.unit.identity.conftest import FakeClock, create, log_in, register
from tests.unit.playback.test_authorize_media import SESSION


@pytest.fixture
def app() -> Any:
    clock = FakeClock()
    container = build_container(Config(argon2_time_cost=1, argon2_memory_kib=8192), "memory")
    container.identity.kit.override(providers.Object(Kit(clock, Uuid7Ids())))
    container.identity.throttle.override(providers.Object(
        InMemoryThrottle(lambda: clock.now().timestamp())))
    return container


async def watching(app: Any) -> tuple[Principal, PlaybackSession, str]:
    """(the admin, bob's session started through his sign-in, bob's sign-in id)."""
    admin = await register(app.identity, "root")
    bob = await create(app.identity, admin, "bob")
    pair = await log_in(app.identity, "bob")
    admin_principal = await app.identity.authenticate_request().execute(Credential(
        kind="access_token", token=(await log_in(app.identity, "root")).access_token))
    session = msgspec.structs.replace(SESSION, user_id=bob.id, sign_in_id=pair.session_id)
    assert await app.playback.grants().granted(session)
    return admin_principal, session, pair.session_id


async def test_disabling_the_user_ends_the_session(app: Any) -> None:
    admin, session, _ = await watching(app)
    await app.identity.update_user().execute(UpdateUserCommand(
        actor_id=admin.user_id, user_id=session.user_id, disabled=True))
    assert not await app.playback.grants().granted(session)


async def test_a_role_without_playback_ends_the_session(app: Any) -> None:
    admin, session, _ = await watching(app)
    await app.identity.update_user().execute(UpdateUserCommand(
        actor_id=admin.user_id, user_id=session.user_id, role_ids=(GUEST_ROLE_ID,)))
    assert not await app.playback.grants().granted(session)


async def test_signing_out_of_the_sign_in_it_was_started_through_ends_the_session(
        app: Any) -> None:
    _, session, sign_in = await watching(app)
    await app.identity.log_out().execute(LogOutCommand(session_id=sign_in))
    assert not await app.playback.grants().granted(session)


async def test_revoking_the_api_key_it_was_started_with_ends_the_session(app: Any) -> None:
    _, session, _ = await watching(app)
    bob = await app.identity.authenticate_request().execute(Credential(
        kind="access_token", token=(await log_in(app.identity, "bob")).access_token))
    created = await app.identity.create_api_key().execute(CreateApiKeyCommand(
        principal=bob, name="tv", scopes=("playback",)))
    by_key = msgspec.structs.replace(session, sign_in_id=None, api_key_id=created.api_key.id)
    assert await app.playback.grants().granted(by_key)
    await app.identity.revoke_api_key().execute(RevokeApiKeyCommand(
        principal=bob, key_id=created.api_key.id))
    assert not await app.playback.grants().granted(by_key)
