"""Phase 4, parse: each new main file or extra is read by the name parser (its folders
included), with a Kodi .nfo beside it winning over the parse; stacks get part numbers.
Names that give no title are remembered as unrecognised."""

from __future__ import annotations

import posixpath
from collections import defaultdict

from revenge.application.library.ports import FileSystem
from revenge.application.library.scan.phase_3_classify import skipped
from revenge.application.library.scan.state import NameParser, Scan
from revenge.domain.library.classification import Classification, ExtraType
from revenge.domain.library.diff import FileStat
from revenge.domain.library.extensions import stem_of
from revenge.domain.library.grouping import Recognised, unify_stacks
from revenge.domain.library.naming import ParsedName
from revenge.domain.library.nfo import NfoInfo, parse_nfo
from revenge.domain.library.stacking import stack_parts

MOVIE_NFO = "movie.nfo"
NO_NFO = NfoInfo()


async def parse(scan: Scan, fs: FileSystem, parser: NameParser) -> None:
    stacks = _stacks(scan)
    nfos = await _read_nfos(scan, fs)
    recognised: list[Recognised] = []
    for stat, found in scan.classified:
        parsed = parser(stat.path)
        scan.counts.parsed += 1
        info = nfos.get(nfo_of(stat.path, scan.walk.nfos) or "", NO_NFO)
        file = _recognise(stat, found, parsed, stacks.get(stat.path), info)
        if isinstance(file, Recognised):
            recognised.append(file)
        else:
            scan.skipped.append(skipped(stat, file))
    stack_keys = {path: key for path, (key, _) in stacks.items()}
    scan.recognised = unify_stacks(recognised, stack_keys)


def nfo_of(path: str, nfos: frozenset[str]) -> str | None:
    """The .nfo of a video: `<name>.nfo` beside it, else its folder's `movie.nfo`."""
    folder, name = posixpath.split(path)
    for candidate in (posixpath.join(folder, stem_of(name) + ".nfo"),
                      posixpath.join(folder, MOVIE_NFO)):
        if candidate in nfos:
            return candidate
    return None


async def _read_nfos(scan: Scan, fs: FileSystem) -> dict[str, NfoInfo]:
    """Every .nfo the new files need, read in one go and parsed once each."""
    wanted = {nfo for stat, _ in scan.classified if (nfo := nfo_of(stat.path, scan.walk.nfos))}
    if not wanted:
        return {}
    texts = await fs.read_texts(wanted)
    return {path: parse_nfo(text) if text else NO_NFO for path, text in texts.items()}


def _stacks(scan: Scan) -> dict[str, tuple[str, int]]:
    """Stack key (folder included) and part of every stacked video the walk saw."""
    wanted = {posixpath.dirname(stat.path) for stat, _ in scan.classified}
    by_folder: dict[str, list[str]] = defaultdict(list)
    for video in scan.walk.videos if wanted else ():
        folder, name = posixpath.split(video.path)
        if folder in wanted:
            by_folder[folder].append(name)
    return {posixpath.join(folder, name): (f"{folder}\0{key}", part)
            for folder, names in by_folder.items() if len(names) > 1
            for name, (key, part) in stack_parts(names).items()}


def _recognise(stat: FileStat, found: Classification, parsed: ParsedName,
               stack: tuple[str, int] | None, info: NfoInfo) -> Recognised | str:
    folder = posixpath.dirname(stat.path)
    if found.role == "extra":
        return _extra(stat, found.extra_type, _ancestor(folder, found.owner_depth), parsed)
    if parsed.kind == "sample":
        return "sample"
    if parsed.kind == "extra":
        return _extra(stat, parsed.extra_type, folder, parsed)
    if not (info.title or parsed.title or info.tmdb_id or info.imdb_id or parsed.tmdb_id):
        return "unrecognised"
    return _main(stat, parsed, info, stack)


def _main(stat: FileStat, parsed: ParsedName, info: NfoInfo,
          stack: tuple[str, int] | None) -> Recognised:
    return Recognised(
        stat=stat, role="main", owner_folder=posixpath.dirname(stat.path),
        title=info.title or parsed.title or info.original_title,
        original_title=info.original_title, year=info.year or parsed.year,
        edition=parsed.edition, part=stack[1] if stack else None,
        tmdb_id=info.tmdb_id or parsed.tmdb_id, imdb_id=info.imdb_id or parsed.imdb_id,
        container=parsed.container,
    )


def _extra(stat: FileStat, extra_type: ExtraType | None, owner_folder: str,
           parsed: ParsedName) -> Recognised:
    return Recognised(stat=stat, role="extra", owner_folder=owner_folder,
                      title=parsed.title, extra_type=extra_type or "other",
                      container=parsed.container)


def _ancestor(folder: str, depth: int) -> str:
    for _ in range(depth):
        folder = posixpath.dirname(folder)
    return folder
