"""Names per second: our file-name parser against guessit, in process and end to end.

    .venv/bin/python bench/bench_parse.py [--rounds N] [--score PATH] [--baseline GITREF]

Prints figures only (not a test).  Both parsers run on the 686 real-world names in
tests/unit/library/naming_cases, in this process, best of several rounds; the ratio
is what to compare across machines.  Then the shared `score.py` is timed running
`revenge parse --jsonl` as a fresh process (interpreter start-up included), which is
the figure the acceptance bar (> 2,200 names/s) is about.  `--baseline GITREF` times
that commit's parser too, in the same run and the same way (exported to a temporary
folder and run from there), and prints the ratios.  On a machine shared with other
work, `--cpu` counts processor time instead of wall time (in process: this process's;
end to end: the score.py run and the parser it starts, so slightly pessimistic).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "unit" / "library" / "naming_cases"
DEFAULT_SCORE = ROOT.parent / "shared" / "naming-cases" / "score.py"


def load_names() -> list[str]:
    lines = (line for path in sorted(CASES.glob("*.jsonl")) for line in path.open(encoding="utf-8"))
    return [json.loads(line)["input"] for line in lines if line.strip()]


CLOCK = {"clock": time.perf_counter}


def names_per_second(parse: Callable[[str], object], names: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = CLOCK["clock"]()
        for name in names:
            parse(name)
        best = min(best, CLOCK["clock"]() - started)
    return len(names) / best


def ours(names: list[str], rounds: int) -> float:
    from revenge.domain.library.naming import parse

    return names_per_second(parse, names, rounds)


def theirs(names: list[str], rounds: int) -> float | None:
    try:
        from guessit import guessit
    except ImportError:
        return None
    guessit("warm.up.2000.mkv")
    return names_per_second(guessit, names, rounds)


_CLI = "import sys; from revenge.entrypoints.cli.main import main; sys.exit(main())"
_IN_PROCESS = (
    "import json, sys, time; from revenge.domain.library.naming import parse; "
    "names = json.load(sys.stdin); best = float('inf')\n"
    "for _ in range({rounds}):\n"
    "    t = time.{clock}(); [parse(n) for n in names]; "
    "best = min(best, time.{clock}() - t)\n"
    "print(len(names) / best)"
)


def in_checkout(checkout: Path, names: list[str], rounds: int) -> float:
    """Names per second of the parser in another checkout, run from its folder."""
    code = _IN_PROCESS.format(rounds=rounds, clock=CLOCK["clock"].__name__)
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(names), cwd=checkout,
                          capture_output=True, text=True, check=True)
    return float(done.stdout)


def end_to_end(score: Path, runs: int, checkout: Path = ROOT) -> tuple[float, str] | None:
    if not score.exists():
        return None
    command = [sys.executable, str(score), "--json", "--", sys.executable, "-c", _CLI]
    command += ["parse", "--jsonl"]
    reports = [_timed_run(command, checkout) for _ in range(runs)]
    best = max(reports, key=lambda report: report["speed"]["cases_per_s"])
    return best["speed"]["cases_per_s"], f"{best['files']['overall']['pass_pct']}% pass"


def _timed_run(command: list[str], checkout: Path) -> dict[str, Any]:
    """score.py's report; with --cpu its speed counts the processor time of the run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, check=True, cwd=checkout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    report: dict[str, Any] = json.loads(done.stdout)
    if CLOCK["clock"] is time.process_time:
        used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        report["speed"]["cases_per_s"] = report["files"]["overall"]["cases"] / used
    return report


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=20, help="rounds of our parser")
    options.add_argument("--guessit-rounds", type=int, default=2)
    options.add_argument("--score", type=Path, default=DEFAULT_SCORE, help="shared score.py")
    options.add_argument("--score-runs", type=int, default=5, help="best of N score.py runs")
    options.add_argument("--baseline", metavar="GITREF", help="also time this commit's parser")
    options.add_argument("--cpu", action="store_true", help="processor time, not wall time")
    args = options.parse_args()
    if args.cpu:
        CLOCK["clock"] = time.process_time
    names = load_names()
    our_rate = ours(names, args.rounds)
    print(f"{len(names)} names, in process, best of N rounds")
    print(f"  revenge naming  {our_rate:10.0f} names/s")
    their_rate = theirs(names, args.guessit_rounds)
    if their_rate is None:
        print("  guessit         not installed")
    else:
        print(f"  guessit         {their_rate:10.0f} names/s")
        print(f"  ratio           {our_rate / their_rate:10.1f}x")
    timed = end_to_end(args.score, args.score_runs)
    if timed is None:
        print(f"score.py not found at {args.score}")
    else:
        print(f"score.py end to end (start-up included), best of {args.score_runs}:")
        print(f"  revenge parse --jsonl {timed[0]:8.0f} names/s, {timed[1]}")
    if args.baseline:
        against_baseline(args, names, our_rate, timed)


def against_baseline(args: argparse.Namespace, names: list[str], our_rate: float,
                     timed: tuple[float, str] | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline, "revenge"],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        base_rate = in_checkout(Path(folder), names, args.rounds)
        base_timed = end_to_end(args.score, args.score_runs, Path(folder))
    print(f"baseline {args.baseline}:")
    print(f"  in process            {base_rate:8.0f} names/s (now {our_rate / base_rate:.2f}x)")
    if base_timed and timed:
        print(f"  revenge parse --jsonl {base_timed[0]:8.0f} names/s, {base_timed[1]} "
              f"(now {timed[0] / base_timed[0]:.2f}x)")


if __name__ == "__main__":
    main()
