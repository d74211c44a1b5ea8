"""Before parsing: the extension, an extra's suffix and provider ids come off a name."""

from __future__ import annotations

from revenge.domain.library.naming.options import OPTIONS as O
from revenge.domain.library.naming.scan import follows_release_tag, only_article

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

    from revenge.domain.library.naming.result import ExtraType, Kind


class Prepared:
    """A name ready to scan, and what came off it."""

    __slots__ = ("container", "edition", "extra_type", "imdb_id", "kind", "text", "tmdb_id")

    def __init__(self, name: str) -> None:
        text, self.container = split_extension(name.strip())
        if "opy" in text and (copied := O.windows_copy.search(text)):
            text = text[: copied.start()] or text  # "Movie (2010) - Copy (2).mkv"
        if _may_open_with_banner(text) and (banner := O.leading_banner.match(text)) and (
                banner.end() < len(text)):
            text = text[banner.end() :]
        if text.count("-") >= 3 and not any(char in text for char in " ._"):
            text = _hyphens_as_spaces(text)
        if "\u300a" in text and (marked := O.book_title.match(text)):
            text = f"{marked.group(1)} {text[marked.end() :]}"
        if text[:1] in "[(【" and (wrapped := O.wrapped.fullmatch(text)):
            text = wrapped.group(1)
        elif text[:1] == "[" and O.only_groups.fullmatch(text):
            text = _title_group_first(text)
        text, self.kind, self.extra_type = _extra_kind(text)
        lowered = text.lower()  # cheap substring tests spare most regex searches
        text, tmdb_id = _take(O.tmdb, text) if "tmdb" in lowered else (text, None)
        text, self.imdb_id = _take(O.imdb, text) if "tt" in lowered else (text, None)
        edition = "{edition-" in lowered
        self.text, self.edition = _take(O.plex_edition, text) if edition else (text, None)
        self.tmdb_id = int(tmdb_id) if tmdb_id else None
        if self.kind == "movie" and "-x" in lowered and O.bonus.search(self.text):
            self.kind, self.extra_type = "extra", "other"


def _may_open_with_banner(text: str) -> bool:
    """A banner is bracketed or followed by a dash: most names have neither, and spare
    the banner's search (a site's pattern backtracks over every dot of a name)."""
    return text[:1] in "[(\u3010" or "- " in text or "\u2013 " in text


def _hyphens_as_spaces(text: str) -> str:
    """"Movie-Title-2010-1080p-x264": with hyphens alone between words, they are spaces;
    a range of years keeps its own ("Saga-(1984-1994)")."""
    pieces = O.year_range_words.split(text)
    return "".join(piece if index % 2 else piece.replace("-", " ")
                   for index, piece in enumerate(pieces))


def _title_group_first(text: str) -> str:
    """"[柳林风声][The Wind in the Willows][BDMV][1080p]": a name made only of bracket
    groups puts the first wholly Latin-script group that is not release information
    (of more than one word, if there is one) first, so it reads as the title and the
    other groups as what follows it."""
    groups = O.square_group.findall(text)
    titles = [index for index, group in enumerate(groups) if is_title_group(group[1:-1])]
    # a release group is one word ("[Grp][Movie Title (2010)]"): prefer a title of more
    words = [index for index in titles if len(O.folder_words.split(groups[index].strip("[] "))) > 1]
    if not words and titles[:1] == [0] and len(titles) > 1:
        titles = titles[1:]  # "[Grp][Title][1080p]": the first group names the release
    if not (chosen := (words or titles)):
        return text
    index = chosen[0]
    return f"{groups[index][1:-1].strip()} {''.join(groups[:index] + groups[index + 1 :])}"


def is_title_group(inner: str) -> bool:
    """What a bracket holds is a name wholly in Latin script, not release information."""
    letters = [char for char in inner if char.isalpha()]
    if len(letters) < 3 or any(ord(char) >= 0x250 for char in letters):
        return False  # too short, or not wholly Latin ("To LOVE\u308b")
    words = O.folder_words.split(inner.lower().strip())
    if words[0] in O.release_group_words and not (words[1:] and words[1][:1].isalpha()):
        return False  # "[Vol.01-02]", "[Movie 01-02 Fin]", "[Movie]"; not "[Movie Title]"
    if O.tags.match(inner.lower()) or O.cased_tags.match(inner):
        return False  # "[1080p]", "[BDRip]", "[x264 Hi10P TrueHD MKV]"
    return not (inner.isupper() and len(inner) <= 5)  # "[BDMV]", "[GER]", "[USA]"


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
    if suffix and (match := O.extra_suffix.search(text)) and match.start() > 0 \
            and not only_article(text[: match.start()]):
        # "Movie-trailer.mkv", "movie.sample.mkv"; "The Trailer.mkv" is a film's name
        if match.group("strict") and follows_release_tag(text, match.start()):
            return text, "movie", None  # a release group named Short, Clip, Scene...
        return text[: match.start()], *_kind_of(match.group("loose") or match.group("strict"))
    if (match := O.sample_prefix.match(text)) and not (
            text[match.end() - 1] == " " and O.bracketed_year.search(text)):
        # "sample-grp-title.mkv"; not "Sample People (2000).mkv", a film's name
        return text[match.end() :], "sample", None
    if titled := titled_extra(text):
        return text[: titled[0]], "extra", titled[1]
    return text, "movie", None


def titled_extra(text: str) -> tuple[int, ExtraType] | None:
    """"Movie (2010) - Deleted Scenes": where the extra's words start, and its type."""
    if "-" not in text or not (match := O.titled_extra.search(text)):
        return None
    kind = str(match.lastgroup).removeprefix("kind")
    return match.start(), O.titled_extra_types[int(kind)]


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
