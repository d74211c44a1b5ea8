"""Before parsing: the extension, an extra's suffix and provider ids come off a name."""

from __future__ import annotations

from revenge.domain.library.naming.options import OPTIONS as O
from revenge.domain.library.naming.scan import follows_release_tag

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

    from revenge.domain.library.naming.result import ExtraType, Kind


class Prepared:
    """A name ready to scan, and what came off it."""

    __slots__ = ("container", "edition", "extra_type", "imdb_id", "kind", "text", "tmdb_id")

    def __init__(self, name: str) -> None:
        text, self.container = split_extension(name.strip())
        if text[:1] in "[(【" and (wrapped := O.wrapped.fullmatch(text)):
            text = wrapped.group(1)
        text, self.kind, self.extra_type = _extra_kind(text)
        lowered = text.lower()  # cheap substring tests spare most regex searches
        text, tmdb_id = _take(O.tmdb, text) if "tmdb" in lowered else (text, None)
        text, self.imdb_id = _take(O.imdb, text) if "tt" in lowered else (text, None)
        edition = "{edition-" in lowered
        self.text, self.edition = _take(O.plex_edition, text) if edition else (text, None)
        self.tmdb_id = int(tmdb_id) if tmdb_id else None
        if self.kind == "movie" and "-x" in lowered and O.bonus.search(self.text):
            self.kind, self.extra_type = "extra", "other"


def split_extension(text: str) -> tuple[str, str | None]:
    stem, dot, extension = text.rpartition(".")
    extension = extension.lower()
    if not dot or not stem or extension not in O.extensions:
        return text, None
    if extension == "disc" and (stub := O.stub_type.search(stem)):
        stem = stem[: stub.start()]
    return stem, extension


def _extra_kind(text: str) -> tuple[str, Kind, ExtraType | None]:
    if match := O.extra_name.match(text):
        return "", *_kind_of(match.group(1))
    suffix = text.lower().rstrip(" ._-0123456789").endswith(O.extra_suffix_words)
    if suffix and (match := O.extra_suffix.search(text)) and match.start() > 0:
        if match.group("strict") and follows_release_tag(text, match.start()):
            return text, "movie", None  # a release group named Short, Clip, Scene...
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
