"""One child process: spawn it detached from the terminal, wait until it is ready, stop it."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from tenacity import (
    Retrying,
    retry_if_not_exception_type,
    stop_after_delay,
    stop_when_event_set,
    wait_fixed,
)

_PR_SET_PDEATHSIG = 1
_LOG_ROTATE_BYTES = 10 * 1024 * 1024  # one old file is kept


@dataclass(frozen=True)
class Account:
    """An unprivileged system user a child runs as (only when we are root)."""

    name: str
    uid: int
    gid: int


@dataclass(frozen=True, kw_only=True)
class ChildSpec:
    """How to run one child. `ready` raises until the child serves; `prepare` runs before
    every spawn and must be idempotent (e.g. initdb when the data directory is new).
    `optional`: the server works, degraded, without it (search falls back to the
    database), so failing to start or crashing often never stops the server: it is
    retried for as long as the server runs."""

    name: str
    argv: Sequence[str]
    env: Mapping[str, str] | None = None
    stop_signal: signal.Signals = signal.SIGTERM
    stop_timeout: float = 15.0
    ready: Callable[[], object] | None = None
    ready_timeout: float = 60.0
    prepare: Callable[[], object] | None = None
    account: Account | None = None
    log_path: Path | None = None
    optional: bool = False


class ServiceFailed(Exception):
    """A child could not be started or kept running; the message is one line for the user."""


class StopRequested(Exception):
    """A stop signal arrived while a child was starting."""


class _ChildExited(Exception):
    pass


@dataclass
class Child:
    spec: ChildSpec
    proc: subprocess.Popen[bytes] | None = None
    crashes: list[float] = field(default_factory=list)
    restart_at: float | None = None

    @property
    def name(self) -> str:
        return self.spec.name

    def exit_code(self) -> int | None:
        return None if self.proc is None else self.proc.poll()

    def start(self, stopping: threading.Event) -> None:
        """Spawn and wait until ready; on failure the process is gone and ServiceFailed raised."""
        self.spawn()
        self.await_ready(stopping)

    def spawn(self) -> None:
        try:
            if self.spec.prepare is not None:
                self.spec.prepare()
            self.proc = _spawn(self.spec)
        except OSError as exc:  # a missing binary, a data directory we may not write
            raise ServiceFailed(f"cannot start {self.name}: {exc}") from None

    def await_ready(self, stopping: threading.Event) -> None:
        try:
            self._wait_ready(stopping)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Ask politely with the child's stop signal, then SIGKILL its whole process group."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            _signal(proc, self.spec.stop_signal)
            try:
                proc.wait(self.spec.stop_timeout)
            except subprocess.TimeoutExpired:
                _kill_group(proc.pid)
                proc.wait()
        # Whatever the leader left behind in its group (e.g. orphaned workers) goes too;
        # done once, right after reaping, so the group id cannot have been reused yet.
        _kill_group(proc.pid)

    def describe_exit(self) -> str:
        code = self.exit_code()
        if code is None:
            return f"{self.name} is running"
        if code < 0:
            return f"{self.name} was killed by {signal.Signals(-code).name}"
        return f"{self.name} exited with code {code}"

    def log_hint(self) -> str:
        return f" (see {self.spec.log_path})" if self.spec.log_path else ""

    def _wait_ready(self, stopping: threading.Event) -> None:
        probe = self.spec.ready
        if probe is None:
            return
        retrying = Retrying(
            stop=stop_after_delay(self.spec.ready_timeout) | stop_when_event_set(stopping),
            wait=wait_fixed(0.1),
            retry=retry_if_not_exception_type(_ChildExited),
            reraise=True,
        )
        try:
            retrying(self._probe, probe)
        except _ChildExited:
            raise ServiceFailed(f"{self.describe_exit()} while starting{self.log_hint()}") from None
        except Exception as exc:
            if stopping.is_set():
                raise StopRequested from None
            raise ServiceFailed(
                f"{self.name} not ready after {self.spec.ready_timeout:g}s: {exc}{self.log_hint()}"
            ) from None

    def _probe(self, probe: Callable[[], object]) -> None:
        if self.exit_code() is not None:
            raise _ChildExited
        probe()


def run_once(
    argv: Sequence[str], account: Account | None, env: Mapping[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run a short command (e.g. initdb) to completion as `account`, out of the terminal's
    reach so that a Ctrl-C cannot interrupt it half-way."""
    return subprocess.run(
        list(argv), env=dict(env), capture_output=True, text=True, check=False,
        start_new_session=True,
        user=account.uid if account else None,
        group=account.gid if account else None,
        extra_groups=[] if account else None,
    )


@contextmanager
def running(spec: ChildSpec) -> Iterator[Child]:
    """Run one child for the duration of a `with` block (test fixtures, one-off tools)."""
    child = Child(spec)
    child.start(threading.Event())
    try:
        yield child
    finally:
        child.stop()


def _spawn(spec: ChildSpec) -> subprocess.Popen[bytes]:
    output = _open_log(spec.log_path, spec.name) if spec.log_path else None
    account = spec.account
    try:
        return subprocess.Popen(
            list(spec.argv),
            env=None if spec.env is None else dict(spec.env),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
            # Own session: a Ctrl-C in the terminal reaches only the supervisor, which then
            # stops the children in order.
            start_new_session=True,
            user=account.uid if account else None,
            group=account.gid if account else None,
            extra_groups=[] if account else None,
            preexec_fn=_die_with_parent(spec.stop_signal),
        )
    finally:
        if output:
            output.close()


def _open_log(path: Path, name: str) -> BinaryIO:
    # Private: server logs can quote queries and keys.
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > _LOG_ROTATE_BYTES:
        path.replace(path.with_name(path.name + ".1"))
    handle = open(path, "ab")  # noqa: SIM115 - closed once the child holds it
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    handle.write(f"--- revenge: starting {name} at {stamp} ---\n".encode())
    handle.flush()
    return handle


def _die_with_parent(sig: signal.Signals) -> Callable[[], None]:
    """PR_SET_PDEATHSIG so children stop even if the supervisor is SIGKILLed.

    It runs after the setuid done by Popen (the kernel clears the setting on a credential
    change), and checks the parent is still there to close the race with its death.
    """
    parent = os.getpid()
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved before fork, not in the child

    def preexec() -> None:
        prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
        if os.getppid() != parent:
            os._exit(1)

    return preexec


def _signal(proc: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    with suppress(ProcessLookupError):
        proc.send_signal(sig)


def _kill_group(pgid: int) -> None:
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)
