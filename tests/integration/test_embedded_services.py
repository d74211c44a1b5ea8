"""The embedded PostgreSQL and Redis, and the supervisor that keeps children running."""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
import redis

from revenge.entrypoints.embedded.postgres import EmbeddedPostgres, embedded_postgres
from revenge.entrypoints.embedded.process import ChildSpec, ServiceFailed, running
from revenge.entrypoints.embedded.redis import EmbeddedRedis, embedded_redis
from revenge.entrypoints.embedded.supervisor import RestartPolicy, Supervisor

pytestmark = pytest.mark.integration


def test_embedded_postgres_answers_queries_and_has_pg_trgm(tmp_path: Path) -> None:
    with embedded_postgres(tmp_path) as url, psycopg.connect(url) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        row = conn.execute("SELECT similarity('Amélie', 'amelie') > 0.3").fetchone()
        assert row == (True,)
        assert conn.info.dbname == "revenge"
        assert conn.info.server_version >= 180000


def test_embedded_postgres_keeps_data_and_password_across_restarts(tmp_path: Path) -> None:
    with embedded_postgres(tmp_path) as url, psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE film (title text)")
        conn.execute("INSERT INTO film VALUES ('Stalker')")
    with embedded_postgres(tmp_path) as url_again, psycopg.connect(url_again) as conn:
        assert conn.execute("SELECT title FROM film").fetchall() == [("Stalker",)]


def test_embedded_postgres_refuses_connections_without_the_password(tmp_path: Path) -> None:
    service = EmbeddedPostgres(tmp_path)
    with running(service.spec()):
        no_password = f"postgresql://revenge@127.0.0.1:{service.port}/revenge"
        with pytest.raises(psycopg.OperationalError, match="password"):
            psycopg.connect(no_password, connect_timeout=5)
    assert (tmp_path / "postgres.password").stat().st_mode & 0o777 == 0o600


def test_embedded_redis_appends_to_its_aof_and_keeps_keys_across_restarts(
    tmp_path: Path,
) -> None:
    with embedded_redis(tmp_path) as url:
        client = redis.Redis.from_url(url)
        assert client.config_get("appendonly") == {"appendonly": "yes"}
        client.set("movie", "Solaris")
        client.close()
    with embedded_redis(tmp_path) as url_again:
        client = redis.Redis.from_url(url_again)
        assert client.get("movie") == b"Solaris"
        client.close()


@pytest.mark.parametrize("service", [EmbeddedPostgres, EmbeddedRedis])
def test_stopping_a_service_leaves_no_process_behind(
    tmp_path: Path, service: type[EmbeddedPostgres | EmbeddedRedis]
) -> None:
    with running(service(tmp_path).spec()) as child:
        assert child.proc is not None
        group = child.proc.pid
        assert _processes_in_group(group)
    assert _processes_in_group(group) == []


def test_supervisor_restarts_a_crashed_child_and_stops_all_in_reverse_order(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    marker = tmp_path / "crashed-once"
    crash_once = f"import os,time; p={str(marker)!r}\n" \
        "if not os.path.exists(p): open(p, 'w').close(); raise SystemExit(3)\ntime.sleep(60)"
    supervisor = Supervisor([_sleeper("first"), _python("flaky", crash_once)],
                            RestartPolicy(first_delay=0.05))
    supervisor.start_all()
    try:
        with caplog.at_level(logging.INFO, "revenge"):
            _watch_until(supervisor, lambda: "flaky restarted" in caplog.text)
    finally:
        with caplog.at_level(logging.INFO, "revenge"):
            supervisor.stop_all()
    assert "flaky exited with code 3; restarting (attempt 1/5)" in caplog.text
    stops = [r.getMessage() for r in caplog.records if r.getMessage().startswith("stopping")]
    assert stops == ["stopping flaky", "stopping first"]


def test_supervisor_gives_up_with_exit_code_1_when_a_child_keeps_crashing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    policy = RestartPolicy(max_restarts=2, window=60, first_delay=0.01)
    supervisor = Supervisor([_sleeper("steady"), _python("broken", "raise SystemExit(1)")], policy)
    with caplog.at_level(logging.INFO, "revenge"):
        assert supervisor.run() == 1
    assert "broken exited with code 1; restarting (attempt 2/2)" in caplog.text
    assert "broken crashed 3 times within 60s (last: broken exited with code 1)" in caplog.text
    assert all(child.proc is None for child in supervisor.children)


def test_a_child_that_cannot_be_spawned_fails_with_a_one_line_reason() -> None:
    spec = ChildSpec(name="ghost", argv=["/nonexistent/ghost-server"])
    with pytest.raises(ServiceFailed, match=r"^cannot start ghost: .*No such file"), running(spec):
        pass


def test_a_child_that_exits_while_starting_is_reported_with_its_log(tmp_path: Path) -> None:
    spec = ChildSpec(name="broken", argv=[sys.executable, "-c", "raise SystemExit(4)"],
                     ready=lambda: 1 / 0, log_path=tmp_path / "broken.log")
    expected = f"broken exited with code 4 while starting (see {tmp_path / 'broken.log'})"
    with pytest.raises(ServiceFailed, match=re.escape(expected)), running(spec):
        pass


def _python(name: str, code: str) -> ChildSpec:
    return ChildSpec(name=name, argv=[sys.executable, "-c", code], stop_timeout=5)


def _sleeper(name: str) -> ChildSpec:
    return _python(name, "import time; time.sleep(60)")


def _watch_until(supervisor: Supervisor, done: Callable[[], bool], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        for child in supervisor.children:
            supervisor._check(child)
        time.sleep(0.05)
    assert done(), "condition not reached"


def _processes_in_group(pgid: int) -> list[int]:
    pids = (int(name) for name in os.listdir("/proc") if name.isdigit())
    return [pid for pid in pids if _process_group(pid) == pgid]


def _process_group(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after its ")".
    return int(stat.rsplit(")", 1)[1].split()[2])


def test_an_optional_child_killed_while_starting_leaves_the_server_running_degraded(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Review finding 13: `revenge serve` exited when Typesense (optional: search falls
    back to PostgreSQL) was killed while starting. The others start and run; it is tried
    again, past the crash limit too, for as long as the server runs."""
    policy = RestartPolicy(max_restarts=1, first_delay=0.01, optional_retry_delay=0.05)
    search = ChildSpec(name="search", argv=[sys.executable, "-c", "raise SystemExit(9)"],
                       ready=lambda: 1 / 0, ready_timeout=10, optional=True)
    supervisor = Supervisor([search, _sleeper("http")], policy)
    with caplog.at_level(logging.INFO, "revenge"):
        supervisor.start_all()
        try:
            assert supervisor.children[1].exit_code() is None  # http started regardless
            _watch_until(supervisor, lambda: caplog.text.count("going on without search") >= 2)
            assert supervisor.children[1].exit_code() is None
        finally:
            supervisor.stop_all()
    assert "search exited with code 9 while starting; restarting (attempt 1/1)" in caplog.text


def test_an_optional_child_that_cannot_be_spawned_does_not_stop_the_others() -> None:
    policy = RestartPolicy(max_restarts=1, optional_retry_delay=60)
    ghost = ChildSpec(name="ghost", argv=["/nonexistent/ghost-server"], optional=True)
    supervisor = Supervisor([ghost, _sleeper("http")], policy)
    supervisor.start_all()
    try:
        assert supervisor.children[1].exit_code() is None
        assert supervisor.children[0].restart_at is not None
    finally:
        supervisor.stop_all()
