"""Shared helpers of the identity Postgres adapters: rows to domain Structs, errors."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar

import msgspec
import psycopg

from revenge.domain.errors import Conflict, RuleViolation

T = TypeVar("T")

# Unique index -> (field, message) for Conflict errors.
_UNIQUE = {
    "users_username_key": ("username", "this username is taken"),
    "users_email_key": ("email", "this e-mail is already used"),
    "roles_name_key": ("name", "a role with this name exists"),
}


def to_struct(row: dict[str, Any], type_: type[T]) -> T:
    values = {k: _utc(v) for k, v in row.items()}
    return msgspec.convert(values, type_, strict=False)


def _utc(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


@contextmanager
def unique_as_conflict() -> Iterator[None]:
    try:
        yield
    except psycopg.errors.UniqueViolation as exc:
        field, message = _UNIQUE.get(exc.diag.constraint_name or "", (None, "already exists"))
        raise Conflict(message, field=field) from None


def as_uuid(value: str, field: str = "cursor") -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise RuleViolation("invalid identifier", field=field) from None


def valid_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
