"""What a parse yields: one frozen Struct, the same for file names, folders and paths."""

from __future__ import annotations

from typing import Literal

import msgspec

Kind = Literal["movie", "extra", "sample"]
ExtraType = Literal[
    "trailer",
    "featurette",
    "behind_the_scenes",
    "deleted_scene",
    "interview",
    "scene",
    "short",
    "clip",
    "other",
]


class ParsedName(msgspec.Struct, frozen=True, kw_only=True):
    """A movie file or release name, understood.

    `title` is None when the name holds nothing but tags (or nothing at all).
    `extra_type` is set only when `kind` is "extra".  `part` numbers the files of a
    movie split over several (cd1, part 2, disc b -> 2).
    """

    title: str | None = None
    year: int | None = None
    kind: Kind = "movie"
    extra_type: ExtraType | None = None
    edition: str | None = None
    part: int | None = None
    is_3d: bool = False
    resolution: str | None = None
    source: str | None = None
    codec: str | None = None
    audio: str | None = None
    release_group: str | None = None
    tmdb_id: int | None = None
    imdb_id: str | None = None
    alternative_titles: tuple[str, ...] = ()
    container: str | None = None
