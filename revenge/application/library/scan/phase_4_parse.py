"""Phase 4, parse: each new main file or extra is read by the name parser (its folders
included), with a Kodi .nfo beside it winning over the parse; stacks get part numbers.
Names that give no title are remembered as unrecognised.

Files come out in chunks of whole folders. The parser keeps the event loop free while
it works (it hands the loop back every few files, or parses in other processes), so
phase 5's writer stores earlier chunks while the next is being parsed: the database's
work on the rows (its indexes above all) runs beside ours."""

from __future__ import annotations

import contextlib
import posixpath
from collections import defaultdict
from collections.abc import AsyncGenerator, Iterator

from revenge.application.library.ports import FileSystem, NameParser
from revenge.application.library.scan.phase_3_classify import skipped
from revenge.application.library.scan.state import Scan
from revenge.domain.library.classification import Classification, ExtraType, owner_folder
from revenge.domain.library.diff import FileStat
from revenge.domain.library.extensions import stem_of
from revenge.domain.library.grouping import Recognised, unify_stacks
from revenge.domain.library.naming import ParsedName
from revenge.domain.library.nfo import NfoInfo, parse_nfo
from revenge.domain.library.stacking import stack_parts

MOVIE_NFO = "movie.nfo"
NO_NFO = NfoInfo()


CHUNK_FILES = 500
Chunk = list[tuple[FileStat, Classification]]


async def parse(scan: Scan, fs: FileSystem,
                parser: NameParser) -> AsyncGenerator[list[Recognised], None]:
    """The new files, recognised, a chunk of whole folders at a time."""
    context = _Context(scan, _stacks(scan), await _read_nfos(scan, fs))
    chunks = list(folder_chunks(scan.classified, CHUNK_FILES))
    batches = [[stat.path for stat, _ in chunk] for chunk in chunks]
    async with contextlib.aclosing(parser.parse_batches(batches)) as answers:
        number = 0
        async for parsed in answers:
            yield unify_stacks(context.recognise(chunks[number], parsed), context.stack_keys)
            number += 1


def folder_chunks(classified: Chunk, size: int) -> Iterator[Chunk]:
    """In path order, cut only between folders (a stack never spans two chunks)."""
    chunk: Chunk = []
    for item in sorted(classified, key=lambda item: item[0].path):
        if len(chunk) >= size and _folder(chunk[-1][0].path) != _folder(item[0].path):
            yield chunk
            chunk = []
        chunk.append(item)
    if chunk:
        yield chunk


def _folder(path: str) -> str:
    return path.rpartition("/")[0]


class _Context:
    def __init__(self, scan: Scan, stacks: dict[str, tuple[str, int]],
                 nfos: dict[str, NfoInfo]) -> None:
        self.scan, self.stacks, self.nfos = scan, stacks, nfos
        self.stack_keys = {path: key for path, (key, _) in stacks.items()}

    def recognise(self, chunk: Chunk, parses: list[ParsedName]) -> list[Recognised]:
        recognised: list[Recognised] = []
        stacks, nfos = self.stacks, self.nfos
        for (stat, found), parsed in zip(chunk, parses, strict=True):
            path = stat.path
            file = _recognise(stat, found, parsed, stacks.get(path), nfos.get(path, NO_NFO))
            if isinstance(file, Recognised):
                recognised.append(file)
            else:
                self.scan.skipped.append(skipped(stat, file))
        self.scan.counts.parsed += len(chunk)
        return recognised


def nfo_of(path: str, nfos: frozenset[str]) -> str | None:
    """The .nfo of a video: `<name>.nfo` beside it, else its folder's `movie.nfo`."""
    folder, _, name = path.rpartition("/")
    for candidate in (f"{folder}/{stem_of(name)}.nfo", f"{folder}/{MOVIE_NFO}"):
        if candidate in nfos:
            return candidate
    return None


async def _read_nfos(scan: Scan, fs: FileSystem) -> dict[str, NfoInfo]:
    """The .nfo of each new file that has one (by video path), read in one go."""
    nfos = scan.walk.nfos
    folders = {nfo.rpartition("/")[0] for nfo in nfos}
    wanted = {stat.path: nfo for stat, _ in scan.classified
              if stat.path.rpartition("/")[0] in folders and (nfo := nfo_of(stat.path, nfos))}
    if not wanted:
        return {}
    texts = await fs.read_texts(set(wanted.values()))
    parsed = {path: parse_nfo(text) if text else NO_NFO for path, text in texts.items()}
    return {video: parsed[nfo] for video, nfo in wanted.items()}


def _stacks(scan: Scan) -> dict[str, tuple[str, int]]:
    """Stack key (folder included) and part of every stacked video the walk saw."""
    wanted = {_folder(stat.path) for stat, _ in scan.classified}
    by_folder: dict[str, list[str]] = defaultdict(list)
    for video in scan.walk.videos if wanted else ():
        folder, _, name = video.path.rpartition("/")
        if folder in wanted:
            by_folder[folder].append(name)
    return {posixpath.join(folder, name): (f"{folder}\0{key}", part)
            for folder, names in by_folder.items() if len(names) > 1
            for name, (key, part) in stack_parts(names).items()}


def _recognise(stat: FileStat, found: Classification, parsed: ParsedName,
               stack: tuple[str, int] | None, info: NfoInfo) -> Recognised | str:
    folder = _folder(stat.path)
    if found.role == "extra":
        return _extra(stat, found.extra_type, owner_folder(folder, found), parsed)
    if parsed.kind == "sample":
        return "sample"
    if parsed.kind == "extra":
        return _extra(stat, parsed.extra_type, folder, parsed)
    if not (info.title or parsed.title or info.tmdb_id or info.imdb_id or parsed.tmdb_id):
        return "unrecognised"
    return _main(stat, folder, parsed, info, stack)


def _main(stat: FileStat, folder: str, parsed: ParsedName, info: NfoInfo,
          stack: tuple[str, int] | None) -> Recognised:
    return Recognised(
        stat=stat, role="main", owner_folder=folder,
        title=info.title or parsed.title or info.original_title,
        original_title=info.original_title or other_name(parsed), year=info.year or parsed.year,
        edition=parsed.edition, part=stack[1] if stack else None,
        tmdb_id=info.tmdb_id or parsed.tmdb_id, imdb_id=info.imdb_id or parsed.imdb_id,
        container=parsed.container,
    )


def other_name(parsed: ParsedName) -> str | None:
    """The name's other title ("Енола Голмс / Enola Holmes", "A AKA B"): kept as the
    original title until the provider says better, so the matcher searches it too."""
    return next((t for t in parsed.alternative_titles if t != parsed.title), None)


def _extra(stat: FileStat, extra_type: ExtraType | None, owner_folder: str,
           parsed: ParsedName) -> Recognised:
    return Recognised(stat=stat, role="extra", owner_folder=owner_folder,
                      title=parsed.title, extra_type=extra_type or "other",
                      container=parsed.container)
