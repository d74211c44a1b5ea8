"""`parse_path`: a file path, where the folders above a file can name the movie.

The file name wins when it names the movie.  The nearest folder that says something
(not "Movies", "Extras", "CD1", a hash...) takes over when the file name is poor:
no title, a hash or scene abbreviation ("dmd-aw.avi"), a generic word ("movie.mkv"),
or no year where the folder has one and names the same movie ("The Matrix (1999)/
The.Matrix.mkv") or is a release ("Heat.1995.1080p.BluRay-GRP/grp-heat.mkv").  A folder
named like an extras type ("Trailers", "Behind The Scenes") or "Sample" sets `kind`.
"""

from __future__ import annotations

import functools
import unicodedata

from revenge.domain.library.naming.names import parse_name
from revenge.domain.library.naming.options import OPTIONS as O
from revenge.domain.library.naming.prepare import split_extension

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from revenge.domain.library.naming.result import ParsedName

_INHERITED = (
    "edition", "resolution", "source", "codec", "audio", "release_group", "part",
    "tmdb_id", "imdb_id",
)  # fmt: skip


def parse(text: str) -> ParsedName:
    """Parse `text` as a path when it looks like one, else as a single name."""
    return parse_path(text) if looks_like_path(text) else parse_name(text)


def looks_like_path(text: str) -> bool:
    """"Movies/Title (2000)/file.mkv" is a path; "Title / Alt Title" and "Ukr/Eng" are not."""
    if "\\" in text or O.rooted.match(text):
        return True
    if "/" not in text or " /" in text or "/ " in text:
        return False
    first, last = text.partition("/")[0], text.rpartition("/")[2]
    return split_extension(last)[1] is not None or _folder_key(first) in O.generic_folders


def parse_path(path: str, parse_one: Callable[[str], ParsedName] = parse_name) -> ParsedName:
    """Parse a file path (POSIX or Windows); folders fill in what the file name lacks.
    `parse_one` parses each single name (the file's, a folder's)."""
    *folders, file_name = _components(path) or [""]
    parsed = parse_one(file_name)
    nearest = _folder_key(folders[-1]) if folders else ""
    folder = next(_informative(reversed(folders), parse_one), None)
    if folder is not None:
        parsed = _merge(parsed, file_name, folder, nearest)
    return _with_folder_kind(parsed, nearest)


def _components(path: str) -> list[str]:
    parts = O.path_separators.split(path.strip())
    return [part for part in parts if part.strip() and not O.drive.match(part)]


def _folder_key(name: str) -> str:
    return O.folder_words.sub(" ", name.casefold()).strip()


class PathParser:
    """`parse_path` for many paths in a row, as a scan does: each distinct file or
    folder name is parsed once while it is among the last `remembered` names. Sibling
    files share their folders' names and names like `movie.mkv` or `trailer.mp4` recur,
    so a library's paths hold far fewer distinct names than names. (`ParsedName` is
    immutable, so sharing one result is safe.)"""

    def __init__(self, remembered: int = 4096) -> None:
        self._parse_one = functools.lru_cache(maxsize=remembered)(parse_name)

    def __call__(self, path: str) -> ParsedName:
        return parse_path(path, self._parse_one)

    def counts(self) -> tuple[int, int]:
        """(names parsed, names answered from memory) so far."""
        info = self._parse_one.cache_info()
        return info.misses, info.hits


def _informative(folders: Iterator[str],
                 parse_one: Callable[[str], ParsedName]) -> Iterator[ParsedName]:
    for name in folders:
        key = _folder_key(name)
        if key in O.generic_folders or key in O.extra_folders or key in O.sample_folders:
            continue
        if O.part_folder.match(key):
            continue
        parsed = parse_one(name)
        if parsed.title and not _is_hash(parsed.title):
            yield parsed


def _merge(file: ParsedName, file_name: str, folder: ParsedName, nearest: str) -> ParsedName:
    if _is_poor(file, file_name) or nearest in O.disc_folders:
        return _titled_by(folder, file)
    if _folder_dates(file, folder) and nearest not in O.extra_folders:
        return _titled_by(folder, file)
    if file.year == folder.year and _has_junk_before(file.title, folder.title):
        return _titled_by(folder, file)
    return _filled(file, folder)


def _folder_dates(file: ParsedName, folder: ParsedName) -> bool:
    """The folder gives the year the file lacks, if it is about the same movie."""
    if file.year is not None or folder.year is None:
        return False
    return _is_release(folder) or _same_movie(file.title, folder.title)


def _is_poor(file: ParsedName, file_name: str) -> bool:
    stem = split_extension(file_name)[0]
    if file.title is None or _is_hash(file.title) or O.generic_file.match(stem):
        return True
    return " " not in stem and stem == stem.lower() and bool(O.scene_file.match(stem))


def _is_hash(title: str) -> bool:
    """"0e895c37245186812cb08aab1529cf8ee389dd05", "AHFMZXGHEWD660": not a title."""
    for word in O.long_words.findall(title):
        digits = sum(char.isdigit() for char in word)
        if digits >= 3 and digits < len(word):
            return True
    return False


def _is_release(folder: ParsedName) -> bool:
    """A release folder ("Heat.1995.1080p.BluRay.x264-GRP") holds one movie's files."""
    return any((folder.resolution, folder.source, folder.codec, folder.audio))


def _same_movie(title: str | None, folder_title: str | None) -> bool:
    """"La.Science.Des.Reves" in "La Science des Rêves (2006)": one title in the other."""
    name, other = f" {_plain(title)} ", f" {_plain(folder_title)} "
    return bool(name.strip() and other.strip()) and (name in other or other in name)


def _plain(title: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", _folder_key(title or ""))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _has_junk_before(title: str | None, folder_title: str | None) -> bool:
    """"08.03.09.The.Doors" in "The Doors (1991)": the folder says it better."""
    name, better = _folder_key(title or ""), _folder_key(folder_title or "")
    return bool(better) and name != better and name.endswith(" " + better)


def _titled_by(folder: ParsedName, file: ParsedName) -> ParsedName:
    titled = file.replace(
        title=folder.title,
        year=folder.year or file.year,
        alternative_titles=folder.alternative_titles,
    )
    return _filled(titled, folder)


def _filled(file: ParsedName, folder: ParsedName) -> ParsedName:
    missing = {
        field: getattr(folder, field)
        for field in _INHERITED
        if getattr(file, field) is None and getattr(folder, field) is not None
    }
    if folder.is_3d and not file.is_3d:
        missing["is_3d"] = True
    return file.replace(**missing) if missing else file


def _with_folder_kind(parsed: ParsedName, folder_key: str) -> ParsedName:
    if parsed.kind != "movie":
        return parsed
    if folder_key in O.sample_folders:
        return parsed.replace(kind="sample")
    if extra_type := O.extra_folders.get(folder_key):
        return parsed.replace(kind="extra", extra_type=extra_type)
    return parsed
