"""The `Background` port: work runs after the caller returns, a failure is logged (never
raised to anyone), and `drain` waits for everything started. One implementation, with no
I/O of its own, serves both profiles."""

from __future__ import annotations

import asyncio
import logging

import pytest

from revenge.adapters.aio.background import AsyncioBackground
from revenge.application.shared.background import Background


@pytest.fixture
def background() -> Background:
    return AsyncioBackground()


async def test_work_runs_after_start_returns_and_drain_waits_for_it(
        background: Background) -> None:
    done: list[str] = []

    async def work() -> None:
        await asyncio.sleep(0.01)
        done.append("mailed")

    background.start(work, what="a mail")
    assert done == []
    await background.drain()
    assert done == ["mailed"]


async def test_a_failure_is_logged_and_never_raised(background: Background,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    async def broken() -> None:
        raise RuntimeError("smtp down")

    background.start(broken, what="a reset mail")
    await background.drain()
    assert any("a reset mail" in r.getMessage() and r.levelno == logging.ERROR
               for r in caplog.records)


async def test_drain_also_waits_for_work_started_by_work(background: Background) -> None:
    done: list[int] = []

    async def second() -> None:
        done.append(2)

    async def first() -> None:
        done.append(1)
        background.start(second, what="second")

    background.start(first, what="first")
    await background.drain()
    assert done == [1, 2]
