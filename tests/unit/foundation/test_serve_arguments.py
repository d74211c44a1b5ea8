"""`revenge serve --port`: a port number, or a clear error (never a traceback)."""

from __future__ import annotations

import argparse

import pytest

from revenge.entrypoints.cli import serve_command


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="revenge serve")
    serve_command.configure(parser)
    return parser


def test_a_port_number_is_taken() -> None:
    assert _parser().parse_args(["--port", "8123"]).port == 8123


@pytest.mark.parametrize("port", ["0", "65536", "²", "\u0668\u0660\u0669\u0666", "9" * 5000,
                                  "-1", "http"])
def test_anything_else_is_a_usage_error_naming_the_port(
        port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        _parser().parse_args(["--port", port])

    assert stopped.value.code == 2 and "is not a port number" in capsys.readouterr().err
