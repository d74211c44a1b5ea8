"""The scan's name parser, in this process and in child processes: the same answers as
`parse_path`, batch by batch in order, whatever happens to the children."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from revenge.adapters.parsing.processes import CHILD, ProcessNameParser
from revenge.adapters.parsing.serial import SerialNameParser
from revenge.application.library.ports import NameParser
from revenge.domain.library.naming import ParsedName, parse_path
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.library import name_parser
from tests.unit.library.test_path_parser import _paths

PARSERS = {
    "in this process": lambda: SerialNameParser(),
    "one child": lambda: ProcessNameParser(1, min_paths=0),
    "two children": lambda: ProcessNameParser(2, min_paths=0),
}

# A child that answers the first batch and then dies, as a crash midway would.
ANSWERS_ONCE = """
import sys
from revenge.adapters.parsing.wire import HEADER, body_size, decode_batch, encode, frame
from revenge.domain.library.naming import parse_path
paths = decode_batch(sys.stdin.buffer.read(body_size(sys.stdin.buffer.read(HEADER))))
sys.stdout.buffer.write(frame(encode((0, 0, [parse_path(p).fields() for p in paths]))))
sys.stdout.buffer.flush()
"""


def _batches(size: int = 97) -> list[list[str]]:
    paths = _paths()
    return [paths[start:start + size] for start in range(0, len(paths), size)]


async def _answers(parser: NameParser, batches: Sequence[Sequence[str]]) -> list[list[ParsedName]]:
    return [parsed async for parsed in parser.parse_batches(batches)]


def _expected(batches: Sequence[Sequence[str]]) -> list[list[ParsedName]]:
    return [[parse_path(path) for path in batch] for batch in batches]


@pytest.mark.parametrize("make", PARSERS.values(), ids=PARSERS.keys())
async def test_every_batch_is_answered_as_parse_path_would_in_order(make) -> None:  # type: ignore[no-untyped-def]
    batches = _batches()
    parser = make()
    assert await _answers(parser, batches) == _expected(batches)
    parsed, reused = parser.counts()
    assert parsed > 0 and parsed + reused >= sum(map(len, batches))


@pytest.mark.parametrize("make", PARSERS.values(), ids=PARSERS.keys())
async def test_no_batch_means_no_answer(make) -> None:  # type: ignore[no-untyped-def]
    assert await _answers(make(), []) == []


async def test_a_child_that_cannot_start_leaves_the_parsing_here(
        caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    batches = _batches()
    parser = ProcessNameParser(1, min_paths=0, command=[str(tmp_path / "no-such-python")])
    with caplog.at_level(logging.WARNING):
        assert await _answers(parser, batches) == _expected(batches)
    assert "cannot start a child process" in caplog.text


async def test_a_child_that_dies_midway_leaves_the_rest_to_this_process(
        caplog: pytest.LogCaptureFixture) -> None:
    batches = _batches()
    parser = ProcessNameParser(1, min_paths=0, command=[sys.executable, "-c", ANSWERS_ONCE])
    with caplog.at_level(logging.WARNING):
        assert await _answers(parser, batches) == _expected(batches)
    assert "failed (IncompleteReadError" in caplog.text


async def test_a_small_job_never_starts_a_child(caplog: pytest.LogCaptureFixture,
                                                tmp_path: Path) -> None:
    batches = [["/m/Heat (1995)/Heat.mkv"], ["/m/Alien.1979.mkv"]]
    parser = ProcessNameParser(4, command=[str(tmp_path / "no-such-python")])
    with caplog.at_level(logging.WARNING):
        assert await _answers(parser, batches) == _expected(batches)
    assert caplog.text == ""


async def test_a_scan_that_stops_early_leaves_no_child_behind() -> None:
    # Each child owes four answers of ~85 KB to batches of every path: more than a pipe
    # (64 KB) and asyncio's read buffer (128 KB) hold, so after the first answer is read
    # both are still writing, however slow this process is.
    answers = ProcessNameParser(2, min_paths=0).parse_batches([_paths()] * 8)
    await anext(answers)
    assert len(_children()) == 2
    await asyncio.sleep(0.5)  # the unread answers fill the pipes and asyncio's buffers
    await asyncio.wait_for(answers.aclose(), 30)  # unread answers must not make it hang
    assert _children() == []


async def test_the_event_loop_stays_free_while_children_parse() -> None:
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    ticker = asyncio.create_task(tick())
    answers = await _answers(ProcessNameParser(1, min_paths=0), _batches())
    ticker.cancel()
    assert ticks > len(answers)


def _children() -> list[int]:
    """Running (not zombie) child processes of this one that run the parser's child."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z" and CHILD[-1].encode() in command:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.parametrize(("setting", "cpus", "children"),
                         [(None, 1, 0), (None, 2, 1), (None, 16, 4), (0, 8, 0), (3, 2, 3)])
def test_the_configured_parser_uses_one_fewer_child_than_the_cpus_at_most_four(
        monkeypatch: pytest.MonkeyPatch, setting: int | None, cpus: int, children: int) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cpus)
    parser = name_parser(Config(library_parse_processes=setting))
    assert isinstance(parser, ProcessNameParser) and parser.processes == children
