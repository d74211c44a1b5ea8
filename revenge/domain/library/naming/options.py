"""The naming options: every regex table the parsers use, compiled once at import."""

from __future__ import annotations

import re

from revenge.domain.library.naming import title_words as w
from revenge.domain.library.naming import vocabulary as v

_I = re.IGNORECASE
_B = r"(?<![^\W_])"  # no letter or digit just before
_E = r"(?![^\W_])"  # no letter or digit just after
_YEAR = r"18[89]\d|19\d\d|20[0-3]\d"
# "射雕英雄传1983", "流浪地球BD国语中字": Chinese and Japanese write no space between a
# word and a year or a tag, so their letters bound one as separators do
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_CJK_B = rf"(?<![^\W_{_CJK}])"  # no letter or digit just before, but for CJK ones
_CJK_E = rf"(?![^\W_{_CJK}])"
# emoji, dingbats, arrows and other pictographs: decoration, never part of a title's start
_PICTOGRAPHS = "\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff"
_DATE_AFTER = r"(?P<sep>[-._ ])(?:0[1-9]|1[0-2])(?P=sep)(?:0[1-9]|[12]\d|3[01])" + _E
# "1982-1992", "Saga 2000 - 2020" are ranges, not years
_NO_RANGE_BEFORE = "".join(
    rf"(?<!(?:1[89]|20)\d\d{dash})" for dash in ("-", " - ", "\u2013", " \u2013 ")
)
_NO_RANGE_AFTER = r"(?!\s?[-\u2013]\s?(?:1[89]|20)\d\d)"
_RANGE = rf"(?<![\d-])(?:{_YEAR})\s?[-\u2013]\s?(?:{_YEAR})(?!\d)"
# years as some languages write them: "2006\u0433.", "2006\u0433\u043e\u0434" (Russian),
# "2006\u5e74" (Chinese, Japanese)
_LOCAL_YEAR_SUFFIX = "(?:\u0433|\u0433\u043e\u0434|\u5e74)?"
# "09.12.2013" is a date, not a year; "50.50.2011" is a title and a year: a date needs
# a real day and month (either order)
_DAY, _MONTH = r"(?:0[1-9]|[12]\d|3[01])", r"(?:0[1-9]|1[0-2])"
_NO_DATE_BEFORE = "".join(
    rf"(?<!{first}{sep}{second}{sep})"
    for sep in (r"\.", "-", "/") for first, second in ((_DAY, _MONTH), (_MONTH, _DAY))
)


def _tags_pattern(categories: v.Categories, *, cased: bool) -> re.Pattern[str]:
    """One alternation of named groups, one per category, for either case rule.

    The uncased pattern runs on lower-cased text without IGNORECASE, so alternatives
    that start with a literal are rejected cheaply by the regex engine.
    """
    groups = []
    for name, fragments in categories:
        chosen = [_uncased(f) for f in fragments if f.startswith("(?-i:") == cased]
        if chosen:
            groups.append(f"(?P<{name}>{'|'.join(chosen)})")
    return re.compile(f"{_CJK_B}(?:{'|'.join(groups)}){_CJK_E}")


def _uncased(fragment: str) -> str:
    """`(?-i:TS|TC)` -> `TS|TC`; other fragments are returned unchanged."""
    return fragment[5:-1] if fragment.startswith("(?-i:") else fragment


def _extra_suffix_pattern() -> re.Pattern[str]:
    hyphen_only = "|".join(k for k in v.EXTRA_SUFFIXES if k != "trailer")
    return re.compile(
        rf"(?:[-._ ](?P<loose>trailer|sample)|-(?P<strict>{hyphen_only}))s?[\s._-]*\d*$", _I
    )


class NamingOptions:
    """Compiled tables; one shared instance (`OPTIONS`) serves every parse."""

    def __init__(self) -> None:
        self._compile_scanning()
        self._compile_preparing()
        self._compile_title()
        self._compile_paths()

    def _compile_scanning(self) -> None:
        """Tags, years and bracket groups (`scan`)."""
        self.tags = _tags_pattern(v.CATEGORIES, cased=False)
        self.cased_tags = _tags_pattern(v.CATEGORIES, cased=True)
        self.strong = v.STRONG
        self.never_ends_title = v.NEVER_ENDS_TITLE
        self.leading_junk = v.LEADING_JUNK
        self.joining_words = w.JOINING_WORDS
        self.english = re.compile(r"english|eng|en", _I)
        self.articles = w.ARTICLES
        self.language_joiners = w.LANGUAGE_JOINERS
        self.year_joiners = w.YEAR_JOINERS
        self.glued_year = re.compile(rf"[a-z]{{3}}({_YEAR})(?=[\s._\-])")
        # "Title.2021CUSTOM.MULTi": a year written against the tag after it
        self.year_then_word = re.compile(rf"(?<![^\W_])({_YEAR})([A-Za-z]{{3,}})(?=[\s._\-]|$)")
        self.year = re.compile(
            rf"{_CJK_B}{_NO_DATE_BEFORE}{_NO_RANGE_BEFORE}({_YEAR}){_LOCAL_YEAR_SUFFIX}{_CJK_E}"
            rf"{_NO_RANGE_AFTER}(?!{_DATE_AFTER})"
        )
        self.year_range = re.compile(_RANGE)
        # the numbers a dash apart that `year` leaves alone as a possible range; only
        # years that rise make one ("1982-1992"), not "Fantasia 2000 - 1999" or "Blade
        # Runner 2049 - 2017" (a title's number, then the year)
        self.dashed_numbers = re.compile(
            r"(?<![\d-])((?:1[89]|20)\d\d)\s?[-\u2013]\s?((?:1[89]|20)\d\d)(?!\d)")
        self.year_value = re.compile(_YEAR)
        self.roman_part = re.compile(r"part[\s._-]*[ivx]+", _I)
        # a library's sorting name moves the article to the end: "Godfather Part II, The"
        self.moved_article = re.compile(r",\s*(?:the|an?|l[ae]s?|die|der|das)\b", _I)
        self.collection_word = re.compile(rf"(?:{w.COLLECTION_WORDS}){_E}", _I)
        self.series_last = re.compile(rf"[\s,.]+(?:{w.SERIES_WORDS})$", _I)
        # "Trilogie Robocop" is a box, "Trilogy of Terror" a film
        self.series_first = re.compile(rf"(?:{w.SERIES_WORDS})\s+(?!of\b)(?=\w)", _I)
        # a word each of those has (the patterns run only where one is found)
        self.series_hints = ("coll", "log", "coffret", "gral", "saga", "box", "1")
        self.numbered_box = re.compile(r"\s+1(?:\s*[,+&-]\s*[2-9])+$")  # "Bourne 1,2,3"
        self.brackets = re.compile(r"\[[^\[\]]*\]|\{[^{}]*\}|\([^()]*\)|<[^<>]*>|【[^【】]*】")
        self.separators = re.compile(r"[\s._\-\u2013,+/&|~=*:;]*")
        self.proof_before = re.compile(r"proof[\s._-]*$", _I)
        self.group_word = re.compile(r"[^\s\-.\[\](){}]+")

    def _compile_preparing(self) -> None:
        """Extensions, extras' suffixes and provider ids (`prepare`)."""
        self.extensions = frozenset(v.VIDEO_EXTENSIONS.split() + v.SIDE_EXTENSIONS.split())
        self.stub_type = re.compile(rf"\.({v.STUB_TYPES})$", _I)
        self.extra_suffix = _extra_suffix_pattern()
        self.extra_suffixes = v.EXTRA_SUFFIXES
        self.extra_suffix_words = (*v.EXTRA_SUFFIXES, *(f"{w}s" for w in v.EXTRA_SUFFIXES))
        self.extra_suffix_words += ("sample", "samples")
        self.extra_name = re.compile(r"^(trailer|sample)s?[\s._-]*\d*$", _I)
        # "Movie (2010) - Deleted Scenes": an extra named in words after the film's year
        # (one group per kind, named by its place in the table: `lastgroup` tells which)
        kinds = "|".join(f"(?P<kind{i}>{words})" for i, words in enumerate(v.TITLED_EXTRAS))
        self.titled_extra = re.compile(rf"(?<=\(\d{{4}}\))\s*-\s*(?:{kinds})[\s._-]*\d*$", _I)
        self.titled_extra_types = tuple(v.TITLED_EXTRAS.values())
        self.sample_prefix = re.compile(r"^sample[-._ ]", _I)
        # a file duplicated in Windows' Explorer: "Movie - Copy.mkv", "Movie - Copy (2).mkv"
        self.windows_copy = re.compile(r"(?:\s+-\s+Copy(?:\s+\(\d{1,3}\))?)+$", _I)
        self.closer_of = {"[": "]", "(": ")", "{": "}", "\u3010": "\u3011"}
        self.openers = tuple(self.closer_of)
        self.only_brackets = re.compile(
            r"(?:[\s._-]*(?:\[[^\[\]]*\]|\([^()]*\)|\{[^{}]*\}|\u3010[^\u3010\u3011]*\u3011))*"
            r"[\s._-]*")
        self.bracketed_year = re.compile(rf"[(\[]\s*(?:{_YEAR})\s*[)\]]")
        # guessit's bonus numbering ("Moon_(2009)-x02-Making_Of"): one or two digits, so
        # a codec between dashes ("-x264-", "-X265-") is never read as one
        self.bonus = re.compile(r"-x(\d{1,2})-", _I)
        self.tmdb = re.compile(
            r"[\[{(]\s*(?:tmdb|tmdbid|themoviedb)\s*[-=:]\s*(\d{1,9})\s*[\]})]"
            rf"|{_B}(?:tmdb|tmdbid)[-=](\d{{1,9}}){_E}",
            _I,
        )
        self.imdb = re.compile(
            r"[\[{(]\s*(?:imdb|imdbid)\s*[-=:]\s*(tt\d{6,9})\s*[\]})]"
            rf"|{_B}(?:imdbid[-=])?(tt\d{{7,9}}){_E}",
            _I,
        )
        # "[Movie Title 1998].avi": a name wholly in brackets is read inside them
        self.wrapped = re.compile(r"\s*[\[(【]([^\[\]()【】]+)[\])】]\s*")
        self.plex_edition = re.compile(r"\{edition-([^{}]+)\}", _I)
        # "[中文名][English Title][BDMV][1080p]": a name made only of square bracket groups
        self.only_groups = re.compile(r"(?:\s*\[[^\[\]]*\]\s*){2,}")
        self.square_group = re.compile(r"\[[^\[\]]*\]")
        self.note_group = re.compile(r"\[[^\[\]]*\]|\u3010[^\u3010\u3011]*\u3011")
        self.release_group_words = frozenset(
            {"vol", "volume", "disc", "disk", "bd", "dvd", "movie", "tv", "ova", "sp", "fin",
             "season"}
        )

    def _compile_title(self) -> None:
        """Where a title starts (`zone`) and how it is cleaned (`title`)."""
        self.film_number = re.compile(r"-f(\d{1,3})-", _I)
        self.scene_prefix = re.compile(r"[a-z0-9]{3,5}-(?=[a-z])")
        self.trailing_group = re.compile(r"-[a-zA-Z0-9]+$")
        self.leading_junk_chars = re.compile(rf"[\s._\-\u2013,+/|~=*:;{_PICTOGRAPHS}]+")
        # "🃏@film_night🃏Title", "@Channel - Title": a messenger channel's handle
        self.leading_handle = re.compile(rf"@[^\W_][\w.]*(?=[\s\-\u2013|{_PICTOGRAPHS}])")
        # "Title ~Familia Myth~": an anime release's subtitle between tildes
        self.tilde_subtitle = re.compile(r"[\s._]+~[^~]+~[\s._]*$")
        self.leading_group = re.compile(
            rf"\[[^\]]*\]|\{{[^}}]*\}}|【[^】]*】|\(\s*(?:{w.GENRES})\s*\)", _I
        )
        # "(1995) Title", "[1995] Title", "1995 - Title": a year before the title
        self.leading_network = re.compile(rf"(?:{w.NETWORKS}){_E}(?=[\s._]*[-\w])", _I)
        self.trailing_network = re.compile(rf"(?:\s+[-_|]\s+|[._]-[._])(?:{w.NETWORKS})\s*$", _I)
        # "旋风小子 CCTV6-HD", "笔仙惊魂3 - NGB": beside a title in another script, a
        # channel, or a short capitalised word after a dash that ends the name, names who
        # made the file, not the film
        self.channel_run = re.compile(rf"(?:{w.NETWORKS})", _I)
        self.group_after_dash = re.compile(r"[-\u2013\uff0d]\s*([A-Z0-9]{2,5})$")
        self.network_tail = 48  # the longest banner and its separator fit in this many
        # "(2012.12.21) Title", "[2021-05-28] Title": a dated release, before its title
        # (group 2: the date's separator); "1994 - Title", "1993- Title", "1997___Title"
        self.leading_year = re.compile(
            rf"[(\[]({_YEAR})(?:([-.])\d\d\2\d\d)?[)\]]"
            rf"|({_YEAR})(?=\s*[-\u2013]\s|_+-_|__)"
        )
        # "(3) Title", "14、片名": a list's number
        self.leading_index = re.compile(r"\(\d{1,2}\)(?=\s*[^\W\d_])|\d{1,3}\u3001")
        # "UIndex - Movie.Title.2025.1080p": a word and a dash before a dotted release
        # name are its uploader's (a space, then only dots: two hands wrote the name)
        # (a year there is the film's: "2013 - Title.Of.Film")
        self.uploader_prefix = re.compile(
            rf"(?!{_YEAR}\s)[^\W_][^\s.]*\s+-\s+(?=[^\W\d_]\S*\.\S+\.\S+$)")
        # "36.《甜蜜的事业》1979": Chinese title marks hold the title, maybe after a list's number
        self.book_title = re.compile(r"[\s\d._\-\u3001]*\u300a([^\u300a\u300b]+)\u300b")
        # site banners: "www.Site.org -", "ww.Site.sbs -", "1337x.to - ", "(tracker.xn--p1ai)"
        site = rf"[\w-]+(?:\.[\w-]+)*\.(?:{w.WEBSITE_TLDS}|xn--[a-z0-9-]+)(?![\w-])"
        self.website = re.compile(
            r"w{2,3}\.[\w-]+(?:\.[\w-]+)+(?=[\s_\])-])"
            rf"|[\[(]\s*{site}\s*[\])]|{site}(?=\s*[-\u2013]\s|[\s_]*\]|_-_)"
            r"|[\w-]+\.(?:com|org|net)(?=[\s_\]]|\s*-)",
            _I,
        )
        # "[ www.Site.com ] [Group] Title", "site.to - (1999) Title": a banner no film is
        # named after; it comes off first, so what follows reads as a name's start
        self.leading_banner = re.compile(
            rf"\s*(?:[\[(\u3010]\s*{site}\s*[\])\u3011]|{site}\s*[-\u2013]\s)[\s._\-\u2013]*", _I)
        # ".www.site.com", "阳光电影www.site.com.片名": a site, maybe after its Chinese name
        self.site_anywhere = re.compile(
            rf"(?<![^\s._\[(-])(?-i:[{_CJK}]{{0,6}})w{{2,3}}\.[a-z0-9-]+(?:\.[a-z0-9-]+)+", _I
        )
        self.language_dash = re.compile(r"[\s._]*-[\s._]+")
        self.year_range_words = re.compile(rf"((?<!\d)(?:{_YEAR})-(?:{_YEAR})(?!\d))")
        # `(?<!\s)` keeps long runs of spaces from costing quadratic time
        self.dash_separator = re.compile(r"(?<!\s)\s+[-\u2013]+(?:\s+|$)")
        self.title_part = re.compile(r"(?:part|pt|chapter|vol(?:ume)?|episode)\b|\d+$", _I)
        # not a letter elided before an apostrophe: "Albert.a.l'Ouest" is no "A.L."
        self.acronym = re.compile(rf"{_B}[^\W\d_](?:\.[^\W\d_])+{_E}(?!['\u2019])\.?")
        self.acronym_word = re.compile(r"[^\W\d_](?:\.[^\W\d_])+")
        self.dots = re.compile(r"[._]+")
        self.empty_brackets = re.compile(r"\(\s*\)|\[\s*\]|\{\s*\}")
        self.junk_chars = " \t\r\n\f\v\u00a0\u3000_-\u2013,:;/|+~=*([{<"  # for str.strip
        self.spaces = re.compile(r"\s+")
        self.title_separator = re.compile(r"\s+[/|\\]\s+")
        self.run_edges = " -\u2013\uff0d_,:;/|"  # for str.strip: "片名 - Title" runs lose the dash
        self.aka = re.compile(r"(?<!\s)\s+a\.?k\.?a\.?\s+", _I)

    def _compile_paths(self) -> None:
        """Files and the folders above them (`paths`)."""
        self.path_separators = re.compile(r"[\\/]+")
        self.drive = re.compile(r"^[A-Za-z]:$")
        self.rooted = re.compile(r"^(?:[/~]|\.\.?/|[A-Za-z]:)")
        self.long_words = re.compile(r"[^\W_]{8,}")
        self.generic_file = re.compile(
            rf"^(?:{v.GENERIC_FILE_NAMES})(?:[\s._-]*\d+)*$|^(?:video_ts|vts_\d|bdmv)", _I
        )
        self.scene_file = re.compile(r"^[a-z0-9]{1,5}-[a-z0-9]|^[a-z0-9]+_[a-z0-9]{1,3}$")
        self.folder_words = re.compile(r"[\s._-]+")
        self.part_folder = re.compile(r"^(?:cd|dis[ck]|dvd|part)[\s._-]*\d{1,2}$", _I)
        self.extra_folders = v.EXTRA_FOLDERS
        self.sample_folders = v.SAMPLE_FOLDERS
        self.disc_folders = v.DISC_FOLDERS
        self.generic_folders = v.GENERIC_FOLDERS | v.DISC_FOLDERS


OPTIONS = NamingOptions()
