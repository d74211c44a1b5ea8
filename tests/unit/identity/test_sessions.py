"""Login, refresh rotation with reuse detection, logout, lifetimes, revocation."""

from __future__ import annotations

from typing import Any

import pytest

from revenge.application.identity.authenticate_request import Credential
from revenge.application.identity.change_password import ChangePasswordCommand
from revenge.application.identity.log_out import LogOutCommand
from revenge.application.identity.refresh_session import RefreshSessionCommand
from revenge.application.identity.revoke_other_sessions import RevokeOtherSessionsCommand
from revenge.application.identity.revoke_session import RevokeSessionCommand
from revenge.application.identity.update_server_settings import UpdateServerSettingsCommand
from revenge.application.shared.principal import Principal
from revenge.domain.errors import AuthenticationFailed, NotFound
from revenge.domain.identity.audit import AuditFilter, AuditType
from tests.unit.identity.conftest import HOME, PASSWORD, FakeClock, create, log_in, register


async def principal(identity: Any, token: str) -> Principal | None:
    result: Principal | None = await identity.authenticate_request().execute(
        Credential(kind="access_token", token=token))
    return result


async def refresh(identity: Any, token: str) -> Any:
    return await identity.refresh_session().execute(
        RefreshSessionCommand(refresh_token=token, client=HOME))


async def test_login_by_username_or_email_ignoring_case(identity: Any) -> None:
    await register(identity)
    assert (await log_in(identity, "ALICE")).user.username == "alice"
    assert (await log_in(identity, "Alice@Example.org")).user.username == "alice"


async def test_a_login_gives_a_bearer_pair_whose_access_token_names_the_user(
        identity: Any) -> None:
    await register(identity)
    pair = await log_in(identity)
    assert pair.token_type == "bearer" and pair.expires_in == 15 * 60
    assert len(pair.refresh_token) >= 32
    who = await principal(identity, pair.access_token)
    assert who is not None and who.username == "alice" and who.session_id == pair.session_id


async def test_wrong_password_and_unknown_user_fail_the_same_way(identity: Any) -> None:
    await register(identity)
    with pytest.raises(AuthenticationFailed) as wrong:
        await log_in(identity, password="not the password at all")
    with pytest.raises(AuthenticationFailed) as unknown:
        await log_in(identity, username="nobody")
    assert wrong.value.detail == unknown.value.detail


async def test_refresh_rotates_the_pair(identity: Any) -> None:
    await register(identity)
    first = await log_in(identity)
    second = await refresh(identity, first.refresh_token)
    assert second.refresh_token != first.refresh_token
    assert second.session_id == first.session_id
    assert await principal(identity, second.access_token) is not None


async def test_reused_refresh_token_revokes_the_whole_family(identity: Any) -> None:
    await register(identity)
    first = await log_in(identity)
    second = await refresh(identity, first.refresh_token)
    with pytest.raises(AuthenticationFailed):
        await refresh(identity, first.refresh_token)
    with pytest.raises(AuthenticationFailed):
        await refresh(identity, second.refresh_token)
    assert await principal(identity, second.access_token) is None
    events = await identity.queries().audit(AuditFilter(type=AuditType.TOKEN_REUSED), 10, None)
    assert events.total == 1


async def test_logout_makes_the_access_token_stop_working_at_once(identity: Any) -> None:
    await register(identity)
    pair = await log_in(identity)
    assert await principal(identity, pair.access_token) is not None  # now cached
    await identity.log_out().execute(LogOutCommand(session_id=pair.session_id))
    assert await principal(identity, pair.access_token) is None
    with pytest.raises(AuthenticationFailed):
        await refresh(identity, pair.refresh_token)


async def test_an_access_token_expires_after_its_lifetime(identity: Any, clock: FakeClock) -> None:
    await register(identity)
    pair = await log_in(identity)
    clock.advance(minutes=16)
    assert await principal(identity, pair.access_token) is None


async def test_an_idle_session_cannot_be_refreshed(identity: Any, clock: FakeClock) -> None:
    admin = await register(identity)
    await identity.update_server_settings().execute(UpdateServerSettingsCommand(
        actor_id=admin.id, changes={"session_idle_minutes": 60}))
    pair = await log_in(identity)
    clock.advance(minutes=61)
    with pytest.raises(AuthenticationFailed):
        await refresh(identity, pair.refresh_token)


async def test_refreshing_never_extends_the_absolute_lifetime(identity: Any,
                                                              clock: FakeClock) -> None:
    admin = await register(identity)
    await identity.update_server_settings().execute(UpdateServerSettingsCommand(
        actor_id=admin.id, changes={"session_idle_minutes": 60,
                                    "session_absolute_minutes": 120}))
    pair = await log_in(identity)
    for _ in range(2):  # refreshed every 50 minutes: never idle
        clock.advance(minutes=50)
        pair = await refresh(identity, pair.refresh_token)
    clock.advance(minutes=50)
    with pytest.raises(AuthenticationFailed):
        await refresh(identity, pair.refresh_token)


async def test_a_user_cannot_list_or_delete_another_users_sessions(identity: Any) -> None:
    admin = await register(identity)
    await create(identity, admin, "bob")
    alice_pair = await log_in(identity)
    bob_pair = await log_in(identity, "bob")
    bob = await principal(identity, bob_pair.access_token)
    assert bob is not None
    listed = await identity.queries().sessions(bob)
    assert [s.id for s in listed] == [bob_pair.session_id]
    with pytest.raises(NotFound):
        await identity.revoke_session().execute(
            RevokeSessionCommand(principal=bob, session_id=alice_pair.session_id))
    assert await principal(identity, alice_pair.access_token) is not None


async def test_log_out_everywhere_else_keeps_only_the_current_session(identity: Any) -> None:
    await register(identity)
    here, there, elsewhere = [await log_in(identity) for _ in range(3)]
    me = await principal(identity, here.access_token)
    assert me is not None
    count = await identity.revoke_other_sessions().execute(
        RevokeOtherSessionsCommand(principal=me))
    assert count == 2
    assert await principal(identity, there.access_token) is None
    assert await principal(identity, elsewhere.access_token) is None
    assert await principal(identity, here.access_token) is not None


async def test_changing_the_password_revokes_the_other_sessions(identity: Any) -> None:
    await register(identity)
    here, there = await log_in(identity), await log_in(identity)
    me = await principal(identity, here.access_token)
    assert me is not None
    await identity.change_password().execute(ChangePasswordCommand(
        principal=me, current_password=PASSWORD, new_password="another long passphrase"))
    assert await principal(identity, there.access_token) is None
    assert await principal(identity, here.access_token) is not None
    await log_in(identity, password="another long passphrase")
