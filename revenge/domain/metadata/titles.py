"""Title normalisation for matching: accents, case, articles, punctuation, numerals."""

from __future__ import annotations

import re
import unicodedata

_ARTICLES = frozenset({"the", "a", "an", "le", "la", "les", "l", "el", "los", "las", "der",
                       "die", "das", "il", "lo"})
_PUNCTUATION = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_ROMAN = {"ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8"}
_SYMBOLS = {"&": " and ", "+": " and ", "@": " at "}


def fold(text: str) -> str:
    """Lower case without accents (compatibility-decomposed), e.g. "Amélie" -> "amelie"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalised(title: str) -> str:
    """The form two titles are compared in: "The Lord of the Rings: The Two Towers" and
    "lord of the rings - two towers" differ only where words differ. Leading articles
    go, punctuation becomes space, "&" becomes "and", roman numerals become digits."""
    text = fold(title)
    for symbol, word in _SYMBOLS.items():
        text = text.replace(symbol, word)
    words = _SPACES.split(_PUNCTUATION.sub(" ", text).replace("_", " ").strip())
    words = [_ROMAN.get(w, w) for w in words if w]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)
