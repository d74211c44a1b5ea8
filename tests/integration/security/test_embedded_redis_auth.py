"""Review finding 1: the embedded Redis had no password, so any local process could plant
a cached sign-in or clear the brute-force counters. It now requires a password generated
into the data dir (0600, never on the command line) and, where the platform allows,
listens only on a unix socket with mode 0700."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from revenge.entrypoints.embedded.process import running
from revenge.entrypoints.embedded.redis import PASSWORD_FILE, EmbeddedRedis


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A data dir whose socket path fits in sun_path (pytest's tmp_path may not)."""
    with tempfile.TemporaryDirectory(prefix="rv-", dir="/tmp") as folder:
        yield Path(folder)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_over_tcp_a_client_without_the_password_is_refused(tmp_path: Path) -> None:
    """Finding 1: the password is required (here on the loopback port)."""
    service = EmbeddedRedis(tmp_path, unix_socket=False)
    with running(service.spec()) as child:
        anonymous = redis.Redis(host="127.0.0.1", port=service.port, socket_timeout=5)
        with pytest.raises(redis.AuthenticationError):
            anonymous.set("identity:session:s1", b"forged")
        anonymous.close()
        with pytest.raises(redis.AuthenticationError):
            redis.Redis(host="127.0.0.1", port=service.port, password="guess").ping()
        client = redis.Redis.from_url(service.url)
        assert client.ping()
        client.close()
        assert child.proc is not None
        argv = Path(f"/proc/{child.proc.pid}/cmdline").read_bytes()
        assert service.password.encode() not in argv  # `ps` shows every user the argv
    assert _mode(tmp_path / PASSWORD_FILE) == 0o600
    assert _mode(tmp_path / "redis" / "redis.conf") == 0o600
    assert EmbeddedRedis(tmp_path).password == service.password  # kept across restarts


@pytest.mark.skipif(os.name != "posix", reason="unix sockets need a POSIX platform")
def test_on_a_posix_platform_redis_listens_only_on_a_private_unix_socket(
        short_dir: Path) -> None:
    """Finding 1: a unix socket with 0700 permissions, and no TCP port at all."""
    service = EmbeddedRedis(short_dir)
    assert service.socket_path is not None and service.url.startswith("unix://")
    with running(service.spec()):
        assert stat.S_ISSOCK(service.socket_path.stat().st_mode)
        assert _mode(service.socket_path) == 0o700
        assert _mode(short_dir / "redis") == 0o700
        client = redis.Redis.from_url(service.url)
        assert client.config_get("port") == {"port": "0"}
        client.set("movie", "Stalker")
        client.close()
        anonymous = redis.Redis(unix_socket_path=str(service.socket_path), socket_timeout=5)
        with pytest.raises(redis.AuthenticationError):
            anonymous.get("movie")
        anonymous.close()


def test_a_socket_path_too_long_for_the_platform_falls_back_to_loopback_tcp(
        tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 120)
    service = EmbeddedRedis(deep)
    assert service.socket_path is None and service.url.startswith("redis://:")
    assert service.port > 0
