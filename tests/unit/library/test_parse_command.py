"""`revenge parse`: JSON out, one object per name, whatever comes in."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from revenge.entrypoints.cli import parse_command


def test_jsonl_writes_one_object_per_line_in_order() -> None:
    lines = [b"The.Matrix.1999.1080p.BluRay.x264-GRP.mkv\n", b"\n", b"Heat (1995)\r\n"]
    out = parse_command.encode_lines(lines).decode().splitlines()
    objects = [json.loads(line) for line in out]
    assert [(o["title"], o["year"], o["kind"]) for o in objects] == [
        ("The Matrix", 1999, "movie"),
        (None, None, "movie"),
        ("Heat", 1995, "movie"),
    ]
    assert {"edition", "part", "is_3d", "resolution", "source", "codec"} <= objects[0].keys()
    assert {"tmdb_id", "imdb_id", "extra_type"} <= objects[0].keys()


def test_undecodable_bytes_do_not_stop_the_stream() -> None:
    out = parse_command.encode_lines([b"\xff\xfe broken \x00 name\n", b"Heat 1995\n"])
    assert [json.loads(line)["title"] for line in out.decode().splitlines()][1] == "Heat"


def test_names_on_the_command_line_are_printed_as_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = argparse.ArgumentParser()
    parse_command.configure(parser)
    assert parse_command.run(parser.parse_args(["Alien (1979)-trailer.mkv"])) == 0
    printed = json.loads(capsys.readouterr().out)
    assert (printed["title"], printed["kind"]) == ("Alien", "extra")
    assert printed["extra_type"] == "trailer"


def test_revenge_parse_jsonl_imports_neither_msgspec_nor_typing() -> None:
    """It is timed with interpreter start-up included; heavy imports would show."""
    code = (
        "import sys; from revenge.entrypoints.cli.main import main; "
        "sys.argv = ['revenge', 'parse', '--jsonl']; main(); "
        "sys.stderr.write(' '.join(m for m in ('msgspec', 'typing') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=b"Heat 1995\n", capture_output=True, check=True
    )
    assert json.loads(done.stdout)["title"] == "Heat"
    assert done.stderr.decode().strip() == ""
