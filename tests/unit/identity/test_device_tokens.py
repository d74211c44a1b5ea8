"""Device tokens: a session's refresh token kept by an app that never refreshes (the
Jellyfin-compatible API's clients). It signs in while the session lives, counts as
activity, and stops with the session or once spent."""

from __future__ import annotations

from typing import Any

from revenge.application.identity.authenticate_request import Credential
from revenge.application.identity.log_out import LogOutCommand
from revenge.application.identity.refresh_session import RefreshSessionCommand
from revenge.application.identity.update_server_settings import UpdateServerSettingsCommand
from revenge.application.shared.principal import Principal
from tests.unit.identity.conftest import HOME, FakeClock, log_in, register


async def device(identity: Any, token: str) -> Principal | None:
    result: Principal | None = await identity.authenticate_request().execute(
        Credential(kind="device_token", token=token))
    return result


async def test_a_device_token_signs_in_as_its_session(identity: Any) -> None:
    await register(identity)
    pair = await log_in(identity)
    who = await device(identity, pair.refresh_token)
    assert who is not None and who.username == "alice" and who.session_id == pair.session_id
    assert who.permissions  # the owner's


async def test_an_access_token_or_a_made_up_token_is_no_device_token(identity: Any) -> None:
    await register(identity)
    pair = await log_in(identity)
    assert await device(identity, pair.access_token) is None
    assert await device(identity, "rvr_" + "x" * 40) is None


async def test_a_device_token_outlives_the_access_token(identity: Any,
                                                        clock: FakeClock) -> None:
    await register(identity)
    pair = await log_in(identity)
    clock.advance(days=2)
    assert await device(identity, pair.refresh_token) is not None


async def test_using_a_device_token_keeps_its_session_from_going_idle(
        identity: Any, clock: FakeClock) -> None:
    admin = await register(identity)
    await identity.update_server_settings().execute(UpdateServerSettingsCommand(
        actor_id=admin.id, changes={"session_idle_minutes": 60}))
    pair = await log_in(identity)
    for _ in range(3):
        clock.advance(minutes=50)
        assert await device(identity, pair.refresh_token) is not None
    clock.advance(minutes=61)
    await identity.session_cache().forget([pair.session_id])  # its 30 s (real time) ran out
    assert await device(identity, pair.refresh_token) is None


async def test_logging_the_session_out_stops_its_device_token_at_once(identity: Any) -> None:
    await register(identity)
    pair = await log_in(identity)
    assert await device(identity, pair.refresh_token) is not None  # now cached
    await identity.log_out().execute(LogOutCommand(session_id=pair.session_id))
    assert await device(identity, pair.refresh_token) is None


async def test_a_spent_device_token_no_longer_signs_in(identity: Any, clock: FakeClock) -> None:
    await register(identity)
    pair = await log_in(identity)
    await identity.refresh_session().execute(
        RefreshSessionCommand(refresh_token=pair.refresh_token, client=HOME))
    assert await device(identity, pair.refresh_token) is None
