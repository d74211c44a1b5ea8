"""Backup codes: ten of XXXX-XXXX-XXXX-XXXX, typed loosely, each working once."""

from __future__ import annotations

import re
from typing import Any

import pytest

from revenge.application.identity.common import ClientInfo
from revenge.application.identity.views import MfaChallenge, TokenPair
from revenge.application.mfa.generate_backup_codes import GenerateBackupCodesCommand
from revenge.application.mfa.verify_mfa_login import VerifyMfaLoginCommand
from revenge.application.mfa.views import BackupCodeSet
from revenge.domain.errors import AuthenticationFailed, Conflict
from revenge.domain.identity.audit import AuditFilter, AuditType
from revenge.domain.mfa.backup_codes import display, normalise
from revenge.domain.mfa.enrolment import Method
from tests.unit.mfa.conftest import FakeClock, enrol_totp, log_in, register, session_of

SHOWN = re.compile(r"^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$")


@pytest.mark.parametrize(("typed", "normalised"), [
    ("0123-4567-89AB-CDEF", "0123456789abcdef"), ("0123456789abcdef", "0123456789abcdef"),
    (" 0123 4567 89ab cdef ", "0123456789abcdef"), ("0123-4567 89Ab-cDeF", "0123456789abcdef"),
    ("0123-4567-89AB-CDE", None), ("0123-4567-89AB-CDEFA", None), ("0123-4567-89AB-CDEG", None),
    ("0123_4567_89AB_CDEF", None), ("", None)])
def test_typed_backup_codes_forgive_case_dashes_and_spaces(typed: str,
                                                           normalised: str | None) -> None:
    assert normalise(typed) == normalised


def test_backup_codes_are_shown_in_four_groups_of_four() -> None:
    assert display("0123456789abcdef") == "0123-4567-89AB-CDEF"


async def generate(mfa: Any, principal: Any, replace: bool = False) -> list[str]:
    result: BackupCodeSet = await mfa.generate_backup_codes().execute(
        GenerateBackupCodesCommand(principal=principal, replace=replace))
    return result.codes


async def use(identity: Any, mfa: Any, code: str, ip: str = "192.0.2.10") -> TokenPair:
    challenge = await log_in(identity)
    assert isinstance(challenge, MfaChallenge)
    pair: TokenPair = await mfa.verify_login().execute(VerifyMfaLoginCommand(
        mfa_token=challenge.mfa_token, method=Method.BACKUP_CODE, code=code,
        client=ClientInfo(ip=ip)))
    return pair


@pytest.fixture
async def principal(identity: Any, mfa: Any, clock: FakeClock) -> Any:
    """Alice's session, TOTP enrolled (still recent enough to change factors)."""
    await register(identity)
    principal = await session_of(identity)
    await enrol_totp(mfa, clock, principal)
    return principal


@pytest.fixture
async def codes(mfa: Any, principal: Any) -> list[str]:
    return await generate(mfa, principal)


async def test_ten_distinct_codes_are_generated_and_shown_once(codes: list[str]) -> None:
    assert len(codes) == len(set(codes)) == 10
    assert all(SHOWN.match(code) for code in codes)


async def test_each_backup_code_works_once_and_an_eleventh_attempt_with_a_used_one_fails(
        identity: Any, mfa: Any, codes: list[str]) -> None:
    for code in codes:
        assert (await use(identity, mfa, code.lower().replace("-", " "))).access_token
    with pytest.raises(AuthenticationFailed):
        await use(identity, mfa, codes[0])


async def test_backup_codes_are_offered_at_login_while_some_remain(
        identity: Any, codes: list[str]) -> None:
    challenge = await log_in(identity)
    assert isinstance(challenge, MfaChallenge)
    assert challenge.methods == ["totp", "backup_code"]


async def test_using_a_code_records_when_and_from_where(identity: Any, mfa: Any,
                                                        codes: list[str]) -> None:
    await use(identity, mfa, codes[3], ip="203.0.113.9")
    page = await identity.queries().audit(AuditFilter(type=AuditType.BACKUP_CODE_USED), 5, None)
    assert page.items[0].ip == "203.0.113.9" and page.items[0].details["remaining"] == "9"
    async with mfa.uow()() as tx:
        used = [c for c in await tx.backup_codes.of_user(page.items[0].subject_id)
                if not c.unused]
    assert [(c.used_ip, c.used_at is not None) for c in used] == [("203.0.113.9", True)]


async def test_regenerate_invalidates_the_old_set(identity: Any, mfa: Any, principal: Any,
                                                  codes: list[str]) -> None:
    fresh = await generate(mfa, principal, replace=True)
    with pytest.raises(AuthenticationFailed):
        await use(identity, mfa, codes[1])
    assert (await use(identity, mfa, fresh[1])).access_token


async def test_generate_refuses_to_replace_unused_codes_silently(mfa: Any, principal: Any,
                                                                 codes: list[str]) -> None:
    with pytest.raises(Conflict):
        await generate(mfa, principal)


async def test_codes_are_stored_as_argon2id_hashes(identity: Any, mfa: Any,
                                                   codes: list[str]) -> None:
    async with mfa.uow()() as tx:
        user = await tx.users.by_login("alice")
        stored = await tx.backup_codes.of_user(user.id)
    assert all(c.code_hash.startswith("$argon2id$") for c in stored)
    raw = {normalise(code) for code in codes}
    assert not any(r in c.code_hash for c in stored for r in raw if r)
