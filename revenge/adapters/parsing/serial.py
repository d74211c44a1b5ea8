"""`SerialNameParser`: the scan's name parser in this process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable, Sequence

from revenge.domain.library.naming import ParsedName, PathParser

YIELD_EVERY = 20  # paths: the scan's writer gets the event loop back within milliseconds


class SerialNameParser:
    """Parses in this process, handing the event loop back every few paths. Each
    distinct file or folder name is parsed once while it is among the last few thousand
    (`PathParser`); `parse_one` replaces that, for tests."""

    def __init__(self, parse_one: Callable[[str], ParsedName] | None = None) -> None:
        self._memo = PathParser()
        self._parse = parse_one or self._memo

    async def parse_batches(
            self, batches: Sequence[Sequence[str]]) -> AsyncGenerator[list[ParsedName], None]:
        parse = self._parse
        for batch in batches:
            parsed: list[ParsedName] = []
            for start in range(0, len(batch), YIELD_EVERY):
                parsed += map(parse, batch[start:start + YIELD_EVERY])
                await asyncio.sleep(0)
            yield parsed

    def counts(self) -> tuple[int, int]:
        return self._memo.counts()
