"""The shipped list of common passwords (the 10,000 most frequent with 8+ characters in
zxcvbn 4.5's frequency lists, which derive from leaked password corpora)."""

from __future__ import annotations

from pathlib import Path

LIST_FILE = Path(__file__).with_name("common_passwords.txt")


class FileCommonPasswords:
    """Loads the list once (at construction, never at import); compares case-insensitively."""

    def __init__(self, path: Path = LIST_FILE) -> None:
        with path.open(encoding="utf-8") as handle:
            self._words = frozenset(line.strip().casefold() for line in handle if line.strip())

    def contains(self, password: str) -> bool:
        return password.casefold() in self._words
