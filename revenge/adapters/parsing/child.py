"""A child process of `ProcessNameParser`: parses each batch of paths read from stdin
and writes the answer to stdout, until stdin closes. Started as
`python -m revenge.adapters.parsing.child`; imports only the parser and msgspec, so it
is ready in a few tens of milliseconds."""

from __future__ import annotations

import sys

from revenge.adapters.parsing.wire import HEADER, body_size, decode_batch, encode, frame
from revenge.domain.library.naming import PathParser


def main() -> None:
    parse = PathParser()
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while header := source.read(HEADER):
        paths = decode_batch(source.read(body_size(header)))
        rows = [parse(path).fields() for path in paths]
        sink.write(frame(encode((*parse.counts(), rows))))
        sink.flush()


if __name__ == "__main__":
    try:
        main()
    except (BrokenPipeError, KeyboardInterrupt):  # the parent is gone or stopping: so are we
        sys.exit(1)
