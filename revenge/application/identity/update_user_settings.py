"""A user changes their own settings (display name, language, playback preferences)."""

from __future__ import annotations

from typing import Any

import msgspec

from revenge.application.identity.accounts import get_user, touched
from revenge.application.identity.common import Kit
from revenge.application.identity.ports import IdentityUnitOfWork, UnitOfWorkFactory
from revenge.domain.identity.settings import UserSettings, patched, stored
from revenge.domain.identity.users import check_display_name


class UserSettingsView(UserSettings, frozen=True, kw_only=True):
    display_name: str = ""


class UpdateUserSettingsCommand(msgspec.Struct, frozen=True, kw_only=True):
    user_id: str
    changes: dict[str, Any]


class UpdateUserSettings:
    def __init__(self, uow: UnitOfWorkFactory, kit: Kit) -> None:
        self._uow = uow
        self._kit = kit

    async def execute(self, cmd: UpdateUserSettingsCommand) -> UserSettingsView:
        """RuleViolation naming the field for an unknown setting or a bad value."""
        changes = dict(cmd.changes)
        display_name = changes.pop("display_name", None)
        async with self._uow() as tx:
            current = stored(UserSettings, await tx.settings.of_user(cmd.user_id))
            updated = patched(current, changes)
            await tx.settings.save_user(cmd.user_id, msgspec.structs.asdict(updated),
                                        self._kit.now())
            name = await self._display_name(tx, cmd.user_id, display_name)
            await tx.commit()
        return UserSettingsView(**msgspec.structs.asdict(updated), display_name=name)

    async def _display_name(self, tx: IdentityUnitOfWork, user_id: str, new: object) -> str:
        user = await get_user(tx, user_id)
        if new is None:
            return user.display_name
        name = check_display_name(str(new)) or user.username
        await tx.users.update(touched(user, self._kit, display_name=name))
        return name
