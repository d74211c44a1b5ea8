"""`revenge parse`: print what the file-name parser makes of names or paths.

    revenge parse "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"   # pretty JSON per name
    revenge parse --jsonl < names.txt                           # one JSON object per line

Start-up time matters here (it is measured with the interpreter start included), so
this module imports only the standard library, msgspec and the naming package.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable

import msgspec

from revenge.domain.library.naming import parse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME", help="file names or paths")
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help="read one name per line from stdin, write one JSON object per line",
    )


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        sys.stdout.buffer.write(encode_lines(sys.stdin.buffer))
    else:
        for name in args.names:
            print(msgspec.json.format(msgspec.json.encode(parse(name)), indent=2).decode())
    sys.stdout.flush()
    return 0


def encode_lines(lines: Iterable[bytes]) -> bytes:
    """One JSON object per input line, in order; undecodable bytes are replaced."""
    encoder = msgspec.json.Encoder()
    out = bytearray()
    for line in lines:
        encoder.encode_into(parse(line.decode("utf-8", "replace").rstrip("\r\n")), out, -1)
        out += b"\n"
    return bytes(out)
