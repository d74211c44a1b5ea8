"""`revenge parse`: print what the file-name parser makes of names or paths.

    revenge parse "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"   # pretty JSON per name
    revenge parse --jsonl < names.txt                           # one JSON object per line

Start-up time matters here (it is measured with the interpreter start included), so
this module imports only the standard library and the naming package.
"""

from __future__ import annotations

import json
import os
import sys

from revenge.domain.library.naming import parse

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME", help="file names or paths")
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help="read one name per line from stdin, write one JSON object per line",
    )


def run(args: argparse.Namespace) -> int:
    try:
        if args.jsonl:
            sys.stdout.buffer.write(encode_lines(sys.stdin.buffer))
        else:
            for name in args.names:
                print(json.dumps(parse(name).as_dict(), ensure_ascii=False, indent=2))
        sys.stdout.flush()
    except BrokenPipeError:  # `revenge parse --jsonl < names | head`: the reader left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no flush error at exit
    return 0


def encode_lines(lines: Iterable[bytes]) -> bytes:
    """One JSON object per input line, in order; undecodable bytes are replaced."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    texts = (line.decode("utf-8", "replace").rstrip("\r\n") for line in lines)
    return "".join(encode(parse(text).as_dict()) + "\n" for text in texts).encode()
