"""Every curl snippet of docs/api.md, run in order by bash against a real `revenge http`
and `revenge worker` on an empty database, as a reader would paste them: each status a
snippet writes after `# answers` must be the status of the curls above it."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import LiveServer, fresh_database, live_server_environment, start_server
from tests.fixtures.media import H264_AAC_MP4, generate
from tests.support.redis_db import private_redis

pytestmark = pytest.mark.e2e

PAGE = Path(__file__).resolve().parents[3] / "docs" / "api.md"
CHECK = "__CHECK__"
_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.S | re.M)
_ANSWERS = re.compile(r"^# answers (.+)$", re.M)
_STATUS = re.compile(r"(\d{3})(?: \(x(\d+)\))?")

# Each curl appends the status of its last response to $__statuses (after the reader's
# own options, so they keep their -o/-w); a checkpoint follows every `# answers` line.
PRELUDE = """
__headers=$(mktemp)
curl() {
  command curl "$@" -D "$__headers"; local rc=$?
  grep -a '^HTTP/' "$__headers" | tail -1 | cut -d' ' -f2 >> "$__statuses"
  : > "$__headers"
  return $rc
}
"""


def snippets(page: str) -> list[str]:
    """The page's shell blocks that call the API (the `export` block is the reader's)."""
    return [block for block in _BLOCK.findall(page) if "curl " in block]


def expected(spec: str) -> list[int]:
    """`401 (x9), 429` -> [401] * 9 + [429]."""
    return [int(code) for code, times in _STATUS.findall(spec) for _ in range(int(times or 1))]


def script(blocks: list[str]) -> tuple[str, list[list[int]]]:
    """The blocks as one bash script with a checkpoint after each `# answers` line, and
    the statuses expected at each checkpoint."""
    checks: list[list[int]] = []

    def checkpoint(match: re.Match[str]) -> str:
        checks.append(expected(match.group(1)))
        return f'{match.group(0)}\necho {CHECK} >> "$__statuses"'

    body = "\n".join(_ANSWERS.sub(checkpoint, block) for block in blocks)
    return PRELUDE + body, checks


def statuses_between_checks(text: str) -> list[list[int]]:
    groups: list[list[int]] = [[]]
    for line in text.split():
        if line == CHECK:
            groups.append([])
        else:
            groups[-1].append(int(line))
    return groups[:-1]


def matches(seen: list[int], wanted: list[int]) -> bool:
    """One status stands for every curl above it (a polling loop); a list, for exactly
    those curls in order."""
    if len(wanted) == 1:
        return bool(seen) and set(seen) == set(wanted)
    return seen == wanted


@pytest.fixture(scope="module")
def server(postgres_server_url: str, redis_url: str,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Path]]:
    """An empty server (the guide registers its first account) with a worker of its own,
    and a folder holding one movie."""
    data_dir = tmp_path_factory.mktemp("api-guide")
    movies = tmp_path_factory.mktemp("api-guide-movies")
    clip = generate(H264_AAC_MP4, tmp_path_factory.mktemp("api-guide-clip"))
    (movies / "Sintel (2010)").mkdir()
    shutil.copy(clip, movies / "Sintel (2010)" / "Sintel (2010).mp4")
    queue = private_redis(redis_url)
    with fresh_database(postgres_server_url) as database, \
            start_server(database, queue, data_dir) as live:
        env = live_server_environment(database, queue, data_dir)
        worker = subprocess.Popen([sys.executable, "-m", "revenge", "worker"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
        try:
            yield live, movies
        finally:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)


def test_the_page_has_snippets_and_each_says_what_it_answers() -> None:
    blocks = snippets(PAGE.read_text(encoding="utf-8"))
    assert len(blocks) >= 10
    for block in blocks:
        assert _ANSWERS.search(block), f"a snippet without `# answers`:\n{block}"


def test_every_curl_snippet_answers_what_the_page_says(
        server: tuple[LiveServer, Path], tmp_path: Path) -> None:
    live, movies = server
    text, checks = script(snippets(PAGE.read_text(encoding="utf-8")))
    statuses = tmp_path / "statuses"
    env = {**os.environ, "REVENGE": live.base_url, "MOVIES": str(movies),
           "__statuses": str(statuses)}
    run = subprocess.run(["bash", "-c", text], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=180)
    seen = statuses_between_checks(statuses.read_text() if statuses.exists() else "")
    output = f"stdout:\n{run.stdout[-4000:]}\nstderr:\n{run.stderr[-2000:]}"
    assert len(seen) == len(checks), f"the script stopped early\n{output}"
    for number, (got, wanted) in enumerate(zip(seen, checks, strict=True), 1):
        assert matches(got, wanted), f"check {number}: got {got}, the page says {wanted}\n{output}"
