"""The fake TMDb in a process of its own, served by granian:

    python -m revenge.testing.fake_tmdb --port 8765 --synthetic 1000

`FakeTmdbProcess` starts one from Python (benches): it has no `fail_next`, and its
request counters come from `stats()` (summed over nothing: one worker per process).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Self

from revenge.testing.fake_tmdb.api import STATS_PATH

# Where `revenge` can be imported from (granian resolves its target from the cwd).
_IMPORT_ROOT = Path(__file__).resolve().parents[3]


class FakeTmdbProcess:
    def __init__(self, *, synthetic: int = 0, port: int = 0) -> None:
        self.port = port or _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._synthetic = synthetic
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"{self.url}/3"

    @property
    def image_base_url(self) -> str:
        return f"{self.url}/t/p/"

    def stats(self) -> dict[str, int]:
        """Requests the fake has answered: `api_requests`, `image_requests`."""
        url = self.url + STATS_PATH  # always http://127.0.0.1:<port>
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
            return dict(json.load(response))

    def __enter__(self) -> Self:
        command = [sys.executable, "-m", "revenge.testing.fake_tmdb", "--port", str(self.port),
                   "--synthetic", str(self._synthetic)]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=_IMPORT_ROOT)
        self._wait_until_serving()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()

    def _wait_until_serving(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise RuntimeError(f"the fake TMDb exited with {self._process.returncode}")
            with contextlib.suppress(OSError):
                self.stats()
                return
            time.sleep(0.05)
        raise TimeoutError(f"the fake TMDb did not answer at {self.url} within {timeout} s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m revenge.testing.fake_tmdb",
                                     description="A fake TMDb API v3 (fixture data).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--synthetic", type=int, default=0,
                        help="extra made-up movies (benches: 1000)")
    args = parser.parse_args(argv)
    os.environ["FAKE_TMDB_URL"] = f"http://{args.host}:{args.port}"
    os.environ["FAKE_TMDB_SYNTHETIC"] = str(args.synthetic)
    from granian import Granian
    from granian.constants import HTTPModes, Interfaces
    from granian.log import LogLevels

    Granian("revenge.testing.fake_tmdb.asgi:create_app_from_environment", factory=True,
            address=args.host, port=args.port, interface=Interfaces.ASGI, workers=1,
            http=HTTPModes.http1, log_level=LogLevels.warning, log_access=False,
            working_dir=_IMPORT_ROOT).serve()
