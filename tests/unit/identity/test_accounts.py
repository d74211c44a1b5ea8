"""Registration, admin user management and roles, through the use cases."""

from __future__ import annotations

from typing import Any

import pytest

from revenge.application.identity.create_role import CreateRoleCommand
from revenge.application.identity.delete_role import DeleteRoleCommand
from revenge.application.identity.delete_user import DeleteUserCommand
from revenge.application.identity.update_role import UpdateRoleCommand
from revenge.application.identity.update_server_settings import UpdateServerSettingsCommand
from revenge.application.identity.update_user import UpdateUserCommand
from revenge.domain.errors import Conflict, Forbidden, NotFound, RuleViolation
from revenge.domain.identity.roles import ADMIN_ROLE_ID, USER_ROLE_ID
from tests.unit.identity.conftest import create, log_in, register


async def test_the_first_user_of_an_empty_server_becomes_admin(identity: Any) -> None:
    admin = await register(identity)
    assert [r.name for r in admin.roles] == ["admin"]
    assert "users.manage" in admin.permissions


async def test_registration_is_closed_after_the_first_user_by_default(identity: Any) -> None:
    await register(identity)
    with pytest.raises(Forbidden):
        await register(identity, "bob")


async def test_open_registration_setting_lets_people_register_as_plain_users(
        identity: Any) -> None:
    admin = await register(identity)
    await identity.update_server_settings().execute(UpdateServerSettingsCommand(
        actor_id=admin.id, changes={"open_registration": True}))
    bob = await register(identity, "bob")
    assert [r.name for r in bob.roles] == ["user"]


async def test_usernames_and_emails_are_unique_ignoring_case(identity: Any) -> None:
    admin = await register(identity)
    with pytest.raises(Conflict) as caught:
        await create(identity, admin, "ALICE")
    assert caught.value.field == "username"


async def test_an_admin_creates_a_user_with_the_user_role_by_default(identity: Any) -> None:
    admin = await register(identity)
    bob = await create(identity, admin, "bob")
    assert [r.id for r in bob.roles] == [USER_ROLE_ID]


async def test_an_unknown_role_id_is_refused_naming_the_field(identity: Any) -> None:
    admin = await register(identity)
    with pytest.raises(RuleViolation) as caught:
        await create(identity, admin, "bob", role_ids=("nope",))
    assert caught.value.field == "role_ids"


async def test_disabling_a_user_ends_all_their_sessions_at_once(identity: Any) -> None:
    admin = await register(identity)
    bob = await create(identity, admin, "bob")
    pair = await log_in(identity, "bob")
    await identity.update_user().execute(
        UpdateUserCommand(actor_id=admin.id, user_id=bob.id, disabled=True))
    assert await _principal(identity, pair.access_token) is None
    assert await identity.queries().sessions(_as(bob)) == []


async def test_deleting_a_user_ends_their_sessions(identity: Any) -> None:
    admin = await register(identity)
    bob = await create(identity, admin, "bob")
    pair = await log_in(identity, "bob")
    await identity.delete_user().execute(DeleteUserCommand(actor_id=admin.id, user_id=bob.id))
    assert await _principal(identity, pair.access_token) is None
    with pytest.raises(NotFound):
        await identity.queries().user(bob.id)


async def test_an_admin_cannot_disable_or_demote_themselves(identity: Any) -> None:
    admin = await register(identity)
    with pytest.raises(RuleViolation):
        await identity.update_user().execute(
            UpdateUserCommand(actor_id=admin.id, user_id=admin.id, disabled=True))
    with pytest.raises(RuleViolation):
        await identity.update_user().execute(UpdateUserCommand(
            actor_id=admin.id, user_id=admin.id, role_ids=(USER_ROLE_ID,)))


async def test_changing_roles_changes_permissions_of_live_sessions(identity: Any) -> None:
    admin = await register(identity)
    bob = await create(identity, admin, "bob")
    pair = await log_in(identity, "bob")
    assert "users.manage" not in (await _principal(identity, pair.access_token)).permissions
    await identity.update_user().execute(UpdateUserCommand(
        actor_id=admin.id, user_id=bob.id, role_ids=(ADMIN_ROLE_ID,)))
    assert "users.manage" in (await _principal(identity, pair.access_token)).permissions


async def test_custom_roles_can_be_created_changed_and_deleted(identity: Any) -> None:
    admin = await register(identity)
    role = await identity.create_role().execute(CreateRoleCommand(
        actor_id=admin.id, name="curator", permissions=("library.read", "library.manage")))
    bob = await create(identity, admin, "bob", role_ids=(role.id,))
    assert bob.permissions == ["library.manage", "library.read"]
    updated = await identity.update_role().execute(UpdateRoleCommand(
        actor_id=admin.id, role_id=role.id, permissions=("library.read",)))
    assert updated.permissions == ["library.read"]
    await identity.delete_role().execute(DeleteRoleCommand(actor_id=admin.id, role_id=role.id))
    assert (await identity.queries().user(bob.id)).roles == []


async def test_builtin_roles_cannot_be_changed_or_deleted(identity: Any) -> None:
    admin = await register(identity)
    with pytest.raises(RuleViolation):
        await identity.update_role().execute(UpdateRoleCommand(
            actor_id=admin.id, role_id=USER_ROLE_ID, permissions=("users.manage",)))
    with pytest.raises(RuleViolation):
        await identity.delete_role().execute(
            DeleteRoleCommand(actor_id=admin.id, role_id=ADMIN_ROLE_ID))


async def _principal(identity: Any, token: str) -> Any:
    from revenge.application.identity.authenticate_request import Credential

    return await identity.authenticate_request().execute(
        Credential(kind="access_token", token=token))


def _as(user: Any) -> Any:
    from revenge.application.shared.principal import Principal

    return Principal(user_id=user.id, username=user.username, permissions=frozenset())
