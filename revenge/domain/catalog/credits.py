"""People and their credits on a movie: cast in billing order, crew by job."""

from __future__ import annotations

import msgspec


class Person(msgspec.Struct, frozen=True, kw_only=True):
    """Matched across movies by `tmdb_id` when there is one."""

    name: str
    tmdb_id: int | None = None
    imdb_id: str | None = None
    profile_path: str | None = None
    known_for_department: str | None = None


class CastCredit(msgspec.Struct, frozen=True, kw_only=True):
    person: Person
    character: str | None = None


class CrewCredit(msgspec.Struct, frozen=True, kw_only=True):
    person: Person
    job: str
    department: str | None = None
