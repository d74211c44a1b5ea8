"""Before parsing: the extension, an extra's suffix and provider ids come off a name."""

from __future__ import annotations

import re
from typing import NamedTuple

from revenge.domain.library.naming.options import OPTIONS as O
from revenge.domain.library.naming.result import ExtraType, Kind


class Prepared(NamedTuple):
    text: str
    container: str | None
    kind: Kind
    extra_type: ExtraType | None
    tmdb_id: int | None
    imdb_id: str | None
    edition: str | None


def prepare(name: str) -> Prepared:
    text, container = split_extension(name.strip())
    text, kind, extra_type = _extra_kind(text)
    text, tmdb_id = _take(O.tmdb, text)
    text, imdb_id = _take(O.imdb, text)
    text, edition = _take(O.plex_edition, text)
    if O.bonus.search(text) and kind == "movie":
        kind, extra_type = "extra", "other"
    tmdb = int(tmdb_id) if tmdb_id else None
    return Prepared(text, container, kind, extra_type, tmdb, imdb_id, edition)


def split_extension(text: str) -> tuple[str, str | None]:
    match = O.extension.search(text)
    extension = match.group(1).lower() if match else ""
    if not match or match.start() == 0:
        return text, None
    if extension not in O.video_extensions and extension not in O.side_extensions:
        return text, None
    text = text[: match.start()]
    if extension == "disc" and (stub := O.stub_type.search(text)):
        text = text[: stub.start()]
    return text, extension


def _extra_kind(text: str) -> tuple[str, Kind, ExtraType | None]:
    if match := O.extra_name.match(text):
        return "", *_kind_of(match.group(1))
    if (match := O.extra_suffix.search(text)) and match.start() > 0:
        return text[: match.start()], *_kind_of(match.group("loose") or match.group("strict"))
    if match := O.sample_prefix.match(text):
        return text[match.end() :], "sample", None
    return text, "movie", None


def _kind_of(word: str) -> tuple[Kind, ExtraType | None]:
    word = word.lower()
    if word == "sample":
        return "sample", None
    return "extra", O.extra_suffixes[word]


def _take(pattern: re.Pattern[str], text: str) -> tuple[str, str | None]:
    match = pattern.search(text)
    if not match:
        return text, None
    value = next(group for group in match.groups() if group)
    return f"{text[: match.start()]} {text[match.end() :]}", value
