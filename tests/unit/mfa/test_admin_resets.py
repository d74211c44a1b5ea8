"""An administrator helps someone locked out: resets their second factors or sets a new
password; both end the user's sessions and leave an audit event naming the admin. The
user directory shows MFA on/off and when each user was last seen."""

from __future__ import annotations

from typing import Any

import pytest

from revenge.application.identity.set_user_password import SetUserPasswordCommand
from revenge.application.identity.views import MfaChallenge, TokenPair, UserView
from revenge.application.mfa.reset_user_mfa import ResetUserMfaCommand
from revenge.domain.errors import AuthenticationFailed, NotFound, RuleViolation
from revenge.domain.identity.audit import AuditFilter, AuditType
from tests.unit.identity.conftest import create
from tests.unit.mfa.conftest import FakeClock, enrol_totp, log_in, register, session_of


@pytest.fixture
async def admin(identity: Any) -> UserView:
    return await register(identity)  # the first account is the administrator


@pytest.fixture
async def bob(identity: Any, mfa: Any, clock: FakeClock, admin: UserView) -> UserView:
    user = await create(identity, admin, "bob")
    await enrol_totp(mfa, clock, await session_of(identity, "bob"))
    return user


async def events(identity: Any, kind: AuditType) -> list[Any]:
    page = await identity.queries().audit(AuditFilter(type=kind), 50, None)
    return list(page.items)


async def test_after_an_mfa_reset_the_user_signs_in_with_the_password_alone(
        identity: Any, mfa: Any, admin: UserView, bob: UserView) -> None:
    assert isinstance(await log_in(identity, "bob"), MfaChallenge)
    await mfa.reset_user_mfa().execute(ResetUserMfaCommand(actor_id=admin.id,
                                                           user_id=bob.id))
    assert isinstance(await log_in(identity, "bob"), TokenPair)
    [event] = await events(identity, AuditType.MFA_RESET)
    assert (event.actor_id, event.subject_id) == (admin.id, bob.id)


async def test_an_mfa_reset_deletes_the_factors_and_ends_the_sessions(
        identity: Any, mfa: Any, admin: UserView, bob: UserView) -> None:
    await mfa.reset_user_mfa().execute(ResetUserMfaCommand(actor_id=admin.id,
                                                           user_id=bob.id))
    pair = await log_in(identity, "bob")
    assert isinstance(pair, TokenPair)
    status = await mfa.queries().status(await session_of(identity, "bob"))
    assert (status.enabled, status.totp, status.methods) == (False, "none", [])
    page = await mfa.user_directory().users(50, None)
    assert {u.username: u.mfa_enabled for u in page.items} == {"alice": False, "bob": False}


async def test_an_admin_cannot_reset_their_own_mfa_here_nor_an_unknown_users(
        mfa: Any, admin: UserView) -> None:
    with pytest.raises(RuleViolation):
        await mfa.reset_user_mfa().execute(ResetUserMfaCommand(actor_id=admin.id,
                                                               user_id=admin.id))
    with pytest.raises(NotFound):
        await mfa.reset_user_mfa().execute(ResetUserMfaCommand(
            actor_id=admin.id, user_id="0190a000-0000-7000-8000-000000000000"))


async def test_the_directory_shows_mfa_on_and_the_last_session_activity(
        mfa: Any, admin: UserView, bob: UserView, clock: FakeClock) -> None:
    page = await mfa.user_directory().users(50, None)
    by_name = {u.username: u for u in page.items}
    assert by_name["bob"].mfa_enabled and not by_name["alice"].mfa_enabled
    assert by_name["bob"].last_seen_at is not None
    assert by_name["bob"].last_seen_at <= clock.now()


async def test_a_password_set_by_an_admin_replaces_the_old_one_and_is_audited(
        identity: Any, admin: UserView) -> None:
    bob = await create(identity, admin, "bob")
    await identity.set_user_password().execute(SetUserPasswordCommand(
        actor_id=admin.id, user_id=bob.id, new_password="another quite long passphrase"))
    with pytest.raises(AuthenticationFailed):
        await log_in(identity, "bob")
    assert isinstance(await log_in(identity, "bob", "another quite long passphrase"),
                      TokenPair)
    [event] = await events(identity, AuditType.PASSWORD_SET)
    assert (event.actor_id, event.subject_id) == (admin.id, bob.id)


async def test_a_weak_password_set_by_an_admin_is_refused_on_its_field(
        identity: Any, admin: UserView) -> None:
    bob = await create(identity, admin, "bob")
    with pytest.raises(RuleViolation) as refused:
        await identity.set_user_password().execute(SetUserPasswordCommand(
            actor_id=admin.id, user_id=bob.id, new_password="short"))
    assert refused.value.field == "new_password"
