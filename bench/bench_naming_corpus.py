"""Recognition on names from other projects' test suites: our parser against guessit.

    .venv/bin/python bench/bench_naming_corpus.py [--failures SOURCE]

Prints figures only (not a test): per source of tests/fixtures/naming (tuning and
held-back sets, see its README), the share of names whose title and stated year both
come out right, for our parser and for guessit on the same names and the same scoring
(tests/unit/library/test_naming_corpus.py). `--failures` lists one tuning source's
failures; held-back sources are refused, so nobody tunes on them by accident.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from revenge.domain.library.naming import parse  # noqa: E402
from tests.unit.library.test_naming_cases import norm_title  # noqa: E402
from tests.unit.library.test_naming_corpus import HELD_BACK, load_corpus  # noqa: E402

Parsed = tuple[str | None, int | None]


def ours(name: str) -> Parsed:
    parsed = parse(name)
    return parsed.title, parsed.year


def guessit_parser() -> Callable[[str], Parsed] | None:
    try:
        from guessit import guessit
    except ImportError:
        return None

    def theirs(name: str) -> Parsed:
        found = guessit(name, {"type": "movie"})
        year = found.get("year")
        return found.get("title"), year if isinstance(year, int) else None

    return theirs


def passed(case: dict[str, Any], got: Parsed) -> bool:
    wanted = {norm_title(title) for title in [case["title"], *case.get("alt_titles", [])]}
    title_ok = bool(got[0]) and norm_title(got[0]) in wanted
    return title_ok and (not case["year_stated"] or got[1] == case["year"])


def score(parser: Callable[[str], Parsed], cases: list[dict[str, Any]]) -> tuple[float, float]:
    """(% passed, names per second)."""
    started = time.perf_counter()
    results = [parser(case["input"]) for case in cases]
    elapsed = time.perf_counter() - started
    return 100 * sum(map(passed, cases, results)) / len(cases), len(cases) / elapsed


def report(corpus: dict[str, list[dict[str, Any]]]) -> None:
    parsers = {"revenge": ours, "guessit": guessit_parser()}
    print(f"{'source':28} {'set':9} {'cases':>5} {'revenge%':>9} {'guessit%':>9}")
    groups = [(name, "held back" if name in HELD_BACK else "tuning", cases)
              for name, cases in corpus.items()]
    for label, chosen in (("tuning", False), ("held back", True)):
        cases = [c for name, cs in corpus.items() if (name in HELD_BACK) == chosen for c in cs]
        groups.append((f"= {label}", "", cases))
    groups.append(("= overall", "", [c for cs in corpus.values() for c in cs]))
    speeds: dict[str, float] = {}
    for name, kind, cases in groups:
        cells = []
        for label, parser in parsers.items():
            if parser is None:
                cells.append(f"{'-':>9}")
                continue
            pct, speed = score(parser, cases)
            speeds[label] = speed
            cells.append(f"{pct:9.1f}")
        print(f"{name:28} {kind:9} {len(cases):5} {' '.join(cells)}")
    print(", ".join(f"{label} {speed:,.0f} names/s" for label, speed in speeds.items())
          + " (in process, last row)")


def failures(corpus: dict[str, list[dict[str, Any]]], source: str) -> None:
    if source in HELD_BACK:
        sys.exit(f"{source} is held back from tuning: only its totals are shown")
    for case in corpus[source]:
        got = ours(case["input"])
        if not passed(case, got):
            want = case["year"] if case["year_stated"] else "-"
            print(f"{case['input']!r}\n    want {case['title']!r}/{want}  got {got[0]!r}/{got[1]}")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--failures", metavar="SOURCE", help="list a tuning source's failures")
    args = options.parse_args()
    corpus = load_corpus()
    if args.failures:
        failures(corpus, args.failures)
    else:
        report(corpus)


if __name__ == "__main__":
    main()
