"""`revenge serve` as a user runs it: a real process tree that starts, heals and stops whole."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from revenge.entrypoints.embedded.net import free_port

pytestmark = pytest.mark.e2e

START_TIMEOUT = 120.0


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    port: int
    log: Path
    # Every descendant ever seen: once the supervisor is gone its children can no longer be
    # found through it, yet the fixture must still be able to clean them up.
    seen: dict[tuple[int, int], str] = field(default_factory=dict)

    def tree(self) -> dict[tuple[int, int], str]:
        current = process_tree(self.proc.pid)
        self.seen.update(current)
        return current

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for(self, path: str, status: int = 200, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"serve exited early:\n{self.output()}"
            if _status(self.url(path)) == status:
                self.tree()
                return
            time.sleep(0.1)
        raise AssertionError(f"{path} never answered {status}:\n{self.output()}")

    def wait_for_output(self, text: str, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"serve exited early:\n{self.output()}"
            if text in self.output():
                return
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never printed:\n{self.output()}")

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> int:
        os.kill(self.proc.pid, sig)
        return self.proc.wait(60)


@pytest.fixture
def serve_dir() -> Iterator[Path]:
    """Outside pytest's temp root, for the reason `services_dir` gives: another pytest
    session on the machine re-applies 0700 to that root, cutting off the embedded
    PostgreSQL's own account mid-initdb."""
    path = Path(tempfile.mkdtemp(prefix="revenge-test-serve-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def serve(serve_dir: Path) -> Iterator[Callable[[], Server]]:
    """Starts `revenge serve` on a free port with its data in its own folder; whatever
    happens in the test, every process of its tree is killed afterwards."""
    tmp_path = serve_dir
    servers: list[Server] = []

    def start() -> Server:
        port, log = free_port(), tmp_path / "serve.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("REVENGE_")}
        env["REVENGE_DATA_DIR"] = str(tmp_path / "data")
        with open(log, "wb") as output:
            proc = subprocess.Popen(
                [sys.executable, "-m", "revenge", "serve", "--port", str(port)],
                env=env, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                start_new_session=True,  # as in a terminal: Ctrl-C reaches this group
            )
        servers.append(Server(proc, port, log))
        return servers[-1]

    yield start
    for server in servers:
        _kill_tree(server)


def test_sigterm_stops_a_ready_server_and_every_process_it_started(
    serve: Callable[[], Server],
) -> None:
    server = serve()
    server.wait_for("/healthz")
    server.wait_for("/readyz")
    # /readyz may answer before every child is up (search is optional there): the
    # summary line comes once all of them are.
    running = f"Revenge is running at http://127.0.0.1:{server.port}"
    server.wait_for_output(running)
    tree = server.tree()
    commands = " ".join(tree.values())
    for expected in ("bin/postgres", "redis-server", "typesense-server", "revenge http",
                     "revenge worker"):
        assert expected in commands

    assert server.stop(signal.SIGTERM) == 0, server.output()
    assert _still_running(tree) == {}, server.output()


def test_ctrl_c_in_the_terminal_stops_everything_cleanly(serve: Callable[[], Server]) -> None:
    server = serve()
    server.wait_for("/readyz")
    tree = server.tree()

    os.killpg(server.proc.pid, signal.SIGINT)  # what the terminal does on Ctrl-C

    assert server.proc.wait(60) == 0, server.output()
    assert _still_running(tree) == {}, server.output()


def test_children_stop_on_their_own_when_the_supervisor_is_killed(
    serve: Callable[[], Server],
) -> None:
    server = serve()
    server.wait_for("/readyz")
    tree = server.tree()

    server.proc.kill()  # no chance to clean up: PR_SET_PDEATHSIG must do it
    server.proc.wait()

    assert _still_running(tree, timeout=30) == {}, server.output()


def test_a_killed_redis_is_restarted_on_its_port_and_readiness_recovers(
    serve: Callable[[], Server],
) -> None:
    server = serve()
    server.wait_for("/readyz")
    redis_pid, redis_command = _child(server.proc.pid, "redis-server")

    os.kill(redis_pid, signal.SIGKILL)

    new_pid, _ = _restarted(server.proc.pid, "redis-server", redis_pid)
    server.wait_for("/readyz", timeout=60)
    assert new_pid != redis_pid
    # Same address: http and worker just reconnect. (redis-server rewrites its process
    # title to "host:port", or "unixsocket:path" on its private socket, once started:
    # read it once readiness says Redis answers, not as the process appears.)
    assert _address(_command(new_pid)) == _address(redis_command)
    assert "redis was killed by SIGKILL; restarting (attempt 1/5)" in server.output()
    assert server.stop() == 0


def test_a_malformed_port_variable_exits_2_with_one_line_naming_it(tmp_path: Path) -> None:
    env = dict(os.environ, REVENGE_PORT="abc", REVENGE_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "revenge", "serve"], env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "REVENGE_PORT" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()


def test_a_port_already_in_use_is_refused_instead_of_shared(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = dict(os.environ, REVENGE_DATA_DIR=str(tmp_path / "data"))
        result = subprocess.run([sys.executable, "-m", "revenge", "serve", "--port", str(port)],
                                env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"revenge: cannot listen on 127.0.0.1:{port}: Address already in use")


def process_tree(root: int) -> dict[tuple[int, int], str]:
    """Every descendant of `root`, keyed by (pid, start time) so a reused pid is not it."""
    children: dict[int, list[int]] = {}
    for pid in _pids():
        info = _stat(pid)
        if info:
            children.setdefault(info[0], []).append(pid)
    tree: dict[tuple[int, int], str] = {}
    pending = list(children.get(root, []))
    while pending:
        pid = pending.pop()
        info = _stat(pid)
        if info:
            tree[(pid, info[1])] = _command(pid)
        pending.extend(children.get(pid, []))
    return tree


def _still_running(
    tree: dict[tuple[int, int], str], timeout: float = 5
) -> dict[tuple[int, int], str]:
    deadline = time.monotonic() + timeout  # reaping by init may lag a moment behind the exit
    while True:
        alive = {key: cmd for key, cmd in tree.items() if _alive(*key)}
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def _alive(pid: int, started: int) -> bool:
    info = _stat(pid)
    return info is not None and info[1] == started and info[2] != "Z"


def _child(parent: int, name: str) -> tuple[int, str]:
    """The one direct child of `parent` whose command line mentions `name`."""
    found = [(pid, _command(pid)) for pid in _pids()
             if (_stat(pid) or (0,))[0] == parent and name in _command(pid)]
    assert len(found) == 1, found
    return found[0]


def _restarted(parent: int, name: str, old_pid: int, timeout: float = 30) -> tuple[int, str]:
    """The replacement of a killed child, once the supervisor has started it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [(pid, _command(pid)) for pid in _pids()
                 if (_stat(pid) or (0,))[0] == parent and name in _command(pid)
                 and pid != old_pid]
        if found:
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"{name} was not restarted within {timeout}s")


def _address(command: str) -> str:
    match = re.search(r"unixsocket:(\S+)|--port (\d+)|:(\d+)", command)
    assert match, command
    return match.group(1) or match.group(2) or match.group(3)


def _pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def _stat(pid: int) -> tuple[int, int, str] | None:
    """(parent pid, start time, state) from /proc/<pid>/stat, or None if it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # "pid (comm) state ppid ... starttime(22nd)": comm may hold spaces, so split after ")".
    fields = text.rsplit(")", 1)[1].split()
    return int(fields[1]), int(fields[19]), fields[0]


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _status(url: str) -> int | None:
    try:
        return httpx.get(url, timeout=2).status_code
    except httpx.HTTPError:
        return None


def _kill_tree(server: Server) -> None:
    server.tree()
    if server.proc.poll() is None:
        server.proc.kill()
        server.proc.wait()
    for pid, started in server.seen:
        if _alive(pid, started):
            os.kill(pid, signal.SIGKILL)

