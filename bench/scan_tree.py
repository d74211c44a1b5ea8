"""A tree of sparse video files under realistic names, for bench_scan.py.

Names combine title words, years and release tags the way real libraries do: a folder
per movie ("Title (Year)/Title.Year.1080p.BluRay.x264-GRP.mkv"), flat release names,
extras (trailers, featurettes), samples, two-part movies and Kodi .nfo files. Files
are sparse (truncate), so 20k of them use no disk.
"""

from __future__ import annotations

import os
import random

WORDS = ("Last", "Dark", "City", "Night", "Storm", "River", "Ghost", "Iron", "Silent",
         "Golden", "Lost", "Empire", "Shadow", "Winter", "Fire", "Blood", "Glass", "Red",
         "Hidden", "Broken", "Wild", "Black", "Star", "Moon", "King", "Queen", "War",
         "Heart", "Road", "Sea", "House", "Garden", "Machine", "Dream", "Secret", "Man",
         "Woman", "Child", "Doctor", "Love", "Death", "Time", "Island", "Mountain")
ARTICLES = ("The", "A", "", "", "")
RESOLUTIONS = ("2160p", "1080p", "720p", "480p")
SOURCES = ("BluRay", "WEB-DL", "WEBRip", "HDTV", "DVDRip", "BDRip", "REMUX")
CODECS = ("x264", "x265", "H.264", "HEVC", "XviD", "AV1")
AUDIO = ("DTS", "AC3", "AAC", "DDP5.1", "TrueHD.Atmos", "FLAC")
GROUPS = ("SPARKS", "GECKOS", "FGT", "YIFY", "RARBG", "NTb", "EVO", "TiGER", "DON")
EXTENSIONS = (".mkv", ".mkv", ".mkv", ".mp4", ".avi", ".m4v")


def make_tree(root: str, count: int, seed: int = 6) -> list[str]:
    """Creates about `count` video files below `root`; returns their paths."""
    rng = random.Random(seed)
    paths: list[str] = []
    for index in range(count * 10):
        if len(paths) >= count:
            break
        paths += _movie(rng, root, index)
    return paths


def _title(rng: random.Random, index: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
    article = rng.choice(ARTICLES)
    return " ".join(filter(None, [article, *words, _roman(index)]))


def _roman(index: int) -> str:
    # Keeps titles distinct without looking like tags: "Dark River Xiv".
    numerals = ((10, "X"), (9, "Ix"), (5, "V"), (4, "Iv"), (1, "I"))
    left, out = index % 40 + 1, ""
    for value, text in numerals:
        while left >= value:
            out, left = out + text, left - value
    return f"{out} {chr(65 + index // 40 % 26)}{index // 1040 or ''}"


def _release(rng: random.Random, title: str, year: int) -> str:
    dotted = title.replace(" ", ".")
    tags = [rng.choice(RESOLUTIONS), rng.choice(SOURCES), rng.choice(AUDIO), rng.choice(CODECS)]
    return f"{dotted}.{year}.{'.'.join(tags)}-{rng.choice(GROUPS)}"


def _movie(rng: random.Random, root: str, index: int) -> list[str]:
    title, year = _title(rng, index), rng.randint(1950, 2024)
    release, extension = _release(rng, title, year), rng.choice(EXTENSIONS)
    kind = rng.random()
    if kind < 0.25:  # a flat release name in the library root
        return [_file(rng, os.path.join(root, release + extension))]
    folder = os.path.join(root, f"{title} ({year})")
    names = [release + extension]
    if kind > 0.97:
        names = [f"{release}.cd1{extension}", f"{release}.cd2{extension}"]
    files = [_file(rng, os.path.join(folder, name)) for name in names]
    if rng.random() < 0.08:
        files.append(_file(rng, os.path.join(folder, f"{title} ({year})-trailer.mp4")))
    if rng.random() < 0.04:
        files.append(_file(rng, os.path.join(folder, "Sample", f"sample-{release}.mkv")))
    if rng.random() < 0.05:
        _nfo(folder, title, year, 1000 + index)
    return files


def _file(rng: random.Random, path: str) -> str:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.truncate(rng.randint(700, 9000) * 1_000_000)
    moment = rng.randint(1_500_000_000, 1_700_000_000)
    os.utime(path, (moment, moment))
    return path


def _nfo(folder: str, title: str, year: int, tmdb_id: int) -> None:
    with open(os.path.join(folder, "movie.nfo"), "w") as handle:
        handle.write(f"<movie><title>{title}</title><year>{year}</year>"
                     f'<uniqueid type="tmdb">{tmdb_id}</uniqueid></movie>\n')
