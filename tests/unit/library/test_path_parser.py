"""`PathParser` parses each distinct name once, and answers exactly what `parse_path`
does for every path, in any order, however often a name recurs."""

from __future__ import annotations

import json
import random
from pathlib import Path

from revenge.domain.library.naming import PathParser, parse_path

CASES_DIR = Path(__file__).parent / "naming_cases"
FOLDERS = ("Movies", "The Matrix (1999)", "Extras", "Trailers", "CD1", "Heat.1995.1080p-GRP",
           "Featurettes", "Sample", "Amélie (2001) {tmdb-194}")


def _names() -> list[str]:
    return [json.loads(line)["input"] for case in sorted(CASES_DIR.glob("*.jsonl"))
            for line in case.read_text().splitlines() if line.strip()]


def _paths(seed: int = 7) -> list[str]:
    """Every naming case under a few folders, often the same ones (as in a library)."""
    rng = random.Random(seed)
    names = [n.replace("/", " ") for n in _names()]
    return [f"/{'/'.join(rng.sample(FOLDERS, rng.randint(0, 3)))}/{name}".replace("//", "/")
            for name in names for _ in range(2)]


def test_every_path_is_parsed_as_parse_path_would() -> None:
    parse = PathParser(remembered=64)  # small: names leave and come back
    paths = _paths()
    random.Random(1).shuffle(paths)
    for path in paths:
        assert parse(path) == parse_path(path), path


def test_a_recurring_name_is_parsed_once() -> None:
    parse = PathParser()
    for movie in ("Heat (1995)", "Alien (1979)"):
        for name in ("movie.mkv", "trailer.mp4"):
            parse(f"/Movies/{movie}/{name}")
    parsed, remembered = parse.counts()
    assert (parsed, remembered) == (4, 4)  # 2 folders + 2 file names; each seen twice
