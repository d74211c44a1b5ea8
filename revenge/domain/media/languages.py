"""Language codes: files use ISO 639-2 ("eng", "fre"/"fra"), clients often ISO 639-1."""

from __future__ import annotations

_TWO_TO_THREE = {
    "en": ("eng",), "fr": ("fre", "fra"), "de": ("ger", "deu"), "es": ("spa",),
    "it": ("ita",), "pt": ("por",), "nl": ("dut", "nld"), "sv": ("swe",), "da": ("dan",),
    "no": ("nor",), "nb": ("nob", "nor"), "fi": ("fin",), "pl": ("pol",), "ru": ("rus",),
    "ja": ("jpn",), "zh": ("chi", "zho"), "ko": ("kor",), "ar": ("ara",), "tr": ("tur",),
    "cs": ("cze", "ces"), "hu": ("hun",), "el": ("gre", "ell"), "he": ("heb",),
    "hi": ("hin",), "uk": ("ukr",), "ro": ("rum", "ron"),
}


def same_language(a: str | None, b: str | None) -> bool:
    """True when two codes name one language ("en" and "eng", "fre" and "fra")."""
    if not a or not b:
        return False
    return bool(_forms(a.lower()) & _forms(b.lower()))


def _forms(code: str) -> set[str]:
    forms = {code, *_TWO_TO_THREE.get(code, ())}
    for two, threes in _TWO_TO_THREE.items():
        if code in threes:
            forms |= {two, *threes}
    return forms
