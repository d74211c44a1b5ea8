"""Ports of the identity context: storage (through one unit of work), crypto, throttle,
mail, clock and ids. Adapters translate driver errors into `Conflict`/`Unavailable`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self

import msgspec

from revenge.application.identity.views import MfaChallenge
from revenge.application.shared.paging import Page as Page  # identity's lists page too
from revenge.domain.identity.api_keys import ApiKey
from revenge.domain.identity.audit import AuditEvent, AuditFilter
from revenge.domain.identity.roles import Role
from revenge.domain.identity.sessions import RefreshToken, Session
from revenge.domain.identity.throttling import ThrottleRule
from revenge.domain.identity.users import User

if TYPE_CHECKING:  # common.py imports this module
    from revenge.application.identity.common import ClientInfo


class UserRepository(Protocol):
    """Users with their role ids. Usernames and e-mails are unique case-insensitively:
    `add`/`update` raise `Conflict(field=...)` on a clash."""

    async def add(self, user: User) -> None: ...

    async def update(self, user: User) -> None: ...

    async def delete(self, user_id: str) -> None:
        """Removes the user and (by cascade) their sessions, keys and settings."""

    async def get(self, user_id: str) -> User | None: ...

    async def by_login(self, identifier: str) -> User | None:
        """The user whose username or e-mail equals `identifier`, ignoring case."""

    async def count(self) -> int: ...

    async def lock_registrations(self) -> None:
        """Waits until no other transaction holds the registration lock, then holds it
        until this transaction ends, so two registrations on an empty server cannot
        both see no users (and both become admin)."""

    async def ids_with_role(self, role_id: str) -> list[str]: ...

    async def page(self, limit: int, cursor: str | None) -> Page[User]:
        """Users ordered by id (creation order for UUIDv7)."""


class RoleRepository(Protocol):
    """Roles by id; names unique case-insensitively (`Conflict(field="name")`)."""

    async def all(self) -> list[Role]: ...

    async def get(self, role_id: str) -> Role | None: ...

    async def get_many(self, role_ids: Sequence[str]) -> list[Role]: ...

    async def add(self, role: Role) -> None: ...

    async def update(self, role: Role) -> None: ...

    async def delete(self, role_id: str) -> None: ...


class SessionRepository(Protocol):
    """Sessions and their refresh tokens (stored only as hashes)."""

    async def add(self, session: Session) -> None: ...

    async def update(self, session: Session) -> None: ...

    async def get(self, session_id: str) -> Session | None: ...

    async def of_user(self, user_id: str) -> list[Session]:
        """All of a user's sessions, newest first, revoked ones included."""

    async def add_refresh_token(self, token: RefreshToken) -> None: ...

    async def refresh_token(self, token_hash: str) -> RefreshToken | None: ...

    async def spend_refresh_token(self, token_hash: str, now: datetime) -> bool:
        """Marks the token used; False when it already was (a concurrent use)."""


class ApiKeyRepository(Protocol):
    async def add(self, key: ApiKey) -> None: ...

    async def by_hash(self, key_hash: str) -> ApiKey | None: ...

    async def of_user(self, user_id: str) -> list[ApiKey]: ...

    async def update(self, key: ApiKey) -> None: ...


class ResetTokenRepository(Protocol):
    """Password-reset tokens (hashed), single use."""

    async def add(self, token_hash: str, user_id: str, now: datetime,
                  expires_at: datetime) -> None: ...

    async def take(self, token_hash: str, now: datetime) -> str | None:
        """Marks an unused, unexpired token used and returns its user id; None
        otherwise. Taking the same token twice yields None the second time."""


class AuditLog(Protocol):
    """Append-only: events are never changed or removed."""

    async def append(self, event: AuditEvent) -> None: ...

    async def page(self, where: AuditFilter, limit: int, cursor: str | None) -> Page[AuditEvent]:
        """Newest first."""


class SettingsStore(Protocol):
    """Raw settings documents; the domain types and validates them."""

    async def server(self) -> dict[str, Any]: ...

    async def save_server(self, values: dict[str, Any], now: datetime) -> None: ...

    async def of_user(self, user_id: str) -> dict[str, Any]: ...

    async def save_user(self, user_id: str, values: dict[str, Any], now: datetime) -> None: ...


class IdentityUnitOfWork(Protocol):
    """One transaction: nothing is written unless `commit()` is called."""

    users: UserRepository
    roles: RoleRepository
    sessions: SessionRepository
    api_keys: ApiKeyRepository
    reset_tokens: ResetTokenRepository
    audit: AuditLog
    settings: SettingsStore

    async def __aenter__(self) -> Self: ...

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None: ...

    async def commit(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> IdentityUnitOfWork: ...


class PasswordHasher(Protocol):
    """Slow, salted password hashing, run off the event loop."""

    async def hash(self, password: str) -> str: ...

    async def verify(self, password_hash: str, password: str) -> bool:
        """False for a wrong password or an unrecognised hash; never raises for those."""

    def needs_rehash(self, password_hash: str) -> bool:
        """True for legacy schemes (bcrypt) and outdated parameters."""


class CommonPasswords(Protocol):
    """The shipped list of common passwords."""

    def contains(self, password: str) -> bool: ...


class AccessClaims(msgspec.Struct, frozen=True, kw_only=True):
    sub: str  # user id
    sid: str  # session id
    iat: int
    exp: int


class AccessTokens(Protocol):
    """Signed, short-lived access tokens."""

    lifetime_seconds: int

    def issue(self, user_id: str, session_id: str, now: datetime) -> str: ...

    def verify(self, token: str, now: datetime) -> AccessClaims | None:
        """Claims of a valid, unexpired access token; None for anything else."""


class SecretTokens(Protocol):
    """High-entropy opaque tokens (≥128 bits) and their storage digests."""

    def new(self, prefix: str = "") -> str: ...

    def digest(self, token: str) -> str:
        """A deterministic one-way digest (tokens are random, so no salt is needed)."""


class Throttle(Protocol):
    """Failure counters with blocking, shared by every process. Fails open (allows)
    when its backend is down, logging it: throttling must not take logins down."""

    async def blocked_for(self, key: str) -> int:
        """Seconds until `key` may try again; 0 when it may now."""

    async def fail(self, key: str, rule: ThrottleRule) -> int:
        """Counts a failure; returns the seconds `key` is now blocked (0 if not)."""

    async def reset(self, key: str) -> None: ...

    async def remember(self, key: str, ttl_seconds: int) -> None: ...

    async def remembers(self, key: str) -> bool: ...


class Mail(msgspec.Struct, frozen=True, kw_only=True):
    to: str
    subject: str
    body: str


class Mailer(Protocol):
    """Sends mail. Returns quickly: delivery may finish after the call, and a delivery
    failure is logged, never raised (a reset request must not reveal anything)."""

    async def send(self, mail: Mail) -> None: ...


class SecondFactorGate(Protocol):
    """Decides whether a correct password completes a login or must be followed by a
    second factor (the MFA context implements it)."""

    async def challenge(self, user: User, client: ClientInfo) -> MfaChallenge | None:
        """None when no second factor is needed; otherwise a challenge holding a
        short-lived, single-use token for the second step (stored and audited here)."""


class IdGenerator(Protocol):
    def new_id(self) -> str:
        """A new UUIDv7 string."""
