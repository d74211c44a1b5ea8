"""`ProcessNameParser`: a big scan's names parsed in child processes.

Parsing is most of a first scan's CPU. In children it runs on other cores while this
process walks, records what is parsed and talks to the database, and the event loop
stays free throughout. A child is started per big scan (tens of milliseconds: it
imports only the parser) and ends with it; it also ends when this process dies, as its
stdin closes. Small scans (a watched folder's few new files) stay in this process,
where they cost less than starting a child. A child that cannot start or dies midway
costs nothing but time: what it had not answered is parsed here, with a warning."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import AsyncGenerator, Sequence

import msgspec

from revenge.adapters.parsing.serial import SerialNameParser
from revenge.adapters.parsing.wire import HEADER, body_size, decode_reply, encode, frame
from revenge.domain.library.naming import ParsedName

log = logging.getLogger(__name__)

CHILD = (sys.executable, "-m", "revenge.adapters.parsing.child")


class ProcessNameParser:
    """`processes` children at most (0: never); only when a scan parses at least
    `min_paths` paths. Batch i goes to child i mod n, so answers come back in order."""

    def __init__(self, processes: int, *, min_paths: int = 2000,
                 command: Sequence[str] = CHILD) -> None:
        self.processes = processes
        self._min_paths = min_paths
        self._command = tuple(command)
        self._serial = SerialNameParser()
        self._children_counts = (0, 0)

    async def parse_batches(
            self, batches: Sequence[Sequence[str]]) -> AsyncGenerator[list[ParsedName], None]:
        wanted, paths = min(self.processes, len(batches)), sum(map(len, batches))
        if wanted < 1 or paths < self._min_paths:
            async for parsed in self._serial.parse_batches(batches):
                yield parsed
            return
        children: list[_Child] = []
        try:
            await _start(self._command, wanted, children)
            log.info("name parser: %d paths in %d batches, %d child processes", paths,
                     len(batches), len(children))
            for number, child in enumerate(children):
                child.feed(batches[number::len(children)])
            for index, batch in enumerate(batches):
                answer = await children[index % len(children)].answer() if children else None
                yield answer if answer is not None else await self._here(batch)
        finally:
            for child in children:
                await child.stop()
                self._children_counts = (self._children_counts[0] + child.counts[0],
                                         self._children_counts[1] + child.counts[1])

    def counts(self) -> tuple[int, int]:
        here = self._serial.counts()
        return here[0] + self._children_counts[0], here[1] + self._children_counts[1]

    async def _here(self, batch: Sequence[str]) -> list[ParsedName]:
        async for parsed in self._serial.parse_batches([batch]):
            return parsed
        return []


async def _start(command: Sequence[str], count: int, children: list[_Child]) -> None:
    """Starts up to `count` children into `children` (the caller's, so a cancelled
    start still stops those already running)."""
    for _ in range(count):
        try:
            process = await asyncio.create_subprocess_exec(
                *command, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        except OSError as error:
            log.warning("name parser: cannot start a child process (%s); parsing here", error)
            break
        children.append(_Child(process))


class _Child:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.counts = (0, 0)  # the child's running (names parsed, names reused)
        self._feeder: asyncio.Task[None] | None = None
        self._broken = False

    def feed(self, batches: Sequence[Sequence[str]]) -> None:
        """Writes the batches beside the reading (a pipe holds only so much)."""
        self._feeder = asyncio.create_task(self._write(batches))

    async def _write(self, batches: Sequence[Sequence[str]]) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        with contextlib.suppress(ConnectionError):  # it died: answer() says so
            for batch in batches:
                stdin.write(frame(encode(batch)))
                await stdin.drain()
            stdin.close()  # end of input: the child exits after its last answer

    async def answer(self) -> list[ParsedName] | None:
        """The next batch's parses; None once the child has failed."""
        stdout = self.process.stdout
        assert stdout is not None
        if self._broken:
            return None
        try:
            header = await stdout.readexactly(HEADER)
            parsed, reused, rows = decode_reply(await stdout.readexactly(body_size(header)))
        except (asyncio.IncompleteReadError, ConnectionError, msgspec.DecodeError) as error:
            self._broken = True
            log.warning("name parser: child process %s failed (%s: %s); parsing here",
                        self.process.pid, type(error).__name__, error)
            return None
        self.counts = (parsed, reused)
        return [ParsedName.from_fields(row) for row in rows]

    async def stop(self) -> None:
        if self._feeder is not None:
            self._feeder.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._feeder
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        # Not wait(): answers left unread can fill our end of the pipe until asyncio stops
        # reading it, and (on 3.11) wait() returns only once every pipe is closed, so it
        # would hang. communicate() reads the rest to the end, then waits.
        await self.process.communicate()
