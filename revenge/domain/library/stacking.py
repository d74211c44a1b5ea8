"""Multi-part movies: files of one folder named alike but for a part marker stack into
one movie (cd1/cd2, part1/part2, disc a/disc b, pt1, dvd1 ...), like Jellyfin's stacks."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from revenge.domain.library.extensions import stem_of

_MARKER = r"(?<![a-z0-9])(?:cd|dvd|part|pt|dis[ck])"
_NUMBERED = re.compile(r"(?i)^(?P<base>.*?)[ _.\-\[(]*" + _MARKER +
                       r"[ _.\-]*(?P<part>\d{1,2})(?![0-9])[\])]?(?P<rest>.*)$")
_LETTERED = re.compile(r"(?i)^(?P<base>.*?)[ _.\-\[(]*" + _MARKER +
                       r"[ _.\-]*(?P<part>[a-h])(?![a-z0-9])[\])]?(?P<rest>.*)$")
# What both patterns need somewhere: one cheap search rules out most names.
_ANY_MARKER = re.compile(r"(?i)" + _MARKER + r"[ _.\-]*(?:\d|[a-h](?![a-z0-9]))")


def part_marker(file_name: str) -> tuple[str, int] | None:
    """The stack key (name without the marker, lower-cased) and the part number."""
    stem = stem_of(file_name)
    if _ANY_MARKER.search(stem) is None:
        return None
    for pattern in (_NUMBERED, _LETTERED):
        match = pattern.match(stem)
        if match and match.group("base").strip(" ._-"):
            return _key(match), _number(match.group("part"))
    return None


def _key(match: re.Match[str]) -> str:
    return f"{match.group('base')}\0{match.group('rest')}".casefold()


def _number(part: str) -> int:
    return int(part) if part.isdigit() else ord(part.lower()) - ord("a") + 1


def stack_parts(file_names: Iterable[str]) -> Mapping[str, tuple[str, int]]:
    """For the given names (all from one folder) that form stacks -- two or more names
    alike but for distinct part markers -- their stack key and part number. A lone
    "Part 2" stays a movie of its own."""
    stacks: dict[str, dict[int, str]] = defaultdict(dict)
    for name in file_names:
        marker = part_marker(name)
        if marker is not None:
            stacks[marker[0]].setdefault(marker[1], name)
    return {name: (key, part) for key, parts in stacks.items() if len(parts) > 1
            for part, name in parts.items()}
