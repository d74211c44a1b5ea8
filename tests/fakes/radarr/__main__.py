"""The fake Radarr as a process, for the web app's Playwright journeys:

    python -m tests.fakes.radarr --port 7878 --movies 3

serves `generated(N)` with `API_KEY`, and answers a control API outside /api/v3 that a
real Radarr has not: `GET /__fake__/ping`, and `POST /__fake__/movie/<id>/tmdb/<tmdb id>`
(the movie's TMDb id changes, as when someone re-identifies it in Radarr), and
`GET /__fake__/webhook/grab/<id>` (the body of the "Grab" webhook Radarr would send for
that movie, to deliver to Revenge)."""

from __future__ import annotations

import argparse
import re
import signal
import threading
from typing import Any

from tests.fakes.radarr import payloads
from tests.fakes.radarr.data import generated
from tests.fakes.radarr.server import Answer, FakeRadarr

_RETAG = re.compile(r"^/__fake__/movie/(\d+)/tmdb/(\d+)$")
_GRAB = re.compile(r"^/__fake__/webhook/grab/(\d+)$")


class ControlledFakeRadarr(FakeRadarr):
    def answer(self, method: str, target: str, headers: dict[str, str],
               body: bytes) -> Answer:
        if target == "/__fake__/ping":
            return 200, {"movies": len(self.library.movies)}
        retag = _RETAG.match(target)
        if method == "POST" and retag:
            return self._retag(int(retag.group(1)), int(retag.group(2)))
        grabbed = _GRAB.match(target)
        if grabbed:
            movie = self.library.movies.get(int(grabbed.group(1)))
            return (200, payloads.grab(movie)) if movie else (404, {"message": "NotFound"})
        return super().answer(method, target, headers, body)

    def _retag(self, movie_id: int, tmdb_id: int) -> Answer:
        with self.library.lock:
            movie: dict[str, Any] | None = self.library.movies.get(movie_id)
            if movie is None:
                return 404, {"message": "NotFound"}
            movie["tmdbId"] = tmdb_id
        return 200, movie


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--movies", type=int, default=3)
    args = parser.parse_args()
    fake = ControlledFakeRadarr(generated(args.movies), port=args.port)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    with fake:
        stop.wait()


if __name__ == "__main__":
    main()
