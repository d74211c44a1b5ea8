"""The MFA login: password then second factor, the shared throttle, the server policy,
and a password reset that never bypasses MFA."""

from __future__ import annotations

from typing import Any

import pytest

from revenge.application.identity.authenticate_request import Credential
from revenge.application.identity.common import ClientInfo
from revenge.application.identity.create_api_key import CreateApiKeyCommand
from revenge.application.identity.request_password_reset import RequestPasswordResetCommand
from revenge.application.identity.reset_password import ResetPasswordCommand
from revenge.application.identity.update_server_settings import UpdateServerSettingsCommand
from revenge.application.identity.views import MfaChallenge, TokenPair
from revenge.application.mfa.factor_changes import FactorCommand
from revenge.application.mfa.verify_mfa_login import VerifyMfaLoginCommand
from revenge.domain.errors import AuthenticationFailed, TooManyAttempts
from revenge.domain.mfa.enrolment import Method
from revenge.domain.shared.permissions import Permission
from tests.unit.identity.conftest import create
from tests.unit.mfa.conftest import (
    HOME,
    FakeClock,
    enrol_totp,
    log_in,
    principal_of,
    register,
    session_of,
    totp_now,
)

NEW_PASSWORD = "another long and unusual passphrase"


@pytest.fixture
async def secret(identity: Any, mfa: Any, clock: FakeClock) -> str:
    await register(identity)
    return await enrol_totp(mfa, clock, await session_of(identity))


async def verify(mfa: Any, challenge: MfaChallenge, code: str,
                 client: ClientInfo = HOME) -> TokenPair:
    pair: TokenPair = await mfa.verify_login().execute(VerifyMfaLoginCommand(
        mfa_token=challenge.mfa_token, method=Method.TOTP, code=code, client=client))
    return pair


async def challenged(identity: Any, **kwargs: Any) -> MfaChallenge:
    result = await log_in(identity, **kwargs)
    assert isinstance(result, MfaChallenge), result
    return result


async def test_a_correct_password_gives_an_mfa_challenge_not_a_session(
        identity: Any, secret: str) -> None:
    challenge = await challenged(identity)
    assert challenge.mfa_required and challenge.methods == ["totp"]
    assert challenge.mfa_token.startswith("rvm_")


async def test_the_right_code_gives_a_session_marked_mfa_verified(
        identity: Any, mfa: Any, clock: FakeClock, secret: str) -> None:
    pair = await verify(mfa, await challenged(identity), totp_now(secret, clock))
    assert (await principal_of(identity, pair)).mfa_verified


async def test_the_mfa_token_is_single_use_and_short_lived(
        identity: Any, mfa: Any, clock: FakeClock, secret: str) -> None:
    challenge = await challenged(identity)
    await verify(mfa, challenge, totp_now(secret, clock))
    clock.advance(seconds=30)
    with pytest.raises(AuthenticationFailed, match="MFA token"):
        await verify(mfa, challenge, totp_now(secret, clock))
    late = await challenged(identity)
    clock.advance(minutes=6)
    with pytest.raises(AuthenticationFailed, match="MFA token"):
        await verify(mfa, late, totp_now(secret, clock))


async def test_wrong_codes_share_the_login_throttle_and_answer_429(
        identity: Any, mfa: Any, clock: FakeClock, secret: str) -> None:
    challenge = await challenged(identity)
    client = ClientInfo(ip="198.51.100.7")
    outcomes = []
    for _ in range(10):
        with pytest.raises((AuthenticationFailed, TooManyAttempts)) as caught:
            await verify(mfa, challenge, "000000", client)
        outcomes.append(type(caught.value))
    assert outcomes == [AuthenticationFailed] * 9 + [TooManyAttempts]
    with pytest.raises(TooManyAttempts):  # even the right code waits now
        await verify(mfa, challenge, totp_now(secret, clock), client)


async def test_a_correct_password_does_not_reset_the_accounts_failure_count(
        identity: Any, mfa: Any, secret: str) -> None:
    for n in range(20):  # the account threshold, from many IPs, each re-entering the password
        challenge = await challenged(identity, client=ClientInfo(ip=f"203.0.113.{n}"))
        with pytest.raises((AuthenticationFailed, TooManyAttempts)):
            await verify(mfa, challenge, "000000", ClientInfo(ip=f"203.0.113.{n}"))
    with pytest.raises(TooManyAttempts):
        await log_in(identity, client=ClientInfo(ip="203.0.113.99"))


async def test_a_password_reset_never_bypasses_mfa(identity: Any, mfa: Any,
                                                   secret: str) -> None:
    await identity.request_password_reset().execute(
        RequestPasswordResetCommand(identifier="alice"))
    await identity.background().drain()
    mail = identity.mailer().sent[-1]
    token = mail.body.split("?token=")[1].split()[0]
    await identity.reset_password().execute(
        ResetPasswordCommand(token=token, new_password=NEW_PASSWORD))
    assert isinstance(await log_in(identity, password=NEW_PASSWORD), MfaChallenge)


async def require(identity: Any, admin_id: str, policy: str) -> None:
    await identity.update_server_settings().execute(UpdateServerSettingsCommand(
        actor_id=admin_id, changes={"require_mfa": policy}))


async def test_required_mfa_without_a_factor_gives_a_session_limited_to_enrolment(
        identity: Any, mfa: Any, clock: FakeClock) -> None:
    admin = await register(identity)
    await require(identity, admin.id, "all")
    await create(identity, admin, "bob")
    bob = await session_of(identity, "bob")
    assert bob.permissions == {Permission.ACCOUNT}  # its own account (to enrol), nothing else
    assert (await mfa.queries().status(bob)).enrolment_required
    await enrol_totp(mfa, clock, bob)
    again = await principal_of_session(identity, bob)
    assert again.permissions and again.mfa_verified


async def principal_of_session(identity: Any, principal: Any) -> Any:
    token = identity.access_tokens().issue(principal.user_id, principal.session_id,
                                           identity.kit().now())
    return await identity.authenticate_request().execute(
        Credential(kind="access_token", token=token))


async def test_mfa_required_for_admins_leaves_plain_users_alone(identity: Any, mfa: Any,
                                                                clock: FakeClock) -> None:
    admin = await register(identity)
    session = await session_of(identity)
    await enrol_totp(mfa, clock, session)
    await mfa.disable_mfa().execute(FactorCommand(principal=session))  # off by hand...
    assert not isinstance(await log_in(identity), MfaChallenge)
    await require(identity, admin.id, "admins")  # ...but the server requires it of admins
    await create(identity, admin, "bob")
    assert isinstance(await log_in(identity), MfaChallenge)
    assert (await session_of(identity, "bob")).permissions


async def test_a_policy_change_applies_to_existing_sessions_at_once(identity: Any) -> None:
    admin = await register(identity)
    pair = await log_in(identity)
    assert isinstance(pair, TokenPair)
    assert (await principal_of(identity, pair)).permissions
    await require(identity, admin.id, "admins")
    limited = await principal_of(identity, pair)
    assert limited.permissions == {Permission.ACCOUNT} and limited.mfa_enrolment_required
    await require(identity, admin.id, "off")
    assert (await principal_of(identity, pair)).permissions > {Permission.ACCOUNT}


async def test_api_keys_keep_working_when_mfa_is_enabled_or_required(
        identity: Any, mfa: Any, clock: FakeClock) -> None:
    admin = await register(identity)
    session = await session_of(identity)
    created = await identity.create_api_key().execute(CreateApiKeyCommand(
        principal=session, name="radarr", scopes=(Permission.WEBHOOKS,)))
    await enrol_totp(mfa, clock, session)
    await require(identity, admin.id, "all")
    by_key = await identity.authenticate_request().execute(
        Credential(kind="api_key", token=created.key))
    assert by_key is not None and by_key.permissions == {Permission.WEBHOOKS}
