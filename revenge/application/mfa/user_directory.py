"""The administrators' list of accounts: each user with whether MFA is on and when any
of their sessions was last seen (reads only, so no use case)."""

from __future__ import annotations

from datetime import datetime

from revenge.application.identity.accounts import roles_of
from revenge.application.identity.ports import Page
from revenge.application.identity.views import UserView, user_view
from revenge.application.mfa.factors import mfa_enabled
from revenge.application.mfa.ports import MfaUnitOfWork, MfaUnitOfWorkFactory
from revenge.domain.identity.users import User


class UserOverview(UserView, frozen=True, kw_only=True):
    mfa_enabled: bool
    last_seen_at: datetime | None  # the latest activity of any session, ended or not


class UserDirectory:
    def __init__(self, uow: MfaUnitOfWorkFactory) -> None:
        self._uow = uow

    async def users(self, limit: int, cursor: str | None) -> Page[UserOverview]:
        """A page of `UserOverview`s, in the user list's order."""
        async with self._uow() as tx:
            page = await tx.users.page(limit, cursor)
            roles = await roles_of(tx, {r for u in page.items for r in u.role_ids})
            items = [await _overview(tx, user, user_view(user, roles)) for user in page.items]
        return Page(items=items, next_cursor=page.next_cursor, total=page.total)


async def _overview(tx: MfaUnitOfWork, user: User, base: UserView) -> UserOverview:
    sessions = await tx.sessions.of_user(user.id)
    last_seen = max((s.last_seen_at for s in sessions), default=None)
    return UserOverview(**{f: getattr(base, f) for f in base.__struct_fields__},
                        mfa_enabled=await mfa_enabled(tx, user.id), last_seen_at=last_seen)
