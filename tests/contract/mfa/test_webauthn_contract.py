"""WebAuthn credentials and challenges, and MFA tokens: the same behaviour in memory and
in PostgreSQL."""

from __future__ import annotations

import os

import msgspec
import pytest

from revenge.application.mfa.ports import MfaUnitOfWorkFactory
from revenge.domain.errors import Conflict
from revenge.domain.identity.users import User
from revenge.domain.mfa.enrolment import MfaToken
from revenge.domain.mfa.webauthn import Challenge, ChallengePurpose, WebAuthnCredential
from tests.contract.mfa.conftest import NOW, a_user, later, new_id, stored


def a_credential(user: User, name: str = "YubiKey", minutes: int = 0) -> WebAuthnCredential:
    return WebAuthnCredential(
        id=new_id(), user_id=user.id, credential_id=os.urandom(32), public_key=os.urandom(77),
        sign_count=3, name=name, created_at=later(minutes), aaguid="5265766e-6765",
        transports=("usb", "nfc"), backup_eligible=True, backup_state=False)


def a_challenge(purpose: ChallengePurpose, user: User | None, minutes: int = 5) -> Challenge:
    return Challenge(id=new_id(), challenge=os.urandom(32), purpose=purpose,
                     user_id=user.id if user else None, created_at=NOW,
                     expires_at=later(minutes))


async def test_credentials_are_found_by_id_by_credential_id_and_by_user(
        uow: MfaUnitOfWorkFactory, alice: User) -> None:
    first, second = a_credential(alice), a_credential(alice, "Phone", minutes=1)
    async with uow() as tx:
        await tx.webauthn.add(second)
        await tx.webauthn.add(first)
        await tx.commit()
    async with uow() as tx:
        assert await tx.webauthn.get(first.id) == first
        assert await tx.webauthn.by_credential_id(second.credential_id) == second
        assert await tx.webauthn.of_user(alice.id) == [first, second]
        assert await tx.webauthn.get("not-a-uuid") is None
        assert await tx.webauthn.by_credential_id(b"unknown") is None


async def test_a_credential_id_is_registered_once_across_users(uow: MfaUnitOfWorkFactory,
                                                               alice: User) -> None:
    bob = a_user("bob")
    await stored(uow, bob)  # type: ignore[arg-type]
    credential = a_credential(alice)
    async with uow() as tx:
        await tx.webauthn.add(credential)
        await tx.commit()
    copy = msgspec.structs.replace(a_credential(bob), credential_id=credential.credential_id)
    async with uow() as tx:
        with pytest.raises(Conflict):
            await tx.webauthn.add(copy)


async def test_use_rename_flag_and_delete_a_credential(uow: MfaUnitOfWorkFactory,
                                                       alice: User) -> None:
    credential = a_credential(alice)
    changed = msgspec.structs.replace(credential.used(later(3), 9, True), name="Desk key")
    async with uow() as tx:
        await tx.webauthn.add(credential)
        await tx.webauthn.update(changed.flagged_cloned(later(4)))
        await tx.commit()
    async with uow() as tx:
        assert await tx.webauthn.get(credential.id) == changed.flagged_cloned(later(4))
        await tx.webauthn.delete(credential.id)
        await tx.commit()
    async with uow() as tx:
        assert await tx.webauthn.of_user(alice.id) == []


async def test_a_challenge_is_taken_once_for_its_purpose_before_it_expires(
        uow: MfaUnitOfWorkFactory, alice: User) -> None:
    mfa, passkey, stale = (a_challenge(ChallengePurpose.MFA, alice),
                           a_challenge(ChallengePurpose.PASSKEY, None),
                           a_challenge(ChallengePurpose.REGISTER, alice, minutes=1))
    async with uow() as tx:
        for challenge in (mfa, passkey, stale):
            await tx.challenges.add(challenge)
        await tx.commit()
    async with uow() as tx:
        assert await tx.challenges.take(mfa.id, ChallengePurpose.PASSKEY, later(1)) is None
        assert await tx.challenges.take(mfa.id, ChallengePurpose.MFA, later(1)) == mfa
        assert await tx.challenges.take(mfa.id, ChallengePurpose.MFA, later(1)) is None
        assert await tx.challenges.take(passkey.id, ChallengePurpose.PASSKEY, later(1)) == passkey
        assert await tx.challenges.take(stale.id, ChallengePurpose.REGISTER, later(2)) is None
        assert await tx.challenges.take("nonsense", ChallengePurpose.MFA, later(1)) is None


async def test_expired_challenges_are_purged(uow: MfaUnitOfWorkFactory, alice: User) -> None:
    stale = a_challenge(ChallengePurpose.MFA, alice, minutes=1)
    fresh = a_challenge(ChallengePurpose.MFA, alice, minutes=10)
    async with uow() as tx:
        await tx.challenges.add(stale)
        await tx.challenges.add(fresh)
        await tx.challenges.purge(later(5))
        await tx.commit()
    async with uow() as tx:
        assert await tx.challenges.take(fresh.id, ChallengePurpose.MFA, later(6)) == fresh


async def test_an_mfa_token_is_spent_once(uow: MfaUnitOfWorkFactory, alice: User) -> None:
    token = MfaToken(token_hash="digest-1", user_id=alice.id, created_at=NOW,
                     expires_at=later(5))
    async with uow() as tx:
        await tx.mfa_tokens.add(token)
        await tx.commit()
    async with uow() as tx:
        assert await tx.mfa_tokens.get("digest-1") == token
        assert await tx.mfa_tokens.spend("digest-1", later(1))
        assert not await tx.mfa_tokens.spend("digest-1", later(2))
        assert not await tx.mfa_tokens.spend("unknown", later(2))
        await tx.commit()
    async with uow() as tx:
        spent = await tx.mfa_tokens.get("digest-1")
    assert spent is not None and spent.used_at == later(1) and not spent.usable(later(2))


async def test_expired_mfa_tokens_are_purged(uow: MfaUnitOfWorkFactory, alice: User) -> None:
    async with uow() as tx:
        for name, minutes in (("stale", 1), ("fresh", 10)):
            await tx.mfa_tokens.add(MfaToken(token_hash=name, user_id=alice.id,
                                             created_at=NOW, expires_at=later(minutes)))
        await tx.mfa_tokens.purge(later(5))
        await tx.commit()
    async with uow() as tx:
        assert await tx.mfa_tokens.get("stale") is None
        assert await tx.mfa_tokens.get("fresh") is not None


async def test_credentials_and_tokens_go_with_their_user(uow: MfaUnitOfWorkFactory,
                                                         alice: User) -> None:
    async with uow() as tx:
        await tx.webauthn.add(a_credential(alice))
        await tx.mfa_tokens.add(MfaToken(token_hash="d", user_id=alice.id, created_at=NOW,
                                         expires_at=later(5)))
        await tx.users.delete(alice.id)
        await tx.commit()
    async with uow() as tx:
        assert await tx.webauthn.of_user(alice.id) == []
        assert await tx.mfa_tokens.get("d") is None
