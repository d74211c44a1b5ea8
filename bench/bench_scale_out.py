"""Scale-out figures (issue 18), each against a baseline measured in the same run:

1. cached `GET /movies` through nginx to two HTTP replicas vs to one (and direct to one),
   with where the CPU time went (nginx, replicas, PostgreSQL, wrk);
2. a playback request (variant playlist, HLS segment, direct-play range) through a
   replica that does not own the session vs through its owner: p95 ratio;
3. `revenge backup create` / `restore` of a 50k-movie catalog with 5 users' watch state,
   vs a bare `pg_dump -Fc` of the same database.

Against REVENGE_BENCH_DATABASE_URL's server (default the machine's PostgreSQL) and
REVENGE_BENCH_REDIS_URL (default redis://127.0.0.1:6379/0).

usage: ./dev.sh bench bench_scale_out [--part throughput|playback|backup|all]
                                       [--seconds 10] [--connections 32] [--requests 300]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import seed_catalog
from bench_catalog import sign_in
from harness import ROOT, fresh_database, percentile, wrk
from replica_cluster import cpu_seconds, nginx, postgres_cpu_seconds, replicas, shared_env

CATALOG = 5_000
BACKUP_CATALOG = 50_000


def throughput(args: argparse.Namespace, db_url: str, env: dict[str, str], run: Path) -> None:
    with replicas(2, env, run) as pair, nginx([pair[0][0]], run) as one, \
            nginx([p for p, _ in pair], run) as two:
        user_id, token = sign_in(f"http://127.0.0.1:{pair[0][0]}")
        seed_catalog.seed_movies(db_url, CATALOG)
        seed_catalog.seed_viewer(db_url, user_id, among=CATALOG)
        seed_catalog.vacuum(db_url)
        header = [f"Authorization: Bearer {token}"]
        path = "/api/v1/movies?limit=50"
        for port in (pair[0][0], pair[1][0], one[0], two[0]):  # warm every list cache
            wrk(f"http://127.0.0.1:{port}{path}", 2, 4, headers=header)
        print(f"cached GET {path}, {args.seconds} s, {args.connections} connections, "
              f"{CATALOG:,} movies")
        runs = {"direct to one replica": (pair[0][0], [pair[0][1]], None),
                "nginx -> one replica": (one[0], [pair[0][1]], one[1]),
                "nginx -> two replicas": (two[0], [p for _, p in pair], two[1])}
        results = {}
        for name, (port, pids, proxy) in runs.items():
            results[name] = _measured(args, name, f"http://127.0.0.1:{port}{path}", header,
                                      pids, proxy)
        one_rps = results["nginx -> one replica"]
        print(f"  two replicas / one (both behind nginx): "
              f"{results['nginx -> two replicas'] / one_rps:.2f}x")


def _measured(args: argparse.Namespace, name: str, url: str, header: list[str],
              replica_pids: list[int], proxy_pid: int | None) -> float:
    before = _cpu(replica_pids, proxy_pid)
    load = wrk(url, args.seconds, args.connections, headers=header)
    after = _cpu(replica_pids, proxy_pid)
    spent = {k: after[k] - before[k] for k in before}
    total = sum(spent.values()) or 1.0
    shares = "  ".join(f"{k} {v / total:.0%}" for k, v in spent.items())
    print(f"  {name:21s} {load.requests_per_second:8.0f} req/s  p50 {load.p50_ms:6.2f} ms  "
          f"p99 {load.p99_ms:6.2f} ms  errors {load.errors}  CPU: {shares} "
          f"(of {total:.1f} CPU-s in {args.seconds} s)")
    return load.requests_per_second


def _cpu(replica_pids: list[int], proxy_pid: int | None) -> dict[str, float]:
    return {"replicas": sum(cpu_seconds(p) for p in replica_pids),
            "nginx": cpu_seconds(proxy_pid) if proxy_pid else 0.0,
            "postgres": postgres_cpu_seconds()}


def playback(args: argparse.Namespace, db_url: str, env: dict[str, str], run: Path) -> None:
    media = run / "media"
    for folder in ("Bench (2001)", "Direct (2002)"):
        (media / folder).mkdir(parents=True)
    _clip(media / "Bench (2001)" / "Bench.2001.mkv",
          ["-c:v", "libx264", "-preset", "ultrafast", "-g", "48"])
    _clip(media / "Direct (2002)" / "Direct.2002.mp4",
          ["-c:v", "libx264", "-preset", "ultrafast", "-movflags", "+faststart"])
    with replicas(2, env, run) as pair:
        owner, other = (f"http://127.0.0.1:{port}" for port, _ in pair)
        _, token = sign_in(owner)
        auth = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=owner, headers=auth, timeout=60) as api:
            library = api.post("/api/v1/admin/libraries", json={"name": "Bench",
                                                                "paths": [str(media)]})
            library.raise_for_status()
            subprocess.run([sys.executable, "-m", "revenge", "scan", "--inline"], cwd=ROOT,
                           env={**os.environ, **env}, check=True, capture_output=True)
            movies = {m["title"]: m["id"] for m in api.get("/api/v1/movies").json()["items"]}
            hls = api.post("/api/v1/playback/sessions", json={"movie_id": movies["Bench"]}).json()
            direct = api.post("/api/v1/playback/sessions",
                              json={"movie_id": movies["Direct"]}).json()
            variant = _first_variant(api, hls["hls_url"])
        urls = {"variant playlist": variant + "index.m3u8" + _query(hls["hls_url"]),
                "HLS segment": variant + "1.ts" + _query(hls["hls_url"]),
                "direct-play range": direct.get("direct_url") or ""}
        print(f"playback requests, {args.requests} each, owner vs a replica that is not")
        for name, url in urls.items():
            if not url:
                print(f"  {name}: skipped (the session is not direct play: {direct})")
                continue
            on_owner, on_other = _latencies(owner, other, url, args.requests)
            p95 = percentile(on_other, 95) / percentile(on_owner, 95)
            p50 = percentile(on_other, 50) / percentile(on_owner, 50)
            print(f"  {name:18s} owner p50/p95 {percentile(on_owner, 50):6.2f}/"
                  f"{percentile(on_owner, 95):6.2f} ms   other {percentile(on_other, 50):6.2f}/"
                  f"{percentile(on_other, 95):6.2f} ms   ratio p50 {p50:.2f}x  p95 {p95:.2f}x")


def _clip(path: Path, video: list[str]) -> None:
    from revenge.adapters.ffmpeg.tools import locate_tools

    subprocess.run([locate_tools().ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc=size=640x360:rate=24:duration=20",
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=20", *video,
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-t", "20", str(path)], check=True)


def _first_variant(api: httpx.Client, master_url: str) -> str:
    master = api.get(master_url).text
    name = next(line for line in master.splitlines() if line and not line.startswith("#"))
    return master_url.split("master.m3u8")[0] + name.split("/")[0] + "/"


def _query(url: str) -> str:
    return "?" + url.split("?", 1)[1]


def _latencies(owner: str, other: str, path: str, count: int) -> tuple[list[float], ...]:
    headers = {"Range": "bytes=0-65535"} if "/direct" in path else {}
    samples: tuple[list[float], list[float]] = ([], [])
    with httpx.Client(timeout=60) as client:
        client.get(owner + path, headers=headers).raise_for_status()  # produced once
        for _ in range(count):
            for n, base in enumerate((owner, other)):
                started = time.perf_counter()
                client.get(base + path, headers=headers).raise_for_status()
                samples[n].append((time.perf_counter() - started) * 1000)
    return samples


def backup(args: argparse.Namespace, db_url: str, env: dict[str, str], run: Path) -> None:
    with replicas(1, env, run) as single:
        base = f"http://127.0.0.1:{single[0][0]}"
        sign_in(base)
        users = [_user(base, n) for n in range(4)]
    admin = _first_user(db_url)
    seed_catalog.seed_movies(db_url, BACKUP_CATALOG)
    for user_id in [admin, *users]:
        seed_catalog.seed_viewer(db_url, user_id, among=BACKUP_CATALOG)
    seed_catalog.vacuum(db_url)
    target = run / "bench.revenge-backup.tar"
    dump_only = _timed([_pg_dump(), "-Fc", "-f", str(run / "plain.dump"), "-d", db_url])
    created = _timed([sys.executable, "-m", "revenge", "backup", "create", "--to", str(target)],
                     env)
    with fresh_database(os.environ.get("REVENGE_BENCH_DATABASE_URL",
                                       "postgresql://root@127.0.0.1:5432/test")) as empty:
        restored = _timed([sys.executable, "-m", "revenge", "backup", "restore", str(target)],
                          {**env, "REVENGE_DATABASE_URL": empty,
                           "REVENGE_DATA_DIR": str(run / "restored")})
    print(f"backup of {BACKUP_CATALOG:,} movies, 5 users' watch state "
          f"({target.stat().st_size / 1e6:.1f} MB):")
    print(f"  bare pg_dump -Fc {dump_only:6.1f} s   revenge backup create {created:6.1f} s "
          f"({created / dump_only:.2f}x)   revenge backup restore {restored:6.1f} s")


def _user(base: str, n: int) -> str:
    from bench_catalog import PASSWORD

    with httpx.Client(base_url=base + "/api/v1", timeout=60) as api:
        token = api.post("/auth/login", json={"username": "bench", "password": PASSWORD}
                         ).json()["access_token"]
        made = api.post("/admin/users", headers={"Authorization": f"Bearer {token}"}, json={
            "username": f"viewer{n}", "email": f"viewer{n}@example.org", "password": PASSWORD})
        made.raise_for_status()
        return str(made.json()["id"])


def _first_user(db_url: str) -> str:
    import psycopg

    with psycopg.connect(db_url) as conn:
        row = conn.execute("SELECT id::text FROM users WHERE username = 'bench'").fetchone()
    assert row is not None
    return str(row[0])


def _pg_dump() -> str:
    from revenge.adapters.postgres.dump_tools import candidates

    return max(candidates(), key=lambda t: t.major).pg_dump


def _timed(argv: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env={**os.environ, **(env or {})}, check=True,
                   capture_output=True)
    return time.perf_counter() - started


PARTS = {"throughput": throughput, "playback": playback, "backup": backup}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=[*PARTS, "all"], default="all")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    server = os.environ.get("REVENGE_BENCH_DATABASE_URL",
                            "postgresql://root@127.0.0.1:5432/test")
    redis_url = os.environ.get("REVENGE_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
    for name, part in PARTS.items():
        if args.part not in (name, "all"):
            continue
        with fresh_database(server) as db_url, tempfile.TemporaryDirectory() as scratch:
            run = Path(scratch)
            part(args, db_url, shared_env(db_url, redis_url, run / "data"), run)


if __name__ == "__main__":
    main()
