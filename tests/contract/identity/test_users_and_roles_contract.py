"""UserRepository and RoleRepository: memory twin and Postgres behave alike."""

from __future__ import annotations

import msgspec
import pytest

from revenge.application.identity.ports import UnitOfWorkFactory
from revenge.domain.errors import Conflict
from revenge.domain.identity.roles import ADMIN_ROLE_ID, USER_ROLE_ID, Role
from revenge.domain.shared.permissions import Permission
from tests.contract.identity.conftest import a_user, new_id, stored


async def test_a_stored_user_comes_back_equal(uow: UnitOfWorkFactory) -> None:
    user = a_user()
    await stored(uow, user)
    async with uow() as tx:
        assert await tx.users.get(user.id) == user
        assert await tx.users.count() == 1


async def test_users_are_found_by_username_or_email_ignoring_case(
        uow: UnitOfWorkFactory) -> None:
    user = a_user()
    await stored(uow, user)
    async with uow() as tx:
        assert (await tx.users.by_login("ALICE")).id == user.id
        assert (await tx.users.by_login("Alice@Example.ORG")).id == user.id
        assert await tx.users.by_login("bob") is None


@pytest.mark.parametrize(("clash", "field"), [("username", "username"), ("email", "email")])
async def test_usernames_and_emails_are_unique_ignoring_case(
        uow: UnitOfWorkFactory, clash: str, field: str) -> None:
    await stored(uow, a_user())
    other = a_user("bob")
    other = msgspec.structs.replace(other, **{clash: getattr(a_user(), clash).upper()})
    with pytest.raises(Conflict) as caught:
        await stored(uow, other)
    assert caught.value.field == field


async def test_nothing_is_kept_without_commit(uow: UnitOfWorkFactory) -> None:
    async with uow() as tx:
        await tx.users.add(a_user())
    async with uow() as tx:
        assert await tx.users.count() == 0


async def test_updates_replace_fields_and_roles(uow: UnitOfWorkFactory) -> None:
    user = a_user()
    await stored(uow, user)
    changed = msgspec.structs.replace(user, display_name="A.", disabled=True,
                                      role_ids=(ADMIN_ROLE_ID, USER_ROLE_ID))
    async with uow() as tx:
        await tx.users.update(changed)
        await tx.commit()
    async with uow() as tx:
        got = await tx.users.get(user.id)
        assert got is not None and got.disabled and got.display_name == "A."
        assert set(got.role_ids) == {ADMIN_ROLE_ID, USER_ROLE_ID}
        assert await tx.users.ids_with_role(ADMIN_ROLE_ID) == [user.id]


async def test_a_deleted_user_is_gone(uow: UnitOfWorkFactory) -> None:
    user = a_user()
    await stored(uow, user)
    async with uow() as tx:
        await tx.users.delete(user.id)
        await tx.commit()
    async with uow() as tx:
        assert await tx.users.get(user.id) is None


async def test_users_page_in_creation_order_with_a_cursor(uow: UnitOfWorkFactory) -> None:
    users = [a_user(f"user{n}") for n in range(5)]
    await stored(uow, *users)
    async with uow() as tx:
        first = await tx.users.page(3, None)
        second = await tx.users.page(3, first.next_cursor)
    assert [u.id for u in first.items + second.items] == [u.id for u in users]
    assert first.total == second.total == 5 and second.next_cursor is None


async def test_the_builtin_roles_exist(uow: UnitOfWorkFactory) -> None:
    async with uow() as tx:
        names = [r.name for r in await tx.roles.all()]
    assert names[:3] == ["admin", "guest", "user"]


async def test_custom_roles_are_stored_renamed_and_deleted(uow: UnitOfWorkFactory) -> None:
    role = Role(id=new_id(), name="Curator", permissions=frozenset({Permission.LIBRARY_MANAGE}))
    user = a_user(roles=(role.id,))
    async with uow() as tx:
        await tx.roles.add(role)
        await tx.users.add(user)
        await tx.commit()
    async with uow() as tx:
        assert await tx.roles.get(role.id) == role
        await tx.roles.update(msgspec.structs.replace(role, name="Keeper"))
        await tx.commit()
    async with uow() as tx:
        assert [r.name for r in await tx.roles.get_many([role.id, "not-an-id"])] == ["Keeper"]
        await tx.roles.delete(role.id)
        await tx.commit()
    async with uow() as tx:
        assert await tx.roles.get(role.id) is None
        assert (await tx.users.get(user.id)).role_ids == ()


async def test_role_names_are_unique_ignoring_case(uow: UnitOfWorkFactory) -> None:
    async with uow() as tx:
        with pytest.raises(Conflict) as caught:
            await tx.roles.add(Role(id=new_id(), name="ADMIN", permissions=frozenset()))
    assert caught.value.field == "name"
