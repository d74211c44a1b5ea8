"""Jellyfin API figures, each against our own /api/v1 measured in the same run:

* item list throughput at 50k movies: `GET /Users/{id}/Items?IncludeItemTypes=Movie&
  Recursive=true&SortBy=SortName&Limit=100&Fields=…` vs `GET /api/v1/movies?limit=100`
  (goal >= 70%), plus a page at StartIndex=40000 (an offset: informational);
* PlaybackInfo to the first byte of the stream, direct and HLS (remux), vs the same
  through `/api/v1/playback/sessions`: ours is session start + the file's first byte
  (direct) or master + variant playlists + segment 0's first byte (HLS); Jellyfin's is
  `POST /Items/{id}/PlaybackInfo` + `/Videos/{id}/stream` or TranscodingUrl's master +
  variant + segment 0. Rounds alternate ours and Jellyfin's; medians are reported.

The list part runs a real `revenge http` on a fresh database of REVENGE_BENCH_DATABASE_URL's
server (default postgresql://root@127.0.0.1:5432/test) seeded with COPY
(bench/seed_catalog.py); load comes from wrk. The playback part runs an embedded memory
server with two generated 60 s 720p files.

usage: ./dev.sh bench bench_jellyfin [--seconds 5] [--connections 16] [--rounds 3]
                                     [--play-rounds 7] [--play-only | --list-only]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from harness import (
    ROOT,
    P95Load,
    WrkP95,
    free_port,
    fresh_database,
    median_load,
    revenge_process,
    wait_for,
)

sys.path.insert(0, ROOT)
import seed_catalog
from bench_playback import SERVER

PASSWORD = "bench password that is long enough"
LARGE, DEEP = 50_000, 40_000
APP = 'MediaBrowser Client="bench", Device="bench box", DeviceId="bench-1", Version="1.0"'
FIELDS = "PrimaryImageAspectRatio,Overview,Genres,DateCreated,MediaSourceCount"
# An app that plays MP4/H.264/AAC directly; anything else comes as our HLS.
PROFILE = {"DirectPlayProfiles": [{"Type": "Video", "Container": "mp4", "VideoCodec": "h264",
                                   "AudioCodec": "aac"}]}


def jellyfin_login(base: str, username: str) -> tuple[str, str]:
    answer = httpx.post(base + "/Users/AuthenticateByName", headers={"Authorization": APP},
                        json={"Username": username, "Pw": PASSWORD}, timeout=60)
    answer.raise_for_status()
    return answer.json()["User"]["Id"], answer.json()["AccessToken"]


def api_login(base: str) -> tuple[str, str]:
    with httpx.Client(base_url=base + "/api/v1", timeout=60) as api:
        api.post("/auth/register", json={"username": "bench", "email": "bench@example.org",
                                         "password": PASSWORD})
        login = api.post("/auth/login", json={"username": "bench", "password": PASSWORD})
        login.raise_for_status()
        return login.json()["user"]["id"], login.json()["access_token"]


# --- item lists at 50k ------------------------------------------------------------------


def list_figures(args: argparse.Namespace) -> None:
    server = os.environ.get("REVENGE_BENCH_DATABASE_URL", "postgresql://root@127.0.0.1:5432/test")
    redis_url = os.environ.get("REVENGE_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
    with fresh_database(server) as db_url, tempfile.TemporaryDirectory() as scratch:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {"REVENGE_DATABASE_URL": db_url, "REVENGE_REDIS_URL": redis_url,
               "REVENGE_DATA_DIR": scratch, "REVENGE_LOG_LEVEL": "warning",
               "REVENGE_ACCESS_TOKEN_MINUTES": "600"}
        with revenge_process(["http", "--host", "127.0.0.1", "--port", str(port)], env,
                             os.path.join(scratch, "server.log")):
            wait_for(base + "/startupz", timeout=180)
            user_id, token = api_login(base)
            started = time.perf_counter()
            seed_catalog.seed_movies(db_url, LARGE)
            seed_catalog.seed_viewer(db_url, user_id, among=LARGE)
            seed_catalog.vacuum(db_url)
            print(f"seeded {LARGE:,} movies in {time.perf_counter() - started:.0f}s", flush=True)
            jf_user, jf_token = jellyfin_login(base, "bench")
            loads = _measure_lists(args, base, token, jf_user, jf_token)
    _report_lists(loads)


def _measure_lists(args: argparse.Namespace, base: str, token: str, jf_user: str,
                   jf_token: str) -> dict[str, P95Load]:
    items = (f"/Users/{jf_user}/Items?IncludeItemTypes=Movie&Recursive=true&SortBy=SortName"
             f"&SortOrder=Ascending&Limit=100&Fields={FIELDS}&ImageTypeLimit=1")
    paths = {"/api/v1/movies?limit=100": ("/api/v1/movies?limit=100",
                                          {"Authorization": f"Bearer {token}"}),
             "Jellyfin /Users/{id}/Items (100)": (items, {"X-Emby-Token": jf_token}),
             "Jellyfin, StartIndex=40000": (items + f"&StartIndex={DEEP}",
                                            {"X-Emby-Token": jf_token})}
    for path, headers in paths.values():  # warm the pools, caches and plans
        for _ in range(20):
            assert httpx.get(base + path, headers=headers, timeout=60).status_code == 200
    wrk = WrkP95(args.seconds, args.connections)
    runs: dict[str, list[P95Load]] = {name: [] for name in paths}
    for _ in range(args.rounds):
        for name, (path, headers) in paths.items():
            runs[name].append(wrk.run(base + path, headers))
    return {name: median_load(r) for name, r in runs.items()}


def _report_lists(loads: dict[str, P95Load]) -> None:
    print(f"\n  item lists at {LARGE:,} movies            rps    p50 ms   p95 ms  errors")
    for name, load in loads.items():
        print(f"  {name:<36} {load.rps:>7.0f} {load.p50_ms:>8.2f} {load.p95_ms:>8.2f} "
              f"{load.errors:>7}")
    ours, theirs = loads["/api/v1/movies?limit=100"], loads["Jellyfin /Users/{id}/Items (100)"]
    ratio = theirs.rps / ours.rps
    print(f"  Jellyfin items rps / /api/v1/movies rps  {ratio:.2f}  (goal >= 0.70)  "
          f"{'met' if ratio >= 0.70 else 'MISSED'}")


# --- PlaybackInfo to first byte ---------------------------------------------------------


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args], check=True)


def make_media(directory: Path) -> None:
    source = ["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=24:duration=60", "-f", "lavfi",
              "-i", "sine=duration=60", "-c:v", "libx264", "-preset", "veryfast", "-g", "48",
              "-pix_fmt", "yuv420p", "-c:a", "aac", "-t", "60"]
    ffmpeg(*source, "-movflags", "+faststart", str(directory / "direct.mp4"))
    ffmpeg(*source, str(directory / "remux.mkv"))


def first_byte(client: httpx.Client, url: str, headers: dict[str, str]) -> None:
    with client.stream("GET", url, headers=headers) as response:
        assert response.status_code in (200, 206), (url, response.status_code)
        next(response.iter_raw(1))


def hls_first_byte(client: httpx.Client, master_url: str, headers: dict[str, str]) -> None:
    master = client.get(master_url, headers=headers)
    assert master.status_code == 200, master.text
    variant_url = httpx.URL(str(master.url)).join(_first_uri(master.text))
    variant = client.get(variant_url, headers=headers)
    first_byte(client, str(variant_url.join(_first_uri(variant.text))), headers)


def _first_uri(playlist: str) -> str:
    return next(line for line in playlist.splitlines() if line and not line.startswith("#"))


def ours(client: httpx.Client, auth: dict[str, str], movie: str, hls: bool) -> float:
    started = time.perf_counter()
    body = {"movie_id": movie, "profile": {"containers": ["mp4"], "video_codecs": ["h264"],
                                           "audio_codecs": ["aac"]}}
    session = client.post("/api/v1/playback/sessions", headers=auth, json=body).json()
    if hls:
        hls_first_byte(client, session["hls_url"], {})
    else:
        first_byte(client, session["direct_url"], {"Range": "bytes=0-"})
    elapsed = time.perf_counter() - started
    client.delete(f"/api/v1/playback/sessions/{session['id']}", headers=auth)
    return elapsed


def jellyfin(client: httpx.Client, token: str, movie: str, hls: bool) -> float:
    item, headers = movie.replace("-", ""), {"X-Emby-Token": token}
    started = time.perf_counter()
    info = client.post(f"/Items/{item}/PlaybackInfo", headers=headers,
                       json={"DeviceProfile": PROFILE}).json()
    source, session = info["MediaSources"][0], info["PlaySessionId"]
    if hls:
        hls_first_byte(client, source["TranscodingUrl"], {})
    else:
        first_byte(client, f"/Videos/{item}/stream?static=true&MediaSourceId={source['Id']}"
                           f"&PlaySessionId={session}&api_key={token}", {"Range": "bytes=0-"})
    elapsed = time.perf_counter() - started
    client.post("/Sessions/Playing/Stopped", headers=headers,
                json={"ItemId": item, "PlaySessionId": session})
    return elapsed


def play_figures(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        make_media(work)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(port), str(work / "data"),
                                   str(work / "direct.mp4"), str(work / "remux.mkv")], cwd=ROOT)
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz", timeout=60)
            _measure_play(args, f"http://127.0.0.1:{port}")
        finally:
            server.terminate()
            server.wait(timeout=30)


def _measure_play(args: argparse.Namespace, base: str) -> None:
    from tests.integration.playback.live import movie_id

    with httpx.Client(base_url=base, timeout=60) as client:
        _, token = api_login(base)
        _, jf_token = jellyfin_login(base, "bench")
        client.cookies.clear()
        auth = {"Authorization": f"Bearer {token}"}
        times: dict[str, list[float]] = {}
        for round_number in range(args.play_rounds):
            for kind, movie, hls in (("direct", "direct", False), ("HLS remux", "remux", True)):
                measured = {f"{kind}: /api/v1": lambda m=movie, h=hls: ours(
                                client, auth, movie_id(m), h),
                            f"{kind}: Jellyfin": lambda m=movie, h=hls: jellyfin(
                                client, jf_token, movie_id(m), h)}
                order = list(measured) if round_number % 2 else list(measured)[::-1]
                for name in order:  # who goes first alternates between rounds
                    times.setdefault(name, []).append(measured[name]())
    print(f"\n  start to first byte (median of {args.play_rounds})      ms")
    for name, samples in times.items():
        print(f"  {name:<40} {statistics.median(samples) * 1000:>7.1f}")
    for kind in ("direct", "HLS remux"):
        ratio = (statistics.median(times[f"{kind}: Jellyfin"])
                 / statistics.median(times[f"{kind}: /api/v1"]))
        print(f"  {kind}: Jellyfin / /api/v1                {ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--play-rounds", type=int, default=7)
    parser.add_argument("--play-only", action="store_true")
    parser.add_argument("--list-only", action="store_true")
    args = parser.parse_args()
    if not args.list_only:
        play_figures(args)
    if not args.play_only:
        list_figures(args)


if __name__ == "__main__":
    main()
