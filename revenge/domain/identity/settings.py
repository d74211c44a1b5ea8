"""Server-wide and per-user settings: typed, with bounds, validated on every change."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Any, Literal, TypeVar

import msgspec

from revenge.domain.errors import RuleViolation

Minutes = Annotated[int, msgspec.Meta(ge=1, le=525_600)]
Language = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                                       max_length=35)]

S = TypeVar("S", bound=msgspec.Struct)


class ServerSettings(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    open_registration: bool = False
    session_idle_minutes: Minutes = 7 * 24 * 60
    session_absolute_minutes: Minutes = 30 * 24 * 60
    password_reset_minutes: Annotated[int, msgspec.Meta(ge=5, le=1440)] = 60
    # ASVS 6.3.1: at most 100 consecutive failures before a soft lock.
    account_lock_threshold: Annotated[int, msgspec.Meta(ge=3, le=100)] = 20
    account_lock_minutes: Annotated[int, msgspec.Meta(ge=1, le=60)] = 15
    ip_login_failures: Annotated[int, msgspec.Meta(ge=3, le=1000)] = 10
    ip_window_minutes: Annotated[int, msgspec.Meta(ge=1, le=1440)] = 15
    # Demand a second factor at login from administrators or from every user.
    require_mfa: Literal["off", "admins", "all"] = "off"

    @property
    def idle(self) -> timedelta:
        return timedelta(minutes=self.session_idle_minutes)

    @property
    def absolute(self) -> timedelta:
        return timedelta(minutes=self.session_absolute_minutes)

    def validate(self) -> ServerSettings:
        if self.session_idle_minutes > self.session_absolute_minutes:
            raise RuleViolation("the idle lifetime cannot exceed the absolute lifetime",
                                field="session_idle_minutes")
        return self


class UserSettings(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    language: Language = "en"
    preferred_audio_language: Language | None = None
    preferred_subtitle_language: Language | None = None
    subtitle_mode: Literal["off", "auto", "always"] = "auto"
    autoplay_next: bool = True
    max_streaming_bitrate_kbps: Annotated[int, msgspec.Meta(ge=100, le=1_000_000)] | None = None


_FIELD = re.compile(r"at `\$\.(\w+)`")


def patched(current: S, changes: dict[str, Any]) -> S:
    """`current` with `changes` applied; a bad or unknown field raises `RuleViolation`
    naming it."""
    merged = {**msgspec.structs.asdict(current), **changes}
    try:
        return msgspec.convert(merged, type(current))
    except msgspec.ValidationError as exc:
        match = _FIELD.search(str(exc))
        field = match.group(1) if match else next(iter(changes), None)
        raise RuleViolation(str(exc).split(" - at ")[0], field=field) from None


def stored(cls: type[S], values: dict[str, Any]) -> S:
    """Settings from storage: unknown keys (from a newer version) and bad values fall
    back to defaults instead of breaking start-up."""
    known = {k: v for k, v in values.items() if k in cls.__struct_fields__}
    try:
        return msgspec.convert(known, cls)
    except msgspec.ValidationError:
        return cls()
