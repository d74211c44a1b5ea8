"""`PlaybackGrants` by the identity context's own records: what a request's sign-in
check decides, asked again for a playback session on each media request, so a
revocation ends streams at once on every replica (no cache in between)."""

from __future__ import annotations

from revenge.application.identity.accounts import roles_of
from revenge.application.identity.common import Kit
from revenge.application.identity.ports import IdentityUnitOfWork, UnitOfWorkFactory
from revenge.domain.identity.roles import permissions_of
from revenge.domain.playback.sessions import PlaybackSession
from revenge.domain.shared.permissions import Permission


class IdentityPlaybackGrants:
    def __init__(self, uow: UnitOfWorkFactory, kit: Kit) -> None:
        self._uow = uow
        self._kit = kit

    async def granted(self, session: PlaybackSession) -> bool:
        async with self._uow() as tx:
            user = await tx.users.get(session.user_id)
            if user is None or user.disabled:
                return False
            held = permissions_of(await roles_of(tx, user.role_ids))
            return Permission.PLAYBACK in held and await self._started_through_valid(
                tx, session, held)

    async def _started_through_valid(self, tx: IdentityUnitOfWork, session: PlaybackSession,
                                     held: frozenset[Permission]) -> bool:
        now = self._kit.now()
        if session.sign_in_id is not None:
            sign_in = await tx.sessions.get(session.sign_in_id)
            # Not the idle timeout: watching a movie is activity, and the player renews
            # its token through this session.
            return (sign_in is not None and sign_in.revoked_at is None
                    and now < sign_in.expires_at)
        if session.api_key_id is not None:
            key = next((k for k in await tx.api_keys.of_user(session.user_id)
                        if k.id == session.api_key_id), None)
            return (key is not None and key.is_usable(now)
                    and Permission.PLAYBACK in key.effective(held))
        return True  # started by neither (in-process callers): the account decides
