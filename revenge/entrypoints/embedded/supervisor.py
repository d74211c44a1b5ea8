"""Start children in order, restart the ones that crash, stop them all in reverse order.

Single-threaded on purpose: every child is spawned from the main thread (PR_SET_PDEATHSIG
fires when the *thread* that forked a child exits), and the loop only polls exit codes
five times a second, which is plenty for a handful of long-lived processes.
"""

from __future__ import annotations

import functools
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from revenge.entrypoints.embedded.process import Child, ChildSpec, ServiceFailed, StopRequested

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestartPolicy:
    """At most `max_restarts` crashes of one child within `window` seconds, then give up."""

    max_restarts: int = 5
    window: float = 60.0
    first_delay: float = 0.5
    max_delay: float = 10.0
    optional_retry_delay: float = 30.0  # an optional child past the limit: tried this often

    def delay(self, attempt: int) -> float:
        return float(min(self.max_delay, self.first_delay * 2 ** (attempt - 1)))


class Supervisor:
    """Owns the children. `run()` blocks until SIGINT/SIGTERM or a fatal failure."""

    def __init__(self, specs: Sequence[ChildSpec], policy: RestartPolicy | None = None) -> None:
        self.children = [Child(spec) for spec in specs]
        self.policy = policy or RestartPolicy()
        self.stopping = threading.Event()

    def run(self, on_started: Callable[[], None] = lambda: None) -> int:
        """0 after a requested stop, 1 when a child failed to start or crashed too often."""
        with _stop_on_signals(self.stopping):
            try:
                self.start_all()
                on_started()
                self.watch()
            except StopRequested:
                pass
            except ServiceFailed as failure:
                log.error("%s; stopping", failure)
                return 1
            finally:
                self.stop_all()
        return 0

    def start_all(self) -> None:
        # All children start at once and are then awaited in order: the services boot
        # in parallel, and http/worker wait for the database on their own (migrations
        # retry), so nothing needs its predecessor to be ready first.
        for child in self.children:
            if self.stopping.is_set():
                raise StopRequested
            self._unless_optional(child, child.spawn)
        for child in self.children:
            if child.restart_at is None:
                self._unless_optional(child, functools.partial(child.await_ready,
                                                               self.stopping))

    def _unless_optional(self, child: Child, step: Callable[[], None]) -> None:
        """Runs `step`; an optional child's failure only schedules its next try."""
        try:
            step()
        except ServiceFailed as failure:
            if not child.spec.optional:
                raise
            self._crashed(child, str(failure))

    def watch(self) -> None:
        while not self.stopping.wait(0.2):
            for child in self.children:
                self._check(child)

    def stop_all(self) -> None:
        for child in reversed(self.children):
            if child.proc is not None:
                log.info("stopping %s", child.name)
            child.stop()

    def _check(self, child: Child) -> None:
        if child.restart_at is not None:
            if time.monotonic() >= child.restart_at:
                child.restart_at = None
                self._restart(child)
            return
        if child.exit_code() is not None:
            what = child.describe_exit()
            child.stop()  # reap it and whatever it left in its process group
            self._crashed(child, what)

    def _crashed(self, child: Child, what: str) -> None:
        now = time.monotonic()
        child.crashes = [t for t in child.crashes if now - t < self.policy.window] + [now]
        attempt, limit = len(child.crashes), self.policy.max_restarts
        if attempt > limit and child.spec.optional:
            log.warning("%s; going on without %s (degraded), next try in %gs", what,
                        child.name, self.policy.optional_retry_delay)
            child.restart_at = now + self.policy.optional_retry_delay
            return
        if attempt > limit:
            hint = "" if child.log_hint() in what else child.log_hint()
            raise ServiceFailed(f"{child.name} crashed {attempt} times within "
                                f"{self.policy.window:g}s (last: {what}){hint}")
        log.warning("%s; restarting (attempt %d/%d)", what, attempt, limit)
        child.restart_at = now + self.policy.delay(attempt)

    def _restart(self, child: Child) -> None:
        try:
            child.start(self.stopping)
        except ServiceFailed as failure:
            self._crashed(child, str(failure))
        else:
            log.info("%s restarted", child.name)


@contextmanager
def _stop_on_signals(stopping: threading.Event) -> Iterator[None]:
    def handle(signum: int, _frame: FrameType | None) -> None:
        if not stopping.is_set():
            log.info("received %s; stopping", signal.Signals(signum).name)
        stopping.set()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
