"""File modification times as exact microseconds (what PostgreSQL's timestamptz keeps)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def microseconds_of(moment: datetime) -> int:
    delta = moment - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def datetime_of(microseconds: int) -> datetime:
    return EPOCH + timedelta(microseconds=microseconds)
