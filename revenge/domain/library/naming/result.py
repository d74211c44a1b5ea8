"""What a parse yields: one immutable value, the same for file names, folders and paths.

A plain slotted class rather than a msgspec Struct or dataclass: `revenge parse` is
timed with interpreter start-up included, and those would import `typing` and more.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Literal, NoReturn

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

FIELDS = (
    "title", "year", "kind", "extra_type", "edition", "part", "is_3d", "resolution",
    "source", "codec", "audio", "release_group", "tmdb_id", "imdb_id",
    "alternative_titles", "container",
)  # fmt: skip


class ParsedName:
    """A movie file or release name, understood.

    `title` is None when the name holds nothing but tags (or nothing at all).
    `extra_type` is set only when `kind` is "extra".  `part` numbers the files of a
    movie split over several (cd1, part 2, disc b -> 2).  Immutable and hashable.
    """

    __slots__ = FIELDS

    title: str | None
    year: int | None
    kind: Kind
    extra_type: ExtraType | None
    edition: str | None
    part: int | None
    is_3d: bool
    resolution: str | None
    source: str | None
    codec: str | None
    audio: str | None
    release_group: str | None
    tmdb_id: int | None
    imdb_id: str | None
    alternative_titles: tuple[str, ...]
    container: str | None

    def __init__(
        self,
        *,
        title: str | None = None,
        year: int | None = None,
        kind: Kind = "movie",
        extra_type: ExtraType | None = None,
        edition: str | None = None,
        part: int | None = None,
        is_3d: bool = False,
        resolution: str | None = None,
        source: str | None = None,
        codec: str | None = None,
        audio: str | None = None,
        release_group: str | None = None,
        tmdb_id: int | None = None,
        imdb_id: str | None = None,
        alternative_titles: tuple[str, ...] = (),
        container: str | None = None,
    ) -> None:
        values = locals()
        for name in FIELDS:
            object.__setattr__(self, name, values[name])

    def as_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in FIELDS}

    def fields(self) -> tuple[object, ...]:
        """The values in `FIELDS` order (how a parse travels between processes)."""
        return tuple(getattr(self, name) for name in FIELDS)

    @classmethod
    def from_fields(cls, values: Sequence[object]) -> ParsedName:
        """The inverse of `fields()`; the values are trusted, not checked."""
        parsed = object.__new__(cls)
        for name, value in zip(FIELDS, values, strict=True):
            object.__setattr__(parsed, name, value)
        return parsed

    def replace(self, **changes: object) -> ParsedName:
        """A copy with some fields changed (names are checked, values are not)."""
        unknown = changes.keys() - set(FIELDS)
        if unknown:
            raise TypeError(f"ParsedName has no field {sorted(unknown)[0]!r}")
        return _from_mapping(self.as_dict() | changes)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"ParsedName is immutable; use replace({name}=...)")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError("ParsedName is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParsedName):
            return NotImplemented
        return self.fields() == other.fields()

    def __hash__(self) -> int:
        return hash(self.fields())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in FIELDS)
        return f"ParsedName({shown})"



def _from_mapping(values: Mapping[str, object]) -> ParsedName:
    parsed = object.__new__(ParsedName)
    for name in FIELDS:
        object.__setattr__(parsed, name, values[name])
    return parsed
