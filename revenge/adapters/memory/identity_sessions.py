"""In-memory twins of the session, API key and reset token repositories."""

from __future__ import annotations

from datetime import datetime

import msgspec

from revenge.domain.identity.api_keys import ApiKey
from revenge.domain.identity.sessions import RefreshToken, Session


class InMemorySessionRepository:
    def __init__(self, sessions: dict[str, Session], tokens: dict[str, RefreshToken],
                 users: dict[str, object]) -> None:
        self._sessions = sessions
        self._tokens = tokens
        self._users = users

    async def add(self, session: Session) -> None:
        self._sessions[session.id] = session

    async def update(self, session: Session) -> None:
        self._sessions[session.id] = session

    async def get(self, session_id: str) -> Session | None:
        session = self._sessions.get(session_id)
        # Sessions go with their user (the Postgres cascade).
        return session if session and session.user_id in self._users else None

    async def of_user(self, user_id: str) -> list[Session]:
        mine = [s for s in self._sessions.values() if s.user_id == user_id]
        return sorted(mine, key=lambda s: (s.created_at, s.id), reverse=True)

    async def add_refresh_token(self, token: RefreshToken) -> None:
        self._tokens[token.token_hash] = token

    async def refresh_token(self, token_hash: str) -> RefreshToken | None:
        return self._tokens.get(token_hash)

    async def spend_refresh_token(self, token_hash: str, now: datetime) -> bool:
        token = self._tokens.get(token_hash)
        if token is None or token.spent:
            return False
        self._tokens[token_hash] = msgspec.structs.replace(token, used_at=now)
        return True


class InMemoryApiKeyRepository:
    def __init__(self, keys: dict[str, ApiKey], users: dict[str, object]) -> None:
        self._keys = keys
        self._users = users

    async def add(self, key: ApiKey) -> None:
        self._keys[key.id] = key

    async def by_hash(self, key_hash: str) -> ApiKey | None:
        return next((k for k in self._keys.values()
                     if k.key_hash == key_hash and k.user_id in self._users), None)

    async def of_user(self, user_id: str) -> list[ApiKey]:
        mine = [k for k in self._keys.values() if k.user_id == user_id]
        return sorted(mine, key=lambda k: k.id, reverse=True)

    async def update(self, key: ApiKey) -> None:
        self._keys[key.id] = key


class InMemoryResetTokenRepository:
    def __init__(self, tokens: dict[str, tuple[str, datetime, datetime | None]]) -> None:
        self._tokens = tokens  # digest -> (user id, expires at, used at)

    async def add(self, token_hash: str, user_id: str, now: datetime,
                  expires_at: datetime) -> None:
        self._tokens[token_hash] = (user_id, expires_at, None)

    async def take(self, token_hash: str, now: datetime) -> str | None:
        entry = self._tokens.get(token_hash)
        if entry is None or entry[2] is not None or entry[1] <= now:
            return None
        self._tokens[token_hash] = (entry[0], entry[1], now)
        return entry[0]
