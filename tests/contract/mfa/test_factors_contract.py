"""TOTP factors, backup codes and MFA profiles: the same behaviour in memory and in
PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.domain.identity.users import User
from revenge.domain.mfa.backup_codes import BackupCode
from revenge.domain.mfa.enrolment import MfaProfile
from revenge.domain.mfa.totp import TotpFactor
from tests.contract.mfa.conftest import NOW, later, new_id


def a_factor(user: User, **extra: object) -> TotpFactor:
    return TotpFactor(user_id=user.id, secret="v1.k.sealed", created_at=NOW, **extra)


def codes_of(user: User, n: int = 3) -> list[BackupCode]:
    return [BackupCode(id=new_id(), user_id=user.id, code_hash=f"$argon2id$h{i}",
                       created_at=NOW) for i in range(n)]


async def test_a_totp_factor_is_saved_replaced_and_deleted(uow: MfaUnitOfWorkFactory,
                                                           alice: User) -> None:
    async with uow() as tx:
        await tx.totp.save(a_factor(alice))
        await tx.totp.save(a_factor(alice, enabled=True, enabled_at=later(1),
                                    last_used_step=7))
        await tx.commit()
    async with uow() as tx:
        assert await tx.totp.get(alice.id) == a_factor(alice, enabled=True, enabled_at=later(1),
                                                       last_used_step=7)
        await tx.totp.delete(alice.id)
        await tx.commit()
    async with uow() as tx:
        assert await tx.totp.get(alice.id) is None


async def test_a_time_step_is_used_once_and_never_an_earlier_one(uow: MfaUnitOfWorkFactory,
                                                                 alice: User) -> None:
    async with uow() as tx:
        await tx.totp.save(a_factor(alice, enabled=True))
        assert await tx.totp.use_step(alice.id, 100)
        assert not await tx.totp.use_step(alice.id, 100)
        assert not await tx.totp.use_step(alice.id, 99)
        assert await tx.totp.use_step(alice.id, 101)
        await tx.commit()
    async with uow() as tx:
        factor = await tx.totp.get(alice.id)
    assert factor is not None and factor.last_used_step == 101


async def test_backup_codes_are_replaced_as_a_set_and_spent_once(uow: MfaUnitOfWorkFactory,
                                                                 alice: User) -> None:
    old, new = codes_of(alice), codes_of(alice, 10)
    async with uow() as tx:
        await tx.backup_codes.replace(alice.id, old)
        await tx.backup_codes.replace(alice.id, new)
        assert await tx.backup_codes.spend(new[4].id, later(2), "203.0.113.4")
        assert not await tx.backup_codes.spend(new[4].id, later(3), "203.0.113.5")
        assert not await tx.backup_codes.spend(old[0].id, later(3), "203.0.113.5")
        await tx.commit()
    async with uow() as tx:
        kept = await tx.backup_codes.of_user(alice.id)
    assert sorted(c.id for c in kept) == sorted(c.id for c in new)
    spent = [c for c in kept if not c.unused]
    assert [(c.id, c.used_at, c.used_ip) for c in spent] == [(new[4].id, later(2),
                                                             "203.0.113.4")]


async def test_mfa_profiles_are_saved_and_replaced(uow: MfaUnitOfWorkFactory,
                                                   alice: User) -> None:
    async with uow() as tx:
        assert await tx.mfa_profiles.get(alice.id) is None
        await tx.mfa_profiles.save(MfaProfile(user_id=alice.id, enabled=True, changed_at=NOW))
        await tx.mfa_profiles.save(MfaProfile(user_id=alice.id, enabled=False,
                                              changed_at=NOW + timedelta(hours=1)))
        await tx.commit()
    async with uow() as tx:
        assert await tx.mfa_profiles.get(alice.id) == MfaProfile(
            user_id=alice.id, enabled=False, changed_at=NOW + timedelta(hours=1))


async def test_nothing_is_kept_without_commit(uow: MfaUnitOfWorkFactory, alice: User) -> None:
    async with uow() as tx:
        await tx.totp.save(a_factor(alice))
        await tx.backup_codes.replace(alice.id, codes_of(alice))
    async with uow() as tx:
        assert await tx.totp.get(alice.id) is None
        assert await tx.backup_codes.of_user(alice.id) == []


async def test_factors_go_with_their_user(uow: MfaUnitOfWorkFactory, alice: User) -> None:
    async with uow() as tx:
        await tx.totp.save(a_factor(alice))
        await tx.backup_codes.replace(alice.id, codes_of(alice))
        await tx.mfa_profiles.save(MfaProfile(user_id=alice.id, enabled=True, changed_at=NOW))
        await tx.users.delete(alice.id)
        await tx.commit()
    async with uow() as tx:
        assert await tx.totp.get(alice.id) is None
        assert await tx.backup_codes.of_user(alice.id) == []
        assert await tx.mfa_profiles.get(alice.id) is None
