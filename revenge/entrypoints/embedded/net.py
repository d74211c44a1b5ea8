"""Loopback ports for embedded services."""

from __future__ import annotations

import socket

LOOPBACK = "127.0.0.1"


def free_port(host: str = LOOPBACK) -> int:
    """A port nobody listens on right now; chosen once per service and kept across restarts."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def connectable_host(host: str) -> str:
    """Where to reach a server bound to `host` (a wildcard address means loopback)."""
    return {"0.0.0.0": LOOPBACK, "::": "::1", "": LOOPBACK}.get(host, host)


def accepts_connections(host: str, port: int) -> None:
    """Raise OSError unless something accepts TCP connections on host:port."""
    with socket.create_connection((connectable_host(host), port), timeout=1):
        pass


def ensure_port_free(host: str, port: int) -> None:
    """Raise OSError if host:port cannot be bound. Granian binds with SO_REUSEPORT, so a second
    server on a busy port would start fine and silently share the traffic; we refuse instead."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    with socket.socket(family, kind, proto) as sock:
        # Like any server: connections in TIME_WAIT from a previous run must not count.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
