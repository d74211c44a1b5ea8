"""Enrolling and removing factors: TOTP pending until verified, recent re-authentication
for every change, audit events, "log out other sessions"."""

from __future__ import annotations

from typing import Any

import pytest

from revenge.application.identity.authenticate_request import Credential
from revenge.application.identity.create_api_key import CreateApiKeyCommand
from revenge.application.identity.views import MfaChallenge
from revenge.application.mfa.confirm_totp import ConfirmTotpCommand
from revenge.application.mfa.factor_changes import FactorCommand
from revenge.application.mfa.reauthenticate import ReauthenticateCommand
from revenge.application.mfa.views import TotpSetup
from revenge.application.shared.principal import Principal
from revenge.domain.errors import Conflict, Forbidden, NotFound, RuleViolation
from revenge.domain.identity.audit import AuditFilter, AuditType
from revenge.domain.mfa.enrolment import Method, ReauthenticationRequired
from revenge.domain.shared.permissions import Permission
from tests.unit.mfa.conftest import (
    PASSWORD,
    FakeClock,
    enrol_totp,
    log_in,
    register,
    session_of,
    totp_now,
)


@pytest.fixture
async def alice(identity: Any) -> Principal:
    await register(identity)
    return await session_of(identity)


async def set_up(mfa: Any, principal: Principal) -> TotpSetup:
    setup: TotpSetup = await mfa.set_up_totp().execute(FactorCommand(principal=principal))
    return setup


async def confirm(mfa: Any, principal: Principal, code: str, **extra: Any) -> int:
    revoked: int = await mfa.confirm_totp().execute(
        ConfirmTotpCommand(principal=principal, code=code, **extra))
    return revoked


async def status(mfa: Any, principal: Principal) -> Any:
    return await mfa.queries().status(principal)


async def test_totp_setup_gives_secret_uri_and_qr_codes_and_stays_pending(
        mfa: Any, alice: Principal) -> None:
    setup = await set_up(mfa, alice)
    assert setup.uri.startswith("otpauth://totp/Revenge:alice?")
    assert setup.qr_svg.startswith("<svg") and setup.qr_png_base64.startswith("iVBORw0KGgo")
    current = await status(mfa, alice)
    assert (current.totp, current.enabled, current.methods) == ("pending", False, [])


async def test_a_pending_totp_is_not_asked_for_at_login(identity: Any, mfa: Any,
                                                        alice: Principal) -> None:
    await set_up(mfa, alice)
    assert not isinstance(await log_in(identity), MfaChallenge)


async def test_the_first_correct_code_enables_totp_and_mfa(mfa: Any, clock: FakeClock,
                                                           alice: Principal) -> None:
    setup = await set_up(mfa, alice)
    with pytest.raises(RuleViolation):
        await confirm(mfa, alice, "000000" if totp_now(setup.secret, clock) != "000000"
                      else "111111")
    await confirm(mfa, alice, totp_now(setup.secret, clock))
    current = await status(mfa, alice)
    assert (current.totp, current.enabled, current.methods) == ("enabled", True, ["totp"])
    assert current.session_mfa_verified


async def test_setting_up_again_while_enabled_is_a_conflict(mfa: Any, clock: FakeClock,
                                                            alice: Principal) -> None:
    await enrol_totp(mfa, clock, alice)
    with pytest.raises(Conflict):
        await set_up(mfa, alice)


async def test_removing_the_last_factor_switches_mfa_off(identity: Any, mfa: Any,
                                                         clock: FakeClock,
                                                         alice: Principal) -> None:
    await enrol_totp(mfa, clock, alice)
    await mfa.remove_totp().execute(FactorCommand(principal=alice))
    assert not (await status(mfa, alice)).enabled
    assert not isinstance(await log_in(identity), MfaChallenge)
    with pytest.raises(NotFound):
        await mfa.remove_totp().execute(FactorCommand(principal=alice))


async def test_mfa_can_be_switched_off_and_on_while_a_factor_remains(
        identity: Any, mfa: Any, clock: FakeClock, alice: Principal) -> None:
    await enrol_totp(mfa, clock, alice)
    await mfa.disable_mfa().execute(FactorCommand(principal=alice))
    assert not isinstance(await log_in(identity), MfaChallenge)
    await mfa.enable_mfa().execute(FactorCommand(principal=alice))
    assert isinstance(await log_in(identity), MfaChallenge)


async def test_mfa_cannot_be_enabled_without_a_factor(mfa: Any, alice: Principal) -> None:
    with pytest.raises(RuleViolation):
        await mfa.enable_mfa().execute(FactorCommand(principal=alice))


async def test_changing_factors_needs_a_recent_proof_of_identity(
        mfa: Any, clock: FakeClock, alice: Principal) -> None:
    clock.advance(minutes=11)
    with pytest.raises(ReauthenticationRequired):
        await set_up(mfa, alice)
    until = await mfa.reauthenticate().execute(
        ReauthenticateCommand(principal=alice, password=PASSWORD))
    assert (until - clock.now()).total_seconds() == 600
    assert (await set_up(mfa, alice)).secret


async def test_a_second_factor_also_counts_as_re_authentication(
        mfa: Any, clock: FakeClock, alice: Principal) -> None:
    secret = await enrol_totp(mfa, clock, alice)
    clock.advance(minutes=11)
    with pytest.raises(ReauthenticationRequired):
        await mfa.disable_mfa().execute(FactorCommand(principal=alice))
    await mfa.reauthenticate().execute(ReauthenticateCommand(
        principal=alice, method=Method.TOTP, code=totp_now(secret, clock)))
    await mfa.disable_mfa().execute(FactorCommand(principal=alice))


async def test_a_wrong_re_authentication_is_refused(mfa: Any, alice: Principal) -> None:
    with pytest.raises(RuleViolation):
        await mfa.reauthenticate().execute(
            ReauthenticateCommand(principal=alice, password="not my password at all"))


async def test_api_keys_cannot_change_factors(identity: Any, mfa: Any,
                                              alice: Principal) -> None:
    created = await identity.create_api_key().execute(CreateApiKeyCommand(
        principal=alice, name="script", scopes=(Permission.LIBRARY_READ,)))
    by_key = await identity.authenticate_request().execute(
        Credential(kind="api_key", token=created.key))
    with pytest.raises(Forbidden):
        await set_up(mfa, by_key)


async def test_enabling_totp_can_log_out_the_other_sessions(identity: Any, mfa: Any,
                                                            clock: FakeClock,
                                                            alice: Principal) -> None:
    other = await session_of(identity)
    setup = await set_up(mfa, alice)
    assert await confirm(mfa, alice, totp_now(setup.secret, clock), log_out_others=True) == 1
    sessions = await identity.queries().sessions(alice)
    assert [s.id for s in sessions] == [alice.session_id]
    assert other.session_id != alice.session_id


async def test_every_factor_change_is_audited(identity: Any, mfa: Any, clock: FakeClock,
                                              alice: Principal) -> None:
    await enrol_totp(mfa, clock, alice)
    await mfa.remove_totp().execute(FactorCommand(principal=alice))
    page = await identity.queries().audit(AuditFilter(user_id=alice.user_id), 50, None)
    types = [e.type for e in page.items]
    for expected in (AuditType.TOTP_SET_UP, AuditType.TOTP_ENABLED, AuditType.MFA_ENABLED,
                     AuditType.TOTP_REMOVED, AuditType.MFA_DISABLED):
        assert expected in types
