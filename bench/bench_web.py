"""Web app figures: the Python server serving web/build (GET / and a hashed asset)
against nginx serving the same folder, under wrk in the same run; then the browser
figures (JavaScript per page, first paint, time to interactive) from web/bench.

usage: ./dev.sh bench bench_web [--seconds 10] [--connections 32] [--no-browser]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from harness import ROOT, Load, free_port, revenge_process, wait_for, wrk

BUILD = Path(ROOT) / "web" / "build"
NGINX_CONF = """
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    include /etc/nginx/mime.types;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    gzip_static on;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location /_app/immutable/ {{
            add_header Cache-Control "public, max-age=31536000, immutable";
        }}
        location / {{ try_files $uri /index.html; add_header Cache-Control "no-cache"; }}
    }}
}}
"""
HEADERS = ("Accept: text/html,*/*", "Accept-Encoding: gzip")


@contextlib.contextmanager
def nginx(port: int) -> Iterator[None]:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    with tempfile.TemporaryDirectory(prefix="revenge-nginx-") as prefix:
        conf = Path(prefix) / "nginx.conf"
        conf.write_text(NGINX_CONF.format(prefix=prefix, port=port, root=BUILD))
        proc = subprocess.Popen([binary, "-p", prefix, "-c", str(conf), "-g", "daemon off;"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(f"http://127.0.0.1:{port}/", timeout=20)
            yield
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def biggest_asset() -> str:
    scripts = sorted((BUILD / "_app" / "immutable").rglob("*.js"), key=lambda p: p.stat().st_size)
    return "/" + scripts[-1].relative_to(BUILD).as_posix()


def line(name: str, load: Load) -> str:
    return (f"{name:34s} {load.requests_per_second:9.0f} req/s  p50 {load.p50_ms:6.2f} ms  "
            f"p99 {load.p99_ms:6.2f} ms  non-2xx {load.errors}")


def serving(seconds: int, connections: int) -> None:
    asset = biggest_asset()
    ours, theirs = free_port(), free_port()
    env = {"REVENGE_WEB_DIR": str(BUILD), "REVENGE_LOG_LEVEL": "warning",
           "REVENGE_DATA_DIR": tempfile.mkdtemp(prefix="revenge-bench-web-")}
    with revenge_process(["http", "--profile", "memory", "--port", str(ours)], env), \
            nginx(theirs):
        wait_for(f"http://127.0.0.1:{ours}/healthz", timeout=120)
        results = {}
        for name, path in (("GET /", "/"), (f"GET {asset}", asset)):
            results[name] = (wrk(f"http://127.0.0.1:{theirs}{path}", seconds, connections,
                                 headers=HEADERS),
                             wrk(f"http://127.0.0.1:{ours}{path}", seconds, connections,
                                 headers=HEADERS))
    print(f"wrk -t1 -c{connections} -d{seconds}s, Accept-Encoding: gzip; nginx 1 worker "
          f"(gzip_static), revenge 1 granian worker")
    for name, (nginx_load, our_load) in results.items():
        print(line(f"nginx    {name}"[:34], nginx_load))
        print(line(f"revenge  {name}"[:34], our_load))
        ratio = our_load.requests_per_second / nginx_load.requests_per_second
        print(f"  revenge / nginx: {ratio:.0%}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    if not (BUILD / "index.html").is_file():
        sys.exit("bench_web: build the web app first (cd web && npm ci && npm run build)")
    serving(args.seconds, args.connections)
    if not args.no_browser:
        subprocess.run(["npm", "run", "--silent", "bench"], cwd=os.path.join(ROOT, "web"),
                       check=True)


if __name__ == "__main__":
    main()
