"""Web player figures (issue 16), Debian's Chromium over loopback against a real
`revenge serve` (embedded PostgreSQL, Redis, Typesense) with a library of generated
720p clips:

* click on the movie page's Play to the video's `playing` event, for direct play
  (goal <= 1.0 s), HLS remux (goal <= 1.5x the server's own first-segment time + 300 ms;
  the server's time is measured on the same file in the same rounds: create the session,
  master and variant playlists, segment 0, over plain HTTP from Node) and HLS transcode
  (reported) — medians of --rounds, each in a fresh browser context (cold cache);
* a seek to a point not yet buffered (75% of a 10-minute film) to `playing` again: direct
  (goal <= 0.5 s) and HLS remux and transcode (goal <= 1.5 s) — medians of --rounds;
* one --play-minutes (10) HLS transcode played through at --rate (1x): the stalls
  (`waiting` -> `playing` after the start; goal: none over 1 s) and the server's CPU for
  the stream (the `revenge http` process and its ffmpeg children, from /proc, over the
  play), as a share of one core. After it the page is unloaded (a closed tab) and the
  time until the server's ffmpeg stopped is reported.

Every other play is left by the player's Back button, and the next measure waits until
the server runs no ffmpeg. hls.js's start rung is shown per click ("first_segment").

The clips (made once with ffmpeg and cached in the temp folder) are 1280x720 24 fps
`testsrc2` + a sine tone, a 60 s piece looped by stream copy to the film's length:
  direct     H.264 Main / AAC MP4 (faststart)         -> direct play
  remux      H.264 / AC-3 MKV                          -> HLS remux (audio to AAC)
  transcode  HEVC / AC-3 MKV                           -> HLS transcode (libx264)

The Node driver is web/bench/player.mjs (playwright-core, /usr/bin/chromium).

usage: ./dev.sh bench bench_web_player [--rounds 5] [--play-minutes 10] [--rate 1]
       (needs `npm run build` in web/)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
from harness import ROOT, free_port, wait_for

CLIP_VERSION = "v1"
PIECE_SECONDS = 60
ADMIN = {"username": "admin", "email": "admin@example.com",
         "password": "correct horse battery staple"}
CLIPS = {  # name -> (title, folder, file)
    "direct": ("Direct Film", "Direct Film (2001)", "Direct Film (2001).mp4"),
    "remux": ("Remux Film", "Remux Film (2002)", "Remux Film (2002).mkv"),
    "transcode": ("Transcode Film", "Transcode Film (2003)", "Transcode Film (2003).mkv"),
}
GOALS = {
    "click_direct_ms": "<= 1000",
    "click_remux_ms": "<= 1.5 x server first segment + 300",
    "click_transcode_ms": "reported",
    "seek_direct_ms": "<= 500",
    "seek_hls_ms": "<= 1500",
    "stalls": "none longer than 1000 ms",
    "cpu_per_stream": "reported",
}


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args], check=True)


def make_clips(minutes: int) -> Path:
    """The three films (cached across runs: HEVC at 720p costs minutes of CPU)."""
    folder = Path(tempfile.gettempdir()) / f"revenge-bench-player-{CLIP_VERSION}-{minutes}m"
    if (folder / "done").exists():
        return folder
    work = Path(tempfile.mkdtemp(prefix="revenge-bench-player-tmp-"))
    src = ["-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate=24:duration={PIECE_SECONDS}",
           "-f", "lavfi", "-i", f"sine=frequency=440:duration={PIECE_SECONDS}",
           "-map", "0:0", "-map", "1:0"]
    h264 = ["-c:v", "libx264", "-preset", "ultrafast", "-g", "48", "-profile:v", "main",
            "-pix_fmt", "yuv420p"]
    hevc = ["-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-x265-params", "keyint=48:min-keyint=48:log-level=error"]
    pieces = {"direct": (h264, "aac", "mp4"), "remux": (h264, "ac3", "mkv"),
              "transcode": (hevc, "ac3", "mkv")}
    for name, (video, audio, ext) in pieces.items():
        piece = work / f"{name}-piece.{ext}"
        print(f"making the {name} film ...", file=sys.stderr, flush=True)
        ffmpeg(*src, *video, "-c:a", audio, "-b:a", "128k", str(piece))
        _title, sub, file = CLIPS[name]
        (work / sub).mkdir()
        faststart = ["-movflags", "+faststart"] if ext == "mp4" else []
        ffmpeg("-stream_loop", "-1", "-i", str(piece), "-map", "0", "-c", "copy",
               "-t", str(minutes * 60), *faststart, str(work / sub / file))
        piece.unlink()
    (work / "done").write_text(CLIP_VERSION)
    try:
        work.rename(folder)
    except OSError:
        shutil.copytree(work, folder, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    return folder


@contextlib.contextmanager
def revenge_serve(data: Path, port: int, log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`revenge serve` in its own process group (ended with all its children)."""
    env = {**os.environ, "REVENGE_DATA_DIR": str(data),
           "REVENGE_PUBLIC_URL": f"http://localhost:{port}",
           "REVENGE_WEB_DIR": str(Path(ROOT) / "web/build"), "REVENGE_LOG_LEVEL": "info",
           "REVENGE_ARGON2_TIME_COST": "1", "REVENGE_ARGON2_MEMORY_KIB": "8192"}
    with open(log_path, "ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "revenge", "serve", "--host",
                                 "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                                stdout=log, stderr=log, start_new_session=True)
    try:
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def http_pid(serve_pid: int) -> int:
    """The `revenge http` child of `revenge serve` (it runs the segmenters' ffmpeg)."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = Path(f"/proc/{entry}/stat").read_text()
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            argv = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")
            if ppid == serve_pid and b"http" in argv:
                return int(entry)
    raise RuntimeError("no `revenge http` child of revenge serve")


def set_up_library(base: str, clips: Path) -> dict[str, str]:
    with httpx.Client(base_url=base, timeout=60) as api:
        api.post("/api/v1/auth/register", json=ADMIN)
        token = api.post("/api/v1/auth/login", json={
            "username": ADMIN["username"], "password": ADMIN["password"]}).json()["access_token"]
        api.headers["Authorization"] = f"Bearer {token}"
        library = api.post("/api/v1/admin/libraries",
                           json={"name": "Films", "paths": [str(clips)]}).json()
        deadline = time.monotonic() + 300
        while api.get(f"/api/v1/admin/jobs/{library['scan_job_id']}").json()["status"] != \
                "succeeded":
            if time.monotonic() > deadline:
                sys.exit("the library scan did not finish within 5 minutes")
            time.sleep(0.5)
        ids = {}
        for name, (title, _folder, _file) in CLIPS.items():
            items = api.get("/api/v1/movies", params={"q": title}).json()["items"]
            ids[name] = next(m["id"] for m in items if m["title"] == title)
        return ids


def median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.median(present), 1) if present else None


def figures(raw: dict[str, Any], rate: float) -> dict[str, Any]:
    click, seek, play = raw["click"], raw["seek"], raw["play"]
    server = raw["serverFirstSegment"]
    clicks = {name: {"median": median([r["ms"] for r in rows]),
                     "samples": [round(r["ms"]) for r in rows],
                     "method": sorted({r["method"] for r in rows}),
                     "first_segment": sorted({str(r["firstSegment"]) for r in rows}),
                     "where_the_time_went_median_ms_after_click": {
                         part: median([r["parts"][part] for r in rows])
                         for part in rows[0]["parts"]}}
              for name, rows in click.items()}
    seeks = {name: {"median": median([r["ms"] for r in rows]),
                    "samples": [round(r["ms"]) for r in rows],
                    "ended_by": sorted({r["how"] for r in rows}),
                    "target_was_buffered": any(r["buffered"] for r in rows)}
             for name, rows in seek.items()}
    firsts = {name: {"median": median(v), "samples": [round(x) for x in v]}
              for name, v in server.items()}
    remux_goal = 1.5 * firsts["remux"]["median"] + 300
    seek_hls = max(seeks["remux"]["median"], seeks["transcode"]["median"])
    out: dict[str, Any] = {"click_to_playing_ms": clicks, "server_first_segment_ms": firsts,
                           "seek_unbuffered_to_playing_ms": seeks}
    goals: dict[str, Any] = {
        "click_direct": {"value_ms": clicks["direct"]["median"], "goal": GOALS["click_direct_ms"],
                         "met": clicks["direct"]["median"] <= 1000},
        "click_remux": {"value_ms": clicks["remux"]["median"], "goal": GOALS["click_remux_ms"],
                        "goal_ms": round(remux_goal),
                        "met": clicks["remux"]["median"] <= remux_goal},
        "click_transcode": {"value_ms": clicks["transcode"]["median"],
                            "goal": GOALS["click_transcode_ms"]},
        "seek_direct": {"value_ms": seeks["direct"]["median"], "goal": GOALS["seek_direct_ms"],
                        "met": seeks["direct"]["median"] <= 500},
        "seek_hls": {"value_ms": seek_hls, "goal": GOALS["seek_hls_ms"], "met": seek_hls <= 1500,
                     "of": "the slower of remux and transcode"},
    }
    if play:
        stalls, cpu, wall = play["stalls"], play["cpu"], play["wallSeconds"]
        longest = round(max(stalls, default=0))
        per_stream = round(100 * (cpu["http"] + cpu["ffmpeg"]) / wall, 1)
        out["long_transcode_play"] = {
            "media_seconds": round(play["mediaSeconds"], 1), "wall_seconds": round(wall, 1),
            "playback_rate": rate, "hls_levels_played": play["levels"], "ladder": play["ladder"],
            "stalls": len(stalls), "stall_ms": [round(s) for s in stalls],
            "longest_stall_ms": longest,
            "server_cpu_seconds": {k: round(v, 1) for k, v in cpu.items()},
            "server_cpu_pct_of_one_core": per_stream,
            "of_which_ffmpeg_pct": round(100 * cpu["ffmpeg"] / wall, 1),
            "of_which_http_process_pct": round(100 * cpu["http"] / wall, 1),
            "page_unload_then": play["unload"],
        }
        goals["stalls"] = {"count": len(stalls), "longest_ms": longest, "goal": GOALS["stalls"],
                           "met": longest <= 1000}
        goals["cpu_per_stream"] = {"pct_of_one_core": per_stream, "goal": GOALS["cpu_per_stream"]}
    out["goals"] = goals
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--play-minutes", type=float, default=10,
                        help="how much of the transcode to play through")
    parser.add_argument("--rate", type=float, default=1.0, help="playbackRate of the long play")
    parser.add_argument("--film-minutes", type=int, default=10)
    parser.add_argument("--server-log", help="keep the server's log here")
    args = parser.parse_args()
    if not (Path(ROOT) / "web/build/index.html").exists():
        sys.exit("web/build is missing: run `npm run build` in web/ first")
    clips = make_clips(args.film_minutes)
    with tempfile.TemporaryDirectory(prefix="revenge-bench-player-") as scratch:
        port = free_port()
        base = f"http://localhost:{port}"
        log = Path(scratch) / "server.log"
        library = Path(scratch) / "films"
        shutil.copytree(clips, library, ignore=shutil.ignore_patterns("done"))
        with revenge_serve(Path(scratch) / "data", port, log) as serve:
            try:
                wait_for(base + "/startupz", timeout=180)
            except TimeoutError:
                sys.exit(f"revenge serve did not start; its log:\n{log.read_text()}")
            ids = set_up_library(base, library)
            config = {"url": base, "username": ADMIN["username"],
                      "password": ADMIN["password"], "ids": ids, "rounds": args.rounds,
                      "playSeconds": args.play_minutes * 60, "rate": args.rate,
                      "httpPid": http_pid(serve.pid), "clockTicks": os.sysconf("SC_CLK_TCK")}
            load_before = os.getloadavg()
            driver = subprocess.run(["node", "bench/player.mjs", json.dumps(config)],
                                    cwd=Path(ROOT) / "web", capture_output=True, text=True,
                                    check=False)
            load_after = os.getloadavg()
            sys.stderr.write(driver.stderr)
            if driver.returncode != 0:
                sys.exit(f"the driver failed ({driver.returncode}); the server's log tail:\n"
                         f"{log.read_text()[-4000:]}")
            hls_lines = [line for line in log.read_text().splitlines() if "hls:" in line]
            if args.server_log:
                shutil.copy(log, args.server_log)
    result = figures(json.loads(driver.stdout.strip().splitlines()[-1]), args.rate)
    result["load_average"] = {"before": [round(x, 2) for x in load_before],
                              "after": [round(x, 2) for x in load_after],
                              "cpus": os.cpu_count()}
    result["server_ffmpeg_starts"] = len(hls_lines)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
