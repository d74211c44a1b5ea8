"""`python -m revenge.entrypoints.docs_reference [--check]`: rewrite (or check) the
generated tables of the docs pages from the code."""

from __future__ import annotations

import sys

from revenge.entrypoints.docs_reference.render import DOCS, GENERATED, region, with_region


def main(argv: list[str]) -> int:
    stale = []
    for name, (page, render) in GENERATED.items():
        path = DOCS / page
        text = path.read_text(encoding="utf-8")
        if region(text, name) != render():
            stale.append(f"{page} ({name})")
            if "--check" not in argv:
                path.write_text(with_region(text, name, render()), encoding="utf-8")
    if stale and "--check" in argv:
        print("stale generated docs: " + ", ".join(stale), file=sys.stderr)
        return 1
    print(("rewrote " + ", ".join(stale)) if stale else "generated docs are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
