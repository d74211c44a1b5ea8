"""What a video file is, from where it sits and how it ends: a movie, an extra, a sample.

Decided from folder names and name suffixes alone (no name parsing; one look-up of the
word before a suffix, which after a release tag is a release group), so samples are
dropped before the parser ever sees them. The rules follow the Kodi/Jellyfin/Plex
conventions: an extras folder ("Trailers", "Behind The Scenes", ...) inside a movie's
folder, or a suffix on the file name ("Alien (1979)-trailer.mkv"), or the extra's kind
in words after the year ("Alien (1979) - Deleted Scenes.mkv", as Plex users write it).
"""

from __future__ import annotations

import posixpath
import re
from typing import Literal

import msgspec

from revenge.domain.library.extensions import stem_of
from revenge.domain.library.naming.prepare import titled_extra
from revenge.domain.library.naming.scan import follows_release_tag

Role = Literal["main", "extra", "sample"]
# The same words the name parser uses for `ParsedName.extra_type`.
ExtraType = Literal["trailer", "featurette", "behind_the_scenes", "deleted_scene", "interview",
                    "scene", "short", "clip", "other"]

_EXTRA_FOLDERS: dict[str, ExtraType] = {
    "trailers": "trailer", "trailer": "trailer",
    "featurettes": "featurette", "featurette": "featurette",
    "extras": "other", "extra": "other", "other": "other", "others": "other",
    "behindthescenes": "behind_the_scenes",
    "deletedscenes": "deleted_scene", "deleted": "deleted_scene",
    "interviews": "interview", "interview": "interview",
    "scenes": "scene", "shorts": "short", "short": "short",
    "clips": "clip", "clip": "clip", "specials": "other", "bonus": "other",
}
_SAMPLE_FOLDERS = frozenset({"sample", "samples"})

_SUFFIX_TYPES: dict[str, ExtraType] = {
    "featurette": "featurette", "behindthescenes": "behind_the_scenes",
    "deletedscene": "deleted_scene", "deleted": "deleted_scene", "interview": "interview",
    "scene": "scene", "short": "short", "clip": "clip", "extra": "other", "other": "other",
}
# "-trailer" takes any separator; the other suffixes only a dash (Jellyfin's rule), so
# "The Other.mkv" stays a movie. One pattern for every name ending: it is searched only
# from the last `_TAIL` characters of a name (the longest ending fits), and `^` still
# means the name's real start there.
_ENDING = re.compile(r"(?i)(?:(?:^|[-._ ])(?:(?P<sample>sample)|(?P<trailer>trailer))"
                     r"|-(?P<suffix>" + "|".join(_SUFFIX_TYPES) + r"))\d{0,2}$")
_TAIL = 2 + max(map(len, ("sample", "trailer", *_SUFFIX_TYPES))) + 2


class Classification(msgspec.Struct, frozen=True, gc=False):
    """`owner_depth`: how many folders up from the file its movie's folder is (1 for an
    extras folder, 0 for a suffix extra or a main file)."""

    role: Role
    extra_type: ExtraType | None = None
    owner_depth: int = 0


MAIN = Classification("main")
SAMPLE = Classification("sample")
TRAILER = Classification("extra", "trailer")


_NOT_ALNUM = re.compile(r"[^0-9a-z]")


def folder_key(name: str) -> str:
    """A folder name compared without case, spaces or separators."""
    return _NOT_ALNUM.sub("", name.casefold())


def classify(folders: tuple[str, ...], file_name: str) -> Classification:
    """`folders` are the names between the library root and the file, outermost first."""
    for folder in folders:
        if len(folder) < 10 and folder_key(folder) in _SAMPLE_FOLDERS:
            return SAMPLE
    stem = stem_of(file_name)
    ending = _ENDING.search(stem, max(0, len(stem) - _TAIL))
    if ending is not None and ending.group("sample"):
        return SAMPLE
    by_folder = _extra_folder(folders)
    if by_folder is not None:
        return by_folder
    if ending is None:
        titled = titled_extra(stem)  # "Alien (1979) - Deleted Scenes"
        return Classification("extra", titled[1]) if titled else MAIN
    if _is_release_group(stem, ending):
        return MAIN
    return _by_suffix(ending)


def _is_release_group(stem: str, ending: re.Match[str]) -> bool:
    """"Heat.1995.1080p.BluRay.x264-Scene": after a release tag a dashed word is the
    group that made the release, not an extra's suffix."""
    return bool(ending.group("suffix")) and follows_release_tag(stem, ending.start())


def _extra_folder(folders: tuple[str, ...]) -> Classification | None:
    # Only the innermost folder counts, and never the library root's own children:
    # a library named "Shorts" holds movies, not extras.
    if len(folders) < 2:
        return None
    extra_type = _EXTRA_FOLDERS.get(folder_key(folders[-1]))
    return Classification("extra", extra_type, owner_depth=1) if extra_type else None


def _by_suffix(ending: re.Match[str]) -> Classification:
    if ending.group("trailer"):
        return TRAILER
    return Classification("extra", _SUFFIX_TYPES[ending.group("suffix").casefold()])


def owner_folder(folder: str, found: Classification) -> str:
    """Where the movie of a file in `folder` keeps its main files."""
    for _ in range(found.owner_depth):
        folder = posixpath.dirname(folder)
    return folder
