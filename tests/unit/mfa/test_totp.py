"""TOTP: RFC 6238 vectors, an independent implementation's codes, ±1 step and nothing
more, each time step accepted once."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from typing import Any

import pytest

from revenge.adapters.crypto.aead import AesGcmSecretBox, generate_key
from revenge.adapters.crypto.system import Uuid7Ids
from revenge.adapters.crypto.totp import PyOtpTotp
from revenge.application.identity.common import Kit
from revenge.application.identity.views import MfaChallenge, TokenPair
from revenge.application.mfa.code_checks import TotpCodes, totp_associated
from revenge.application.mfa.verify_mfa_login import VerifyMfaLoginCommand
from revenge.domain.errors import AuthenticationFailed
from revenge.domain.mfa.enrolment import Method
from revenge.domain.mfa.totp import TotpFactor, normalise_code, steps_around
from tests.unit.mfa.conftest import (
    FakeClock,
    enrol_totp,
    hotp,
    log_in,
    register,
    session_of,
    totp_now,
)

RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # ASCII "12345678901234567890"
RFC_6238_SHA1 = [(59, "94287082"), (1111111109, "07081804"), (1111111111, "14050471"),
                 (1234567890, "89005924"), (2000000000, "69279037"),
                 (20000000000, "65353130")]


def sealed_factor(box: AesGcmSecretBox, secret: str) -> TotpFactor:
    return TotpFactor(user_id="u1", secret=box.encrypt(secret.encode(), totp_associated("u1")),
                      created_at=datetime(2026, 1, 1, tzinfo=UTC), enabled=True)


@pytest.mark.parametrize(("unix_time", "code"), RFC_6238_SHA1)
def test_rfc_6238_sha1_vectors_come_out_of_our_totp_adapter(unix_time: int, code: str) -> None:
    assert PyOtpTotp(digits=8).code_at(RFC_SECRET, unix_time // 30) == code


@pytest.mark.parametrize(("unix_time", "code"), RFC_6238_SHA1)
def test_rfc_6238_sha1_vectors_verify_on_our_code_path_with_an_injected_clock(
        unix_time: int, code: str) -> None:
    clock = FakeClock()
    clock.current = datetime.fromtimestamp(unix_time, UTC)
    box = AesGcmSecretBox([generate_key()])
    codes = TotpCodes(PyOtpTotp(), box, Kit(clock, Uuid7Ids()))
    # Six digits: RFC 4226 truncation keeps the last six of the vectors' eight.
    assert codes.matching_step(sealed_factor(box, RFC_SECRET), code[-6:]) == unix_time // 30


@pytest.mark.parametrize(("typed", "normalised"), [
    ("123456", "123456"), (" 123 456 ", "123456"), ("123-456", "123456"),
    ("12345", None), ("1234567", None), ("12345a", None), ("١٢٣٤٥٦", None), ("", None)])
def test_typed_codes_forgive_spaces_and_dashes_only(typed: str, normalised: str | None) -> None:
    assert normalise_code(typed) == normalised


def test_a_code_may_belong_to_the_current_step_or_one_either_side_and_no_other() -> None:
    assert sorted(steps_around(1000)) == [999, 1000, 1001]


async def mfa_login(identity: Any, mfa: Any, code: str) -> TokenPair:
    challenge = await log_in(identity)
    assert isinstance(challenge, MfaChallenge)
    pair: TokenPair = await mfa.verify_login().execute(VerifyMfaLoginCommand(
        mfa_token=challenge.mfa_token, method=Method.TOTP, code=code))
    return pair


def oathtool(secret: str, clock: FakeClock) -> str:
    when = clock.now().strftime("%Y-%m-%d %H:%M:%S UTC")
    result = subprocess.run(["oathtool", "--totp", "-b", secret, "--now", when],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


@pytest.fixture(params=["oathtool", "hmac"])
def independent(request: pytest.FixtureRequest) -> Any:
    if request.param == "oathtool" and shutil.which("oathtool") is None:
        pytest.skip("oathtool is not installed (apt-get install oathtool); "
                    "the hmac variant still runs")
    if request.param == "oathtool":
        return oathtool
    return lambda secret, clock: totp_now(secret, clock)


async def test_an_independently_generated_code_is_accepted_once_only(
        identity: Any, mfa: Any, clock: FakeClock, independent: Any) -> None:
    await register(identity)
    secret = await enrol_totp(mfa, clock, await session_of(identity))
    code = independent(secret, clock)
    assert (await mfa_login(identity, mfa, code)).access_token
    with pytest.raises(AuthenticationFailed):
        await mfa_login(identity, mfa, code)


async def test_second_login_with_same_totp_code_is_refused_even_in_the_next_step(
        identity: Any, mfa: Any, clock: FakeClock) -> None:
    await register(identity)
    secret = await enrol_totp(mfa, clock, await session_of(identity))
    code = totp_now(secret, clock)
    await mfa_login(identity, mfa, code)
    clock.advance(seconds=30)  # the code is now one step old: inside the window, but used
    with pytest.raises(AuthenticationFailed):
        await mfa_login(identity, mfa, code)


@pytest.mark.parametrize(("steps", "accepted"), [(-2, False), (-1, True), (0, True),
                                                 (1, True), (2, False)])
async def test_codes_one_step_off_are_accepted_and_two_steps_off_refused(
        identity: Any, mfa: Any, clock: FakeClock, steps: int, accepted: bool) -> None:
    await register(identity)
    secret = await enrol_totp(mfa, clock, await session_of(identity))
    clock.advance(seconds=60)  # well past the enrolment code's step
    code = totp_now(secret, clock, steps)
    if accepted:
        assert (await mfa_login(identity, mfa, code)).access_token
    else:
        with pytest.raises(AuthenticationFailed):
            await mfa_login(identity, mfa, code)


async def test_an_older_code_is_refused_once_a_newer_step_was_used(
        identity: Any, mfa: Any, clock: FakeClock) -> None:
    await register(identity)
    secret = await enrol_totp(mfa, clock, await session_of(identity))
    clock.advance(seconds=60)
    await mfa_login(identity, mfa, totp_now(secret, clock, 1))
    with pytest.raises(AuthenticationFailed):
        await mfa_login(identity, mfa, totp_now(secret, clock, 0))


def test_new_secrets_are_160_bit_base32_and_the_uri_names_issuer_and_account() -> None:
    algorithm = PyOtpTotp()
    secret = algorithm.new_secret()
    assert len(secret) * 5 == 160 and secret.isupper()
    assert secret != algorithm.new_secret()
    uri = algorithm.uri(secret, "alice", "Revenge")
    assert uri.startswith("otpauth://totp/Revenge:alice?") and f"secret={secret}" in uri
    assert "issuer=Revenge" in uri
    assert algorithm.code_at(secret, 12345) == hotp(secret, 12345)
