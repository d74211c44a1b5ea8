"""A periodic loop's tick never lets its step take the loop down."""

from __future__ import annotations

import logging

import pytest

from revenge.domain.errors import Unavailable
from revenge.entrypoints.worker.ticks import tick


async def test_an_outage_is_a_warning_and_a_bug_is_logged_with_its_traceback(
        caplog: pytest.LogCaptureFixture) -> None:
    async def down() -> str | None:
        raise Unavailable("database", "connection refused")

    async def broken() -> str | None:
        raise ValueError("bug")

    async def did() -> str | None:
        return "requested as run 7"

    with caplog.at_level(logging.INFO, logger="revenge.entrypoints.worker.ticks"):
        for step in (down, broken, did):
            await tick("periodic thing", step)
    levels = [(r.levelno, r.exc_info is not None) for r in caplog.records]
    assert levels == [(logging.WARNING, False), (logging.ERROR, True), (logging.INFO, False)]
    assert "requested as run 7" in caplog.records[-1].getMessage()
