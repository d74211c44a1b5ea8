"""The user account and the rules on its names."""

from __future__ import annotations

import re
from datetime import datetime

import msgspec

from revenge.domain.errors import RuleViolation

_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")


class User(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    username: str
    email: str
    password_hash: str
    created_at: datetime
    updated_at: datetime
    display_name: str = ""
    disabled: bool = False
    role_ids: tuple[str, ...] = ()


def check_username(username: str) -> str:
    if not _USERNAME.match(username):
        raise RuleViolation("a username has 2 to 32 letters, digits, '.', '_' or '-', "
                            "starting with a letter or digit", field="username")
    return username


def check_email(email: str) -> str:
    email = email.strip()
    if len(email) > 254 or not _EMAIL.match(email):
        raise RuleViolation("not a valid e-mail address", field="email")
    return email


def check_display_name(display_name: str) -> str:
    display_name = display_name.strip()
    if len(display_name) > 100:
        raise RuleViolation("a display name has at most 100 characters", field="display_name")
    return display_name


def login_key(identifier: str) -> str:
    """Usernames and e-mails compare case-insensitively."""
    return identifier.strip().casefold()
