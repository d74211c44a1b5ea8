"""WebAuthn ceremonies through the use cases (memory profile) with the software
authenticator: the checks that guard the MFA login and passkey sign-in."""

from __future__ import annotations

from typing import Any

import pytest

from revenge.application.identity.views import MfaChallenge, TokenPair
from revenge.application.mfa.factor_changes import FactorCommand
from revenge.application.mfa.finish_passkey_login import FinishPasskeyLoginCommand
from revenge.application.mfa.finish_webauthn_login import FinishWebAuthnLoginCommand
from revenge.application.mfa.finish_webauthn_registration import (
    FinishWebAuthnRegistrationCommand,
)
from revenge.application.shared.principal import Principal
from revenge.domain.errors import AuthenticationFailed, RuleViolation
from tests.support.webauthn_authenticator import SoftwareAuthenticator
from tests.unit.identity.conftest import create
from tests.unit.mfa.conftest import (
    FakeClock,
    enrol_totp,
    log_in,
    principal_of,
    register,
    session_of,
)

ORIGIN = "http://localhost:8096"  # the default public URL of the memory container


async def register_key(mfa: Any, principal: Principal,
                       authenticator: SoftwareAuthenticator) -> None:
    begun = await mfa.begin_registration().execute(FactorCommand(principal=principal))
    await mfa.finish_registration().execute(FinishWebAuthnRegistrationCommand(
        principal=principal, challenge_id=begun.challenge_id,
        credential=authenticator.create(begun.options), name="Key"))


async def passkey(mfa: Any, authenticator: SoftwareAuthenticator, **lie: Any) -> TokenPair:
    begun = await mfa.begin_passkey_login().execute()
    pair: TokenPair = await mfa.finish_passkey_login().execute(FinishPasskeyLoginCommand(
        challenge_id=begun.challenge_id, credential=authenticator.get(begun.options, **lie)))
    return pair


@pytest.fixture
async def alice(identity: Any) -> Principal:
    await register(identity)
    return await session_of(identity)


async def test_a_key_makes_mfa_required_and_is_offered_first(identity: Any, mfa: Any,
                                                             alice: Principal) -> None:
    await register_key(mfa, alice, SoftwareAuthenticator(ORIGIN))
    challenge = await log_in(identity)
    assert isinstance(challenge, MfaChallenge) and challenge.methods == ["webauthn"]


async def test_authenticators_without_a_counter_keep_working(identity: Any, mfa: Any,
                                                             alice: Principal) -> None:
    authenticator = SoftwareAuthenticator(ORIGIN, counter=False)
    await register_key(mfa, alice, authenticator)
    for _ in range(3):
        pair = await passkey(mfa, authenticator)
        assert (await principal_of(identity, pair)).mfa_verified


async def test_a_key_of_another_user_cannot_complete_my_login(identity: Any, mfa: Any,
                                                              alice: Principal) -> None:
    await register_key(mfa, alice, SoftwareAuthenticator(ORIGIN))
    bob_admin = await identity.queries().user(alice.user_id)
    await create(identity, bob_admin, "bob")
    bobs_key = SoftwareAuthenticator(ORIGIN)
    await register_key(mfa, await session_of(identity, "bob"), bobs_key)
    challenge = await log_in(identity)
    assert isinstance(challenge, MfaChallenge)
    begun = await mfa.begin_webauthn_login().execute(challenge.mfa_token)
    begun.options["allowCredentials"] = []  # bob's authenticator answers anyway
    with pytest.raises(AuthenticationFailed):
        await mfa.finish_webauthn_login().execute(FinishWebAuthnLoginCommand(
            mfa_token=challenge.mfa_token, challenge_id=begun.challenge_id,
            credential=bobs_key.get(begun.options)))


async def test_a_challenge_serves_its_own_login_only(identity: Any, mfa: Any,
                                                     alice: Principal) -> None:
    authenticator = SoftwareAuthenticator(ORIGIN)
    await register_key(mfa, alice, authenticator)
    passkey_begun = await mfa.begin_passkey_login().execute()
    challenge = await log_in(identity)
    assert isinstance(challenge, MfaChallenge)
    with pytest.raises(AuthenticationFailed):  # a passkey challenge in the MFA step
        await mfa.finish_webauthn_login().execute(FinishWebAuthnLoginCommand(
            mfa_token=challenge.mfa_token, challenge_id=passkey_begun.challenge_id,
            credential=authenticator.get(passkey_begun.options)))


async def test_a_registration_challenge_is_single_use(mfa: Any, alice: Principal) -> None:
    authenticator = SoftwareAuthenticator(ORIGIN)
    begun = await mfa.begin_registration().execute(FactorCommand(principal=alice))
    command = FinishWebAuthnRegistrationCommand(
        principal=alice, challenge_id=begun.challenge_id,
        credential=authenticator.create(begun.options))
    await mfa.finish_registration().execute(command)
    with pytest.raises(RuleViolation):
        await mfa.finish_registration().execute(command)


async def test_a_user_without_keys_gets_no_security_key_options(
        identity: Any, mfa: Any, clock: FakeClock, alice: Principal) -> None:
    await enrol_totp(mfa, clock, alice)
    challenge = await log_in(identity)
    assert isinstance(challenge, MfaChallenge)
    with pytest.raises(RuleViolation):
        await mfa.begin_webauthn_login().execute(challenge.mfa_token)
    with pytest.raises(AuthenticationFailed):
        await mfa.begin_webauthn_login().execute("rvm_not-a-token")
