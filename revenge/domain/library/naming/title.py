"""Turning the raw title zone of a name into a readable title."""

from __future__ import annotations

from collections.abc import Iterator

from revenge.domain.library.naming.options import OPTIONS as O


def clean_title(raw: str, *, dated: bool = False) -> str | None:
    """`dated`: the name gives a year, which ends a title's dashes (see `_first_segment`)."""
    if "w." in raw.lower():
        raw = O.site_anywhere.sub(" ", raw)  # ".www.site.com" wherever it stands
    if network := O.trailing_network.search(raw, max(0, len(raw) - O.network_tail)):
        raw = raw[: network.start()]
    if not dated:
        raw = _first_segment(raw)
    raw = O.tilde_subtitle.sub("", raw) or raw  # "Title_~Subtitle~_"
    hyphenated = _is_hyphenated(raw)
    raw = _strip_ends(raw)
    if _is_dotted(raw):
        words = _undot(raw)
    else:
        words = (raw.replace("-", " ") if hyphenated else raw).replace("_", " ")
    words = O.spaces.sub(" ", O.empty_brackets.sub(" ", words)).strip()
    words = words.rstrip(O.junk_chars)
    if words[:1] == "[" and words[-1:] == "]" and "[" not in words[1:]:
        words = words[1:-1].strip()  # "[故宫]" standing for the whole title
    elif words[:1] in O.openers and O.closer_of[words[0]] not in words:
        words = words[1:].lstrip()  # "[Movie Title (1998)]": the year ended the title
    if not any(char.isalnum() for char in words):
        return None  # "]" or "-" left by a mangled name is no title
    words = _without_series_word(words, dated)
    return words + "." if _ends_in_initials(words) else words


def _without_series_word(words: str, dated: bool) -> str:
    """"Taxi Collection", "Trilogie Robocop", "Bourne 1,2,3": a box of the films is named by their
    title; "The Collection" (a film, or "Tom and Jerry The Collection") keeps its word, and
    so does a "Collection" given one year ("The Mortuary Collection 2020": a box spans
    years, a film has one)."""
    lowered = words.lower()
    if not any(hint in lowered for hint in O.series_hints):
        return words  # most names: spare the three searches
    for pattern in (O.series_last, O.series_first, O.numbered_box):
        if (match := pattern.search(words)) is not None:
            rest = (words[: match.start()] + words[match.end() :]).strip()
            if pattern is O.series_last and rest.rpartition(" ")[2].lower() in O.articles:
                return words
            if dated and pattern is O.series_last and lowered.endswith("collection"):
                return words
            if rest and rest.lower() not in O.articles:
                return rest
    return words


def alternative_titles(title: str | None) -> tuple[str, ...]:
    """"Akahige AKA Red Beard" is known as both "Akahige" and "Red Beard"."""
    if not title:
        return ()
    names = tuple(part.strip() for part in O.aka.split(title) if part.strip())
    return names if len(names) > 1 else ()


def scene_readings(title: str, text: str, start: int) -> tuple[str, ...]:
    """A lower-case scene group before the title cannot be told from a hyphenated title's
    first word, so both readings go to the matcher: "end royal", its group taken off
    before `start` in `text`, may be "week-end royal"; "mhq-zodiac" kept whole may be
    "zodiac" ("ant-man.2015" looks the same)."""
    if start and (group := O.scene_prefix.match(text)) and group.end() == start:
        return title, text[:start] + title
    if title[3:6].count("-") and title.islower() and (prefix := O.scene_prefix.match(title)):
        return title, title[prefix.end() :]
    return ()


def by_script(title: str | None) -> tuple[str | None, tuple[str, ...]]:
    """"Енола Голмс / Enola Holmes", "复仇者联盟 Avengers Endgame": a title in two
    scripts. The Latin one is the title (TMDb searches it best); the names are both.
    Anything else comes back unchanged, with no alternatives."""
    if title is None:
        return title, ()
    parts = [part.strip() for part in O.title_separator.split(title) if part.strip()]
    if len(parts) > 1 and all(map(_is_latin, parts)):
        return parts[0], tuple(parts)  # "Title / Other Title": one name, then another
    if title.isascii():
        return title, ()
    if len(parts) == 2 and (number := _number_beside_other_script(parts)):
        return number, tuple(parts)  # "Русское название / 1917": the film called 1917
    if len(parts) < 2:
        parts = _script_runs(title)
    parts = [_without_notes(part) for part in parts if not _is_label(part, title)]
    if len(parts) == 1:
        return parts[0], ()
    latin = [part for part in parts if _is_latin(part)]
    if len(parts) < 2 or not latin or len(latin) == len(parts):
        return title, ()
    if len(parts) == 2:
        return latin[0], (latin[0], *(part for part in parts if part is not latin[0]))
    # "No.33 指环王3 The Return of the King", "Top138 英雄本色 A Better Tomorrow": with
    # more runs, short Latin ones are an index or a list's name; the longest is the title
    chosen = max(latin, key=_letters)
    return chosen, (chosen, *(part for part in parts if not _is_latin(part)))


def _number_beside_other_script(parts: list[str]) -> str | None:
    """Of two names, one in another script and one without letters ("1917", "50-50")
    or with one Latin letter ("U 571"), the second is the film's original title."""
    scripts = [_script(part) for part in parts]
    if scripts.count(False) != 1:
        return None
    other = parts[1 - scripts.index(False)]
    letters = sum(char.isalpha() for char in other)
    return other if letters <= 1 and any(map(str.isdigit, other)) else None


def _is_label(run: str, title: str) -> bool:
    """A channel ("CCTV6-HD"), or a group's short name in capitals after a dash that
    ends the name ("笔仙惊魂3 - NGB"): no second name. ("中文片名 JFK" keeps its JFK.)"""
    if O.channel_run.fullmatch(run):
        return True
    group = O.group_after_dash.search(title)
    return group is not None and group.group(1) == run


def _without_notes(name: str) -> str:
    """"流浪地球[国语配音+中文字幕]": a note in square brackets is no part of a name."""
    if "[" not in name and "\u3010" not in name:
        return name
    return O.note_group.sub("", name).strip() or name


def _letters(text: str) -> int:
    return sum(char.isalpha() for char in text)


def _script_runs(title: str) -> list[str]:
    """The title cut where its words change script (words without letters, "37°2" or
    "4", go with the run they stand in), if it changes script at least once."""
    runs: list[tuple[bool | None, list[str]]] = []
    words = list(_words(title))
    for index, word in enumerate(words):
        kind = _script(word)
        if kind is None and runs and runs[-1][0] is False and _opens_latin(words, index):
            runs.append((None, [word]))  # "流浪地球.12.Angry.Men", "Название (12 Angry Men)"
        elif runs and kind in (None, runs[-1][0]):
            runs[-1][1].append(word)
        elif runs and runs[-1][0] is None:
            runs[-1] = (kind, [*runs[-1][1], word])
        else:
            runs.append((kind, [word]))
    # "张国荣 - H₂O": the dash between the runs belongs to neither name
    return [_unwrapped(" ".join(words).strip(O.run_edges)) for _, words in runs
            ] if len(runs) >= 2 else []


def _opens_latin(words: list[str], index: int) -> bool:
    """A word without letters after a run of another script starts the Latin name that
    follows it ("12" in "流浪地球 12 Angry Men") rather than ending the run before it."""
    scripts = (_script(word) for word in words[index + 1 :])
    return next((script for script in scripts if script is not None), None) is True


def _unwrapped(run: str) -> str:
    """"Бойцовский клуб (Fight Club)": the other name in round brackets is the name."""
    return run[1:-1].strip() if run[:1] == "(" and run[-1:] == ")" else run


def _words(title: str) -> Iterator[str]:
    """The title's words; a full-width dash ("片名\uff0dGRP") divides words too, and so
    does a dot where the script changes ("哈里斯夫人闯巴黎.Mrs Harris Goes to Paris")."""
    for word in title.replace("\uff0d", " \uff0d ").split():
        pieces = word.split(".")
        if len(pieces) > 1 and len({_script(piece) for piece in pieces} - {None}) > 1:
            yield from filter(None, pieces)
        else:
            yield word


def _script(text: str) -> bool | None:
    """True for Latin letters, False for letters of another script, None for neither."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return None
    return sum(map(_is_latin_letter, letters)) * 2 > len(letters)


def _is_latin(text: str) -> bool:
    return _script(text) is True and sum(char.isalpha() for char in text) >= 2


def _is_latin_letter(char: str) -> bool:
    code = ord(char)
    return code < 0x250 or 0x1E00 <= code < 0x1F00  # Basic to Extended-B, and Additional


def _first_segment(raw: str) -> str:
    """"Title - Subtitle" stays whole; "Title - Alt - Credits" keeps only "Title" where no
    year follows: "Mission - Impossible - Ghost Protocol (2011)" is one title. A dash
    the tags cut off ("Dragonball Z - The Movies -") is no third piece: kept whole, the
    matcher still tries each part."""
    pieces = [piece for piece in O.dash_separator.split(raw.rstrip()) if piece]
    if len(pieces) < 3 or any(O.title_part.match(piece) for piece in pieces[1:]):
        return raw
    return pieces[0]


def _strip_ends(text: str) -> str:
    text = text.rstrip(O.junk_chars + ".")
    match = O.leading_junk_chars.match(text)
    return text[match.end() :] if match else text


def _ends_in_initials(words: str) -> bool:
    """"Escape from L.A" lost its last dot to the year that followed it."""
    return bool(O.acronym_word.fullmatch(words.rpartition(" ")[2]))


def _is_dotted(raw: str) -> bool:
    """"The.Movie.Name" or "The_Movie_Name": dots and underscores stand for spaces."""
    return raw.count(".") + raw.count("_") > raw.count(" ")


def _is_hyphenated(raw: str) -> bool:
    """"Movie-Title-2010-1080p": with no spaces, dots or underscores, hyphens are spaces."""
    return raw.count("-") >= 2 and not any(char in raw for char in " ._")


def _undot(raw: str) -> str:
    """Dots become spaces, except in initialisms: "R.I.P.D.", "L.A.", "U.N.C.L.E."."""
    pieces, last = [], 0
    for match in O.acronym.finditer(raw):
        pieces += [O.dots.sub(" ", raw[last : match.start()]), f" {match.group().rstrip('.')}. "]
        last = match.end()
    pieces.append(O.dots.sub(" ", raw[last:]))
    return "".join(pieces)
