"""Brute-force protection: per-IP and per-account limits, soft and temporary."""

from __future__ import annotations

from typing import Any

import pytest

from revenge.application.identity.common import ClientInfo
from revenge.application.identity.request_password_reset import RequestPasswordResetCommand
from revenge.domain.errors import AuthenticationFailed, TooManyAttempts
from revenge.domain.identity.audit import AuditFilter, AuditType
from tests.unit.identity.conftest import FakeClock, log_in, register

WRONG = "definitely not the password"


def ip(n: int) -> ClientInfo:
    return ClientInfo(ip=f"198.51.100.{n}")


async def fail(identity: Any, times: int, *, username: str = "alice",
               client: ClientInfo | None = None, start: int = 1) -> list[type[Exception]]:
    outcomes: list[type[Exception]] = []
    for n in range(times):
        with pytest.raises((AuthenticationFailed, TooManyAttempts)) as caught:
            await log_in(identity, username, WRONG, client or ip(start + n))
        outcomes.append(type(caught.value))
    return outcomes


async def test_ten_wrong_passwords_from_one_ip_answer_429_with_retry_after(
        identity: Any) -> None:
    await register(identity)
    outcomes = await fail(identity, 10, client=ip(7))
    assert outcomes == [AuthenticationFailed] * 9 + [TooManyAttempts]
    with pytest.raises(TooManyAttempts) as caught:
        await log_in(identity, client=ip(7))  # even the right password now waits
    assert 0 < caught.value.retry_after_seconds <= 15 * 60


async def test_the_ip_block_ends_after_the_window(identity: Any, clock: FakeClock) -> None:
    await register(identity)
    await fail(identity, 10, client=ip(7))
    clock.advance(minutes=16)
    assert (await log_in(identity, client=ip(7))).user.username == "alice"


async def test_consecutive_failures_from_many_ips_lock_the_account_for_a_while(
        identity: Any, clock: FakeClock) -> None:
    await register(identity)
    outcomes = await fail(identity, 20)  # default threshold: 20 (at most 100)
    assert outcomes[-1] is TooManyAttempts
    with pytest.raises(TooManyAttempts):
        await log_in(identity, client=ip(200))
    clock.advance(minutes=16)
    assert await log_in(identity, client=ip(200))


async def test_the_account_lock_never_shuts_out_an_ip_the_owner_logged_in_from(
        identity: Any) -> None:
    await register(identity)
    await log_in(identity, client=ip(250))
    await fail(identity, 20)
    assert await log_in(identity, client=ip(250))


async def test_a_success_resets_the_consecutive_failure_count(identity: Any) -> None:
    await register(identity)
    await fail(identity, 15)
    await log_in(identity, client=ip(100))
    outcomes = await fail(identity, 15, start=120)
    assert TooManyAttempts not in outcomes


async def test_unknown_usernames_are_throttled_like_known_ones(identity: Any) -> None:
    await register(identity)
    outcomes = await fail(identity, 10, username="ghost", client=ip(9))
    assert outcomes[-1] is TooManyAttempts


async def test_failed_logins_are_audited_without_the_password(identity: Any) -> None:
    user = await register(identity)
    await fail(identity, 1)
    page = await identity.queries().audit(AuditFilter(type=AuditType.LOGIN_FAILED), 10, None)
    assert page.total == 1 and page.items[0].subject_id == user.id
    assert WRONG not in repr(page.items[0])


async def test_forgot_password_allows_ten_requests_per_ip_an_hour_then_answers_429(
        identity: Any, clock: FakeClock) -> None:
    await register(identity)
    for n in range(10):  # known and unknown accounts alike: the limit is per client IP
        await identity.request_password_reset().execute(RequestPasswordResetCommand(
            identifier="alice" if n % 2 else f"ghost{n}", client=ip(42)))
    with pytest.raises(TooManyAttempts) as caught:
        await identity.request_password_reset().execute(
            RequestPasswordResetCommand(identifier="alice", client=ip(42)))
    assert 0 < caught.value.retry_after_seconds <= 3600
    await identity.request_password_reset().execute(  # another IP is not affected
        RequestPasswordResetCommand(identifier="alice", client=ip(43)))
    clock.advance(minutes=61)
    await identity.request_password_reset().execute(
        RequestPasswordResetCommand(identifier="alice", client=ip(42)))


async def test_an_unknown_username_costs_a_password_verification_like_a_known_one(
        identity: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    await register(identity)
    hasher = identity.hasher()
    verified: list[str] = []
    original = hasher.verify

    async def counting(password_hash: str, password: str) -> bool:
        verified.append(password_hash)
        return bool(await original(password_hash, password))

    monkeypatch.setattr(hasher, "verify", counting)
    await fail(identity, 1, username="ghost")
    await fail(identity, 1, username="alice")
    assert len(verified) == 2 and all(h.startswith("$argon2id$") for h in verified)
