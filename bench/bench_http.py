"""Foundation figures: `revenge serve` cold/warm start to /readyz 200, and /healthz
throughput and latency under wrk, against a bare granian ASGI app in the same run.

usage: ./dev.sh bench bench_http [--seconds 10] [--connections 32]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

from harness import ROOT, free_port, revenge_process, wait_for, wrk


def start_times(data_dir: str) -> tuple[float, float]:
    """(cold, warm): first start initialises the embedded PostgreSQL, second reuses it."""
    times = []
    for _ in range(2):
        port = free_port()
        env = {"REVENGE_DATA_DIR": data_dir, "REVENGE_LOG_LEVEL": "warning"}
        with revenge_process(["serve", "--port", str(port)], env):
            times.append(wait_for(f"http://127.0.0.1:{port}/readyz", timeout=180))
    return times[0], times[1]


def throughput(data_dir: str, seconds: int, connections: int) -> None:
    port, bare_port = free_port(), free_port()
    env = {"REVENGE_DATA_DIR": data_dir, "REVENGE_LOG_LEVEL": "warning"}
    bare = subprocess.Popen([sys.executable, "-m", "bench.bare_asgi", str(bare_port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with revenge_process(["serve", "--port", str(port)], env):
            wait_for(f"http://127.0.0.1:{port}/readyz", timeout=180)
            wait_for(f"http://127.0.0.1:{bare_port}/")
            base = wrk(f"http://127.0.0.1:{bare_port}/", seconds, connections)
            health = wrk(f"http://127.0.0.1:{port}/healthz", seconds, connections)
            ready = wrk(f"http://127.0.0.1:{port}/readyz", seconds, connections)
    finally:
        bare.terminate()
        bare.wait()
    for name, load in (("bare ASGI (granian)", base), ("GET /healthz", health),
                       ("GET /readyz (DB + Redis)", ready)):
        print(f"{name:26s} {load.requests_per_second:9.0f} req/s  p50 {load.p50_ms:6.2f} ms  "
              f"p99 {load.p99_ms:6.2f} ms  non-2xx {load.errors}")
    print(f"/healthz vs bare: {health.requests_per_second / base.requests_per_second:.0%}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="revenge-bench-") as data_dir:
        cold, warm = start_times(os.path.join(data_dir, "data"))
        print(f"revenge serve -> /readyz 200: cold {cold:.2f} s, warm {warm:.2f} s")
        throughput(os.path.join(data_dir, "data"), args.seconds, args.connections)


if __name__ == "__main__":
    main()
