"""Which files make one movie, and which movie an extra belongs to.

Files share a movie when they share a key: the TMDb id, else the IMDb id (from the
name or an .nfo), else the title and year. Versions of one movie ("Director's Cut"
next to the theatrical cut) and the parts of a stack therefore become one movie with
several files. An extra belongs to the movie whose main files sit in its owner folder.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Mapping, Sequence

import msgspec

from revenge.domain.library.classification import ExtraType, Role
from revenge.domain.library.diff import FileStat
from revenge.domain.library.extensions import stem_of

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


class Recognised(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A new video file understood: its role, names and ids. `owner_folder` is where its
    movie's main files are (its own folder, or the parent of its extras folder)."""

    stat: FileStat
    role: Role
    owner_folder: str
    title: str | None = None
    original_title: str | None = None
    year: int | None = None
    extra_type: ExtraType | None = None
    edition: str | None = None
    part: int | None = None
    tmdb_id: int | None = None
    imdb_id: str | None = None
    container: str | None = None

    @property
    def stem(self) -> str:
        return stem_of(posixpath.basename(self.stat.path))

    @property
    def key(self) -> str:
        return movie_key(self.title, self.year, self.tmdb_id, self.imdb_id)


class MovieDraft(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A movie the scan is about to create, from the files that share its key."""

    key: str
    title: str
    original_title: str | None
    year: int | None
    tmdb_id: int | None
    imdb_id: str | None


class FolderMovie(msgspec.Struct, frozen=True, gc=False):
    """A main file already placed in a folder: its name without extension and movie."""

    stem: str
    movie_id: str


# ASCII bytes to themselves when a lower-case letter or a digit, else to a space.
_ALNUM_OR_SPACE = bytes(c if chr(c).isdigit() or "a" <= chr(c) <= "z" else 32
                        for c in range(256))


def normalised_title(title: str) -> str:
    if title.isascii():  # most titles: the same result as below, in a fraction of the time
        spaced = title.replace("&", " and ").lower().encode().translate(_ALNUM_OR_SPACE)
        return " ".join(spaced.decode().split())
    folded = unicodedata.normalize("NFKD", title.replace("&", " and "))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return _NOT_ALNUM.sub(" ", plain).strip()


def movie_key(title: str | None, year: int | None, tmdb_id: int | None,
              imdb_id: str | None) -> str:
    if tmdb_id:
        return f"tmdb:{tmdb_id}"
    if imdb_id:
        return f"imdb:{imdb_id}"
    return f"title:{normalised_title(title or '')}:{year or ''}"


def group_by_movie(files: Sequence[Recognised]) -> dict[str, list[Recognised]]:
    """Main files by movie key, each group in part order."""
    groups: dict[str, list[Recognised]] = {}
    for file in files:
        if file.role == "main":
            key = file.key
            if key in groups:
                groups[key].append(file)
            else:
                groups[key] = [file]
    for group in groups.values():
        if len(group) > 1:
            group.sort(key=_part_order)
    return groups


def _part_order(file: Recognised) -> tuple[int, str]:
    return file.part or 0, file.stat.path


def draft_of(key: str, group: Sequence[Recognised]) -> MovieDraft:
    """The movie a group describes: the first file with a title names it (none may have
    one: files known by an id alone give a draft without a title, which makes no movie)."""
    named = next((f for f in group if f.title), group[0])
    return MovieDraft(
        key=key, title=named.title or "", original_title=named.original_title,
        year=next((f.year for f in group if f.year), None),
        tmdb_id=next((f.tmdb_id for f in group if f.tmdb_id), None),
        imdb_id=next((f.imdb_id for f in group if f.imdb_id), None),
    )


def owner_of(extra: Recognised, folders: Mapping[str, Sequence[FolderMovie]]) -> str | None:
    """The movie id an extra belongs to: the only movie in its owner folder, else the
    one whose file name begins its own ("Alien (1979)-trailer" -> "Alien (1979)")."""
    movies = folders.get(extra.owner_folder, ())
    distinct = {movie.movie_id for movie in movies}
    if len(distinct) == 1:
        return distinct.pop()
    stem = extra.stem.casefold()
    prefixed = sorted((m for m in movies if stem.startswith(m.stem.casefold())),
                      key=lambda m: -len(m.stem))
    return prefixed[0].movie_id if prefixed else None


def unify_stacks(files: Sequence[Recognised],
                 stack_of: Mapping[str, str]) -> list[Recognised]:
    """The parts of one stack (`stack_of`: path -> stack key, folder included) take the
    names and ids of their first part, so a parser that reads "cd2" differently from
    "cd1" cannot split a movie."""
    stacked = [file for file in files if file.role == "main" and file.stat.path in stack_of]
    if not stacked:
        return list(files)
    firsts: dict[str, Recognised] = {}
    for file in sorted(stacked, key=lambda f: f.part or 0):
        firsts.setdefault(stack_of[file.stat.path], file)
    return [_like(file, firsts.get(stack_of.get(file.stat.path, ""))) for file in files]


def _like(file: Recognised, first: Recognised | None) -> Recognised:
    if first is None or first is file or file.role != "main":
        return file
    return msgspec.structs.replace(file, title=first.title, original_title=first.original_title,
                                   year=first.year, tmdb_id=first.tmdb_id,
                                   imdb_id=first.imdb_id)
