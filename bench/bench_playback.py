"""Playback figures, against baselines measured in the same run:

* direct play throughput of Revenge vs nginx (Debian package, started here on loopback
  with a temp config, sendfile on, one worker) serving the same file, with 1 and 4
  concurrent streams, for a plain GET (Revenge: ASGI pathsend) and a browser-like
  `Range: bytes=0-` (Revenge: pread + send) — goals >= 90% (1 stream) and >= 65% (4);
* time to the first HLS segment (remux) vs a bare `ffmpeg -c copy -f hls` on the same
  file — goal <= 1.5x. Ours includes creating the session, fetching the master and
  variant playlists, and segment 0. "cold": the file was never probed (its mtime is
  bumped before each round), so the session start probes it and reads its keyframes
  from the container index; "warm": probed before (as the library scanner does), so
  the session start reads neither. Rounds of bare, cold and warm are interleaved.

usage: ./dev.sh bench bench_playback [--size-mb 256] [--rounds 3] [--hls-rounds 5]
                                     [--hls-only]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from harness import ROOT, free_port, wait_for

sys.path.insert(0, ROOT)
from tests.integration.playback.live import movie_id

PASSWORD = "correct horse battery staple"

SERVER = """
import asyncio, sys
from granian.constants import Interfaces
from granian.server.embed import Server
from tests.integration.playback.live import add_movie
from revenge.entrypoints.config import Config
from revenge.entrypoints.memory_profile import build_memory_container
from revenge.entrypoints.http.app import create_app
from pathlib import Path

async def main(port, data, *files):
    container = build_memory_container(Config(data_dir=data, log_level="warning"))
    for path in files:
        await add_movie(container, Path(path).stem, Path(path))
    server = Server(create_app(container), address="127.0.0.1", port=int(port),
                    interface=Interfaces.ASGI, log_enabled=False)
    await server.serve()

asyncio.run(main(*sys.argv[1:]))
"""


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args], check=True)


def make_media(directory: Path, size_mb: int) -> tuple[Path, Path]:
    """A big direct-play file (a short video with a random attachment) and a 60 s 720p
    H.264/AAC MKV for HLS remux."""
    blob = directory / "blob.bin"
    with open(blob, "wb") as handle:
        for _ in range(size_mb):
            handle.write(os.urandom(1 << 20))
    big = directory / "big.mkv"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=4", "-c:v", "libx264",
           "-preset", "ultrafast", "-attach", str(blob), "-metadata:s:t",
           "mimetype=application/octet-stream", str(big))
    blob.unlink()
    movie = directory / "movie.mkv"
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=24:duration=60", "-f", "lavfi",
           "-i", "sine=duration=60", "-c:v", "libx264", "-preset", "veryfast", "-g", "48",
           "-pix_fmt", "yuv420p", "-c:a", "aac", "-t", "60", str(movie))
    return big, movie


def start_nginx(root: Path, work: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    conf = work / "nginx.conf"
    conf.write_text(f"""
worker_processes 1; daemon off; pid {work}/nginx.pid; error_log {work}/error.log;
events {{ worker_connections 256; }}
http {{ access_log off; sendfile on; tcp_nopush on;
  client_body_temp_path {work}; proxy_temp_path {work}; fastcgi_temp_path {work};
  uwsgi_temp_path {work}; scgi_temp_path {work};
  types {{ video/x-matroska mkv; }}
  server {{ listen 127.0.0.1:{port}; root {root}; }} }}
""")
    process = subprocess.Popen([_nginx(), "-c", str(conf), "-p", str(work)])
    wait_for(f"http://127.0.0.1:{port}/big.mkv", timeout=20)
    return process, port


def _nginx() -> str:
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(found) and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], check=False,
                       capture_output=True)
    if not os.path.exists(found):
        sys.exit("bench: nginx is needed (Debian package `nginx`)")
    return found


def download(url: str, range_header: bool) -> int:
    argv = ["curl", "-s", "-o", "/dev/null", "-w", "%{size_download}", url]
    if range_header:
        argv[1:1] = ["-H", "Range: bytes=0-"]
    return int(subprocess.run(argv, capture_output=True, text=True, check=True).stdout)


def throughput(url: str, streams: int, rounds: int, range_header: bool) -> float:
    """MB/s summed over `streams` concurrent whole-file downloads (median of rounds)."""
    results = []
    with ThreadPoolExecutor(streams) as pool:
        for _ in range(rounds):
            started = time.perf_counter()
            total = sum(pool.map(lambda _: download(url, range_header), range(streams)))
            results.append(total / (time.perf_counter() - started) / 1e6)
    return statistics.median(results)


def login(client: httpx.Client) -> dict[str, str]:
    client.post("/api/v1/auth/register", json={"username": "root", "email": "root@example.org",
                                               "password": PASSWORD})
    token = client.post("/api/v1/auth/login",
                        json={"username": "root", "password": PASSWORD}).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def first_segment_ours(client: httpx.Client, auth: dict[str, str]) -> tuple[float, float]:
    """(seconds to segment 0, of which creating the session)."""
    started = time.perf_counter()
    session = client.post("/api/v1/playback/sessions", headers=auth,
                          json={"movie_id": movie_id("movie")}).json()
    created = time.perf_counter() - started
    master = client.get(session["hls_url"]).text
    variant = next(line for line in master.splitlines() if "/index.m3u8?" in line)
    base = session["hls_url"].split("master.m3u8")[0]
    playlist = client.get(base + variant).text
    segment = next(line for line in playlist.splitlines() if line.startswith("0.ts"))
    assert client.get(base + variant.split("index.m3u8")[0] + segment).status_code == 200
    total = time.perf_counter() - started
    client.delete(f"/api/v1/playback/sessions/{session['id']}", headers=auth)
    return total, created


def bump_mtime(path: Path) -> None:
    """A new file version for the probe cache: the next session start reads it afresh."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def first_segment_bare(movie: Path, work: Path) -> float:
    out = work / "bare"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    started = time.perf_counter()
    process = subprocess.Popen(["ffmpeg", "-hide_banner", "-loglevel", "error", "-i", str(movie),
                                "-c", "copy", "-f", "hls", "-hls_time", "6",
                                "-hls_playlist_type", "vod", str(out / "index.m3u8")])
    while not (out / "index1.ts").exists() and process.poll() is None:
        time.sleep(0.002)  # index0.ts is complete once index1.ts is opened
    elapsed = time.perf_counter() - started
    process.kill()
    process.wait()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--hls-rounds", type=int, default=5)
    parser.add_argument("--hls-only", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-playback-"))
    try:
        run(work, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(work: Path, args: argparse.Namespace) -> None:
    media = work / "media"
    media.mkdir()
    big, movie = make_media(media, 1 if args.hls_only else args.size_mb)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port), str(work / "data"),
                               str(big), str(movie)], cwd=ROOT)
    nginx, nginx_port = start_nginx(media, work)
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", timeout=60)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            auth = login(client)
            if not args.hls_only:
                direct = client.post("/api/v1/playback/sessions", headers=auth,
                                     json={"movie_id": movie_id("big"), "profile": {"containers": [
                                         "matroska"]}}).json()
                report_direct(f"http://127.0.0.1:{port}{direct['direct_url']}",
                              f"http://127.0.0.1:{nginx_port}/big.mkv", args.size_mb,
                              args.rounds)
            report_hls(client, auth, movie, work, args.hls_rounds)
    finally:
        server.terminate()
        nginx.terminate()
        server.wait()
        nginx.wait()


def report_direct(ours: str, theirs: str, size_mb: int, rounds: int) -> None:
    print(f"direct play, {size_mb} MiB file, median of {rounds} rounds (MB/s):")
    for range_header in (False, True):
        label = "Range: bytes=0-" if range_header else "plain GET     "
        for streams, goal in ((1, 0.90), (4, 0.65)):
            nginx = throughput(theirs, streams, rounds, range_header)
            revenge = throughput(ours, streams, rounds, range_header)
            print(f"  {label} {streams} stream(s): revenge {revenge:8.0f}  nginx {nginx:8.0f}"
                  f"  ratio {revenge / nginx:5.2f} (goal >= {goal:.2f})")


def report_hls(client: httpx.Client, auth: dict[str, str], movie: Path, work: Path,
               rounds: int) -> None:
    first_segment_ours(client, auth)  # the server's first request pays for imports
    bare, cold, warm = [], [], []
    for _ in range(rounds):
        bare.append(first_segment_bare(movie, work))
        bump_mtime(movie)
        cold.append(first_segment_ours(client, auth))
        warm.append(first_segment_ours(client, auth))
    baseline = statistics.median(bare)
    print(f"time to first HLS segment (60 s 720p H.264/AAC MKV, remux), median of {rounds}:")
    print(f"  bare ffmpeg -c copy -f hls {baseline * 1000:7.1f} ms")
    for label, runs in (("cold", cold), ("warm", warm)):
        total = statistics.median(t for t, _ in runs)
        created = statistics.median(c for _, c in runs)
        ratios = sorted(t / b for (t, _), b in zip(runs, bare, strict=True))
        print(f"  revenge {label} {total * 1000:7.1f} ms (session start {created * 1000:6.1f} ms)"
              f"  ratio {total / baseline:5.2f} (goal <= 1.50; per round "
              f"{' '.join(f'{r:.2f}' for r in ratios)})")


if __name__ == "__main__":
    main()
