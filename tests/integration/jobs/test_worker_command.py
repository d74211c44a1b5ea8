"""`revenge worker` as a process: it boots, does its work, and stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator

import psycopg
import pytest
import redis
from psycopg import sql

from revenge.adapters.postgres.database import Database
from tests.support.redis_db import private_redis


def start_worker(*args: str, **env: str) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("REVENGE_")}
    environment.update(REVENGE_LOG_FORMAT="json", **env)
    return subprocess.Popen([sys.executable, "-m", "revenge", "worker", *args], env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_line(process: subprocess.Popen[str], text: str, within: float = 15) -> None:
    assert process.stderr is not None
    deadline = time.monotonic() + within
    seen: list[str] = []
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        seen.append(line)
        if text in line:
            return
        if not line and process.poll() is not None:
            break
    pytest.fail(f"worker never logged {text!r}; stderr:\n{''.join(seen)}")


def terminate(process: subprocess.Popen[str]) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=15)
    return process.returncode, stderr


@pytest.fixture
def spare_redis_db(redis_url: str) -> Iterator[str]:
    """A Redis database of its own: the worker uses the default `revenge` namespace."""
    url = private_redis(redis_url)
    yield url
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter("revenge.*"))
    if keys:
        client.delete(*keys)
    client.close()


def test_the_memory_profile_boots_with_no_infrastructure_and_stops_on_sigterm() -> None:
    process = start_worker("--profile", "memory")
    wait_for_line(process, "worker started")
    code, stderr = terminate(process)
    assert code == 0
    assert "Traceback" not in stderr


@pytest.fixture
def empty_database_url(postgres_server_url: str) -> Iterator[str]:
    name = f"revenge_test_worker_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    info = psycopg.conninfo.conninfo_to_dict(postgres_server_url)
    yield psycopg.conninfo.make_conninfo(**{**info, "dbname": name})
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


def test_a_real_worker_migrates_runs_its_periodic_job_and_stops_on_sigterm(
        empty_database_url: str, spare_redis_db: str) -> None:
    process = start_worker(REVENGE_DATABASE_URL=empty_database_url,
                           REVENGE_REDIS_URL=spare_redis_db)
    try:
        wait_for_line(process, "worker started")
        statuses = asyncio.run(_prune_runs_when_finished(empty_database_url))
    finally:
        code, stderr = terminate(process)
    assert statuses == [("succeeded", 1)]
    assert code == 0
    assert "Traceback" not in stderr


async def _prune_runs_when_finished(url: str) -> list[tuple[str, int]]:
    """The scheduler enqueues the prune job at start; the worker's own relay sends it."""
    database = Database(url)
    await database.open()
    try:
        for _ in range(250):
            async with database.transaction() as conn:
                cur = await conn.execute(
                    "SELECT status, attempts FROM job_runs "
                    "WHERE name = 'maintenance.prune_job_runs'")
                rows = [(row["status"], row["attempts"]) for row in await cur.fetchall()]
                if rows and all(status in ("succeeded", "failed") for status, _ in rows):
                    return rows
            await asyncio.sleep(0.02)
        return rows
    finally:
        await database.close()


def test_a_worker_without_services_configured_exits_2_naming_them() -> None:
    process = start_worker()
    _, stderr = process.communicate(timeout=15)
    assert process.returncode == 2
    assert "REVENGE_DATABASE_URL" in stderr and "Traceback" not in stderr
