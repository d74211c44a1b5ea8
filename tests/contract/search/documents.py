"""Movie documents for search tests: realistic defaults, everything overridable."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import uuid_utils

from revenge.application.search.read_models import MovieDocument

_versions = itertools.count(1_710_000_000_000_000)  # after every added_at


def document(title: str, **fields: Any) -> MovieDocument:
    values: dict[str, Any] = {
        "id": str(uuid_utils.uuid7()), "title": title,
        "sort_title": title.casefold().removeprefix("the "),
        "added_at": datetime(2024, 1, 1, tzinfo=UTC), "version": next(_versions),
    }
    values.update(fields)
    for key in ("genres", "cast", "directors"):
        values[key] = tuple(values.get(key, ()))
    return MovieDocument(**values)


def small_catalog() -> dict[str, MovieDocument]:
    """A dozen movies with distinct popularity, so every ranking is deterministic."""
    movies = [
        document("The Matrix", year=1999, genres=["Action", "Science Fiction"], rating=8.2,
                 cast=["Keanu Reeves", "Carrie-Anne Moss"], directors=["Lana Wachowski"],
                 collection="The Matrix Collection", popularity=90.0, runtime_minutes=136,
                 overview="A hacker learns the world is a simulation."),
        document("The Matrix Reloaded", year=2003, genres=["Action", "Science Fiction"],
                 rating=7.0, cast=["Keanu Reeves"], popularity=60.0, runtime_minutes=138,
                 collection="The Matrix Collection", overview="Neo fights on."),
        document("John Wick", year=2014, genres=["Action", "Thriller"], rating=7.4,
                 cast=["Keanu Reeves"], directors=["Chad Stahelski"], popularity=70.0,
                 runtime_minutes=101, overview="A retired assassin returns."),
        document("Amélie", original_title="Le Fabuleux Destin d'Amélie Poulain", year=2001,
                 genres=["Comedy", "Romance"], rating=7.9, popularity=40.0, runtime_minutes=122,
                 cast=["Audrey Tautou"], directors=["Jean-Pierre Jeunet"],
                 overview="A shy waitress decides to change the lives of those around her."),
        document("Heat", year=1995, genres=["Crime", "Thriller"], rating=8.3, popularity=50.0,
                 cast=["Al Pacino", "Robert De Niro"], directors=["Michael Mann"],
                 runtime_minutes=170, overview="A detective hunts a crew of thieves."),
        document("Alien", year=1979, genres=["Horror", "Science Fiction"], rating=8.1,
                 popularity=55.0, directors=["Ridley Scott"], runtime_minutes=117,
                 overview="A crew meets a deadly creature."),
        document("Arrival", year=2016, genres=["Drama", "Science Fiction"], rating=7.6,
                 popularity=45.0, directors=["Denis Villeneuve"], runtime_minutes=116,
                 overview="A linguist talks to visitors; the matrix of their language."),
        document("Paprika", year=2006, genres=["Animation", "Science Fiction"], rating=7.7,
                 popularity=20.0, directors=["Satoshi Kon"], runtime_minutes=90),
        document("Untitled Home Video", popularity=None),
    ]
    return {movie.title: movie for movie in movies}
