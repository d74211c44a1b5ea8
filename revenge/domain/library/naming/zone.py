"""Where the title lies in a name, and which number in it is the year.

The title starts after leading junk (release groups in brackets, web sites, tags)
and ends at the first release information: a strong tag, a soft tag that only tags
follow, a bracket group of release information, or the year.  The year is the one
in that first bracket group, else the last year before the release information
("Movie Klasse von 1999 1990 German" -> 1990, "2001 A Space Odyssey 1968"), else the
first one after it ("Der Soldat James German Bluray ... 1998").  A number at the very
start is title, not year ("1917 (2019)", "2012 2009").
"""

from __future__ import annotations

import re

from revenge.domain.library.naming.options import OPTIONS as O
from revenge.domain.library.naming.prepare import is_title_group
from revenge.domain.library.naming.scan import is_range, only_article, word_before

TYPE_CHECKING = False
if TYPE_CHECKING:
    from revenge.domain.library.naming.scan import Scan, Tag, Year


class Zone:
    """Where the title lies in the text, and the year the name gives."""

    __slots__ = ("end", "start", "year")

    def __init__(self, start: int, end: int, year: int | None) -> None:
        self.start, self.end, self.year = start, end, year


def find_zone(scan: Scan) -> Zone:
    start, leading_year = title_start(scan)
    cut, bracket = first_cut(scan, start)
    end, year = _choose_year(scan, start, cut, bracket)
    if leading_year is not None and year not in (None, leading_year) and start < end < cut \
            and _ends_title(scan, end, cut):
        end, year = cut, leading_year  # "2020 - Wonder Woman 1984": the number is the title's
    if year is None and leading_year is None and (first := _year_first(scan, start, cut)):
        start, year = scan.next_word(first.end), first.value
        end = first_cut(scan, start)[0]  # past a leading year, "Part 2" is the title's
    return Zone(start, max(start, end), year if year is not None else leading_year)


def _year_first(scan: Scan, start: int, cut: int) -> Year | None:
    """"2009.Shoot.Fruit.Chan.DVD5": the only year, before title words and release
    tags, is the year. "1917.1080p" (no words), "2001 A Space Odyssey.mkv" (no tags)
    and "2012 2009" (another year) keep a number as their title. A title may open with a
    tag's word ("2019.Uncut.Gems.1080p", "1995.French.Kiss.720p") where a title word
    follows it."""
    if len(scan.years) != 1 or scan.years[0].start != start:
        return None
    year = scan.years[0]
    words = scan.next_word(year.end)
    if (tag := scan.tag_at.get(words)) is not None:
        if scan.release_info_at(scan.next_word(tag.end)):
            return None  # "1917.1080p.BluRay": no title word after the number
        cut = first_cut(scan, words)[0]
    elif scan.release_info_at(words):
        return None
    return year if words < cut and cut in scan.tag_at else None


def title_start(scan: Scan) -> tuple[int, int | None]:
    pos, leading_year = _after_prefixes(scan), None
    while (step := _skip_once(scan, pos)) is not None:
        pos, year = step
        leading_year = year or leading_year
    return pos, leading_year


def _after_prefixes(scan: Scan) -> int:
    text = scan.text
    film = O.film_number.search(text)
    if film:
        return film.end()
    if _is_scene_file(scan) and (prefix := O.scene_prefix.match(text)):
        return prefix.end()
    return 0


def _is_scene_file(scan: Scan) -> bool:
    """"grp-how.to.be.single.2016.1080p.bluray.x264": lower case, group first not last.

    At least two title words must follow the group, so "ant-man.2015.1080p" keeps "ant".
    """
    text = scan.text
    if " " in text or text != text.lower() or O.trailing_group.search(text):
        return False
    first_tag = min([t.start for t in scan.tags] + [y.start for y in scan.years], default=0)
    return "." in text[: first_tag].strip(".")


def _skip_once(scan: Scan, pos: int) -> tuple[int, int | None] | None:
    text = scan.text
    for pattern in (O.leading_junk_chars, O.leading_index, O.leading_handle):
        if match := pattern.match(text, pos):
            return match.end(), None
    # a site before the title; "Alibi.com (2017) French" and "Alibi.com 2 (2023)" (its
    # sequel: only a number follows) are films named like one
    if (match := O.website.match(text, pos)) and _site_before_title(scan, match):
        return match.end(), None
    if (match := O.uploader_prefix.match(text, pos)) and not scan.release_info_at(match.end()):
        return match.end(), None
    if (match := O.leading_year.match(text, pos)) and _words_after(text, match.end()) \
            and not (match.group(3) and not _title_word_at(scan, scan.next_word(match.end()))):
        # a bare year leads only title words ("1993- Jurassic Park"; not "1917 - 1080p")
        # a whole date ("(2010.05.26)Title") dates the release (a disc, a broadcast),
        # not the film: it goes, and gives no year
        return match.end(), None if match.group(2) else int(match.group(1) or match.group(3))
    if (match := O.leading_group.match(text, pos)) and _words_after(text, match.end()):
        group = text[match.start() : match.end()]
        if _only_release_info_after(scan, match.end()) and (
                _is_cjk(group) or _only_release_brackets_after(scan, match.end())
                or scan.years_within(match.start(), match.end())):
            # "[故宫].全12集.2005.1080p", "[Uncut Gems][2019][1080p]": the group is the
            # title; a Latin one is only where it holds a year ("[Movie 1998] 1080p") or
            # brackets of release information alone follow it (else it is the release
            # group's: "[Grp] 8-Bit.Christmas.2021")
            return None
        return match.end(), None
    if (match := O.leading_network.match(text, pos)) and _title_words_after(scan, match.end()):
        return match.end(), None
    return _skip_leading_tag(scan, pos)


def _site_before_title(scan: Scan, site: re.Match[str]) -> bool:
    """"www.Site.org", "[ site.com ]", "site.to - ": a site nobody names a film after, so
    whatever follows it ("[Group] Title", "(1999) Title") starts the name; a bare
    "Alibi.com" may be a title, so title words must follow it."""
    text, found = scan.text, site.group().lower()
    if found[:1] in "[(" or found.startswith(("www.", "ww.")) or O.language_dash.match(
            text, site.end()):
        return _words_after(text, site.end())
    return _title_words_after(scan, site.end()) and _letters_before_release_info(
        scan, site.end())


def _skip_leading_tag(scan: Scan, pos: int) -> tuple[int, int | None] | None:
    """Leading technical tags go ("h265 - HEVC Riddick", "(CD3) Movie"), so does
    a language before a dash ("Fr - Paris"); editions and such stay ("IMAX Blue Planet")."""
    if scan.text.startswith("(", pos) and pos + 1 in scan.tag_at:
        closing = scan.text.find(")", pos)
        return (closing + 1, None) if closing > 0 else None
    tag = scan.tag_at.get(pos)
    if tag is None:
        return None
    if tag.category in O.leading_junk and not _only_a_year_after(scan, tag.end):
        return tag.end, None
    if tag.category in ("language", "edition") and O.language_dash.match(scan.text, tag.end):
        return tag.end, None  # "Fr - Paris", "IMAX - Journey to the South Pacific"
    if tag.category == "edition" and _shouted_before_title(scan, tag):
        return tag.end, None  # "UNRATED Movie Title 2009"; not "Uncut Gems", "IMAX Blue Planet"
    return None


def _shouted_before_title(scan: Scan, tag: Tag) -> bool:
    """An edition in capitals before title words that are not ("UNRATED Movie Title");
    not "DC League of Super-Pets" (two letters: a name as often as an edition)."""
    if not tag.text.isupper() or len(tag.text) < 4 or tag.text.lower() == "imax":
        return False
    after = scan.next_word(tag.end)
    word = O.folder_words.split(scan.text[after:], maxsplit=1)[0]
    return any(char.islower() for char in word) and not scan.release_info_at(after)


def _only_a_year_after(scan: Scan, pos: int) -> bool:
    """"HDR (2019)": a tag followed by nothing but the year is the title."""
    after = scan.next_word(pos)
    if scan.text[after : after + 1] in ("(", "["):
        after += 1
    return after in scan.year_starts


def _title_words_after(scan: Scan, pos: int) -> bool:
    """Words that are not release information follow ("BBC (2019)" is a title), maybe
    after a year ("CCTV5+.2021.Title.HDTV": the broadcaster, the year, the title)."""
    after = _past_a_year(scan, scan.next_word(pos))
    return after < len(scan.text) and not scan.release_info_at(after)


def _letters_before_release_info(scan: Scan, pos: int) -> bool:
    """A word with letters stands between `pos` and the first year or tag after it."""
    ends = [t.start for t in scan.tags if t.start >= pos] + \
        [y.start for y in scan.years if y.start >= pos]
    return any(char.isalpha() for char in scan.text[pos : min(ends, default=len(scan.text))])


def _only_release_info_after(scan: Scan, pos: int) -> bool:
    """"[故宫].全12集.2005" (the group is the title), not "[迪士尼]2015.恐龙当家" (a year,
    then the title), nor "[Grp] (1972) Title" (a year in brackets, then the title)."""
    after = _past_a_year(scan, scan.next_word(pos))
    if (group := _bracket_at(scan, after)) and _holds_a_year_alone(scan, group):
        after = scan.next_word(group[1])
    if (tag := scan.tag_at.get(after)) and not scan.tag_ends_title(tag):
        return False  # "【中文名】French Connection 1972": a title opening with a tag's word
    return after >= len(scan.text) or scan.release_info_at(after)


def _past_a_year(scan: Scan, pos: int) -> int:
    """Where the next word starts after a year standing at `pos` (else `pos`)."""
    year = next((year for year in scan.years if year.start == pos), None)
    return pos if year is None else scan.next_word(year.end)


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" or "\u3040" <= char <= "\u30ff" for char in text)


def _title_word_at(scan: Scan, pos: int) -> bool:
    """A title's word starts at `pos`: no release information, or a tag's word that a
    title word follows ("Uncut Gems", "French Kiss")."""
    if (tag := scan.tag_at.get(pos)) is not None:
        return not scan.tag_ends_title(tag)
    return not scan.release_info_at(pos)


def _only_release_brackets_after(scan: Scan, pos: int) -> bool:
    """Nothing but bracket groups follow `pos`, the first holding a year or opening with
    a tag ("[2019][1080p]")."""
    group = _bracket_at(scan, scan.next_word(pos))
    if group is None or not O.only_brackets.fullmatch(scan.text, pos):
        return False
    return bool(scan.years_within(*group)) or scan.next_word(group[0] + 1) in scan.tag_at


def _words_after(text: str, pos: int) -> bool:
    return bool(text[pos:].strip(" ._-"))


def first_cut(scan: Scan, start: int) -> tuple[int, tuple[int, int] | None]:
    cut = next((t.start for t in scan.tags if t.start > start and _ends(scan, t, start)), None)
    cut = len(scan.text) if cut is None else _before_article(scan, start, cut)
    bonus = O.bonus.search(scan.text, start + 1, cut)
    cut = bonus.start() if bonus else cut
    cut = _before_range(scan, start, cut)
    for bracket in scan.brackets:
        ends = start < bracket[0] < cut and scan.bracket_ends_title(*bracket)
        if ends and not _between_scripts(scan, start, bracket) and not _latin_name_of(
                scan, start, bracket):
            return bracket[0], bracket
    return cut, None


def _ends(scan: Scan, tag: Tag, start: int) -> bool:
    return _cuts(scan, tag, start) and not _in_note(scan, start, tag)


def _in_note(scan: Scan, start: int, tag: Tag) -> bool:
    """The tag stands in a note between two titles ("片名(4K修复版).English.Title")."""
    if scan.text.isascii():
        return False
    return any(b_start < tag.start < b_end and _between_scripts(scan, start, (b_start, b_end))
               for b_start, b_end in scan.brackets)


def _between_scripts(scan: Scan, start: int, bracket: tuple[int, int]) -> bool:
    """"英雄本色(4K修复版).A.Better.Tomorrow.1986": a note in brackets after a title in
    another script, with title words after it, stands between two titles."""
    before = scan.text[start : bracket[0]]
    other_script = any(char.isalpha() and ord(char) >= 0x250 for char in before)
    return other_script and _title_words_after(scan, bracket[1])


def _latin_name_of(scan: Scan, start: int, bracket: tuple[int, int]) -> bool:
    """"Бойцовский клуб (Fight Club) 1999": a Latin-script name in round brackets right
    after a title wholly in another script is that title's other name, not a note."""
    b_start, b_end = bracket
    if scan.text[b_start] != "(":
        return False
    before = [char for char in scan.text[start:b_start] if char.isalpha()]
    if not before or any(ord(char) < 0x250 for char in before):
        return False
    inner = scan.text[b_start + 1 : b_end - 1]
    # a language, an edition or "3D" may stand in a name of two words or more ("(The
    # English Patient)", "(A Complete Unknown)"); a source or a resolution may not
    several = len(inner.split()) > 1
    return is_title_group(inner) and not (
        any(b_start < tag.start < b_end and not (several and tag.category not in O.strong)
            for tag in scan.tags)
        or scan.years_within(b_start, b_end))


def _before_article(scan: Scan, start: int, cut: int) -> int:
    """"Scarface The Uncut Version": the article goes with the edition it names."""
    if scan.tag_at[cut].category != "edition":
        return cut
    word = word_before(scan.text, cut, start)
    is_the = word is not None and scan.text[word[0] : word[1]].lower() == "the"
    return word[0] if word is not None and is_the and word[0] > start else cut


def _before_range(scan: Scan, start: int, cut: int) -> int:
    """"Saga 2000 - 2020 1080p": a collection's years end its title, unless a year of
    its own follows ("Let It Fall Los Angeles 1982-1992 2017" keeps them). In round
    brackets they end it whatever follows ("Mad Max (1979-2015) PopHD")."""
    text = scan.text
    if "-" not in text and "\u2013" not in text:
        return cut
    found = next((match for match in O.year_range.finditer(text, start + 1, cut)
                  if is_range(match.group()[:4], match.group()[-4:])), None)
    if found is None:
        return cut
    after = scan.next_word(found.end())
    ends = after >= len(text) or text[after] in "([{" or after in scan.tag_at
    ends = ends or bool(O.collection_word.match(text, after))
    bracketed = text[found.start() - 1] == "(" and text.startswith(")", found.end())
    ends = ends or (bracketed and not scan.year_after(found.end()))
    return found.start() if ends else cut


def _cuts(scan: Scan, tag: Tag, start: int) -> bool:
    if tag.category == "part" and (_names_the_movie(scan, tag) or _after_leading_year(
            scan, tag, start)):
        return False
    if _opens_bracketed_title(scan, tag, start):
        return False  # "[8-Bit Christmas 2021] 1080p": the title opens with a tag's word
    if only_article(scan.text[start : tag.start]) and (
        tag.category not in O.strong or tag.category == "sample"
        or not scan.release_info_at(scan.next_word(tag.end))
    ):
        # "The Uncut Version (2010)", "The DivX Conspiracy", "The Sample"; not "The.1080p"
        return False
    return scan.tag_ends_title(tag)


def _after_leading_year(scan: Scan, part: Tag, start: int) -> bool:
    """"1974 - The Godfather Part II": the year stood before the title, so a "Part N"
    ending the title (the name, or release information follows) is the title's, as it
    would be before a year after the title."""
    return part.text[:4].lower() == "part" and any(year.end <= start for year in scan.years) \
        and scan.release_info_at(scan.next_word(part.end))


def _opens_bracketed_title(scan: Scan, tag: Tag, start: int) -> bool:
    """Only the bracket that opens the title stands before the tag, and title words
    follow it inside that bracket."""
    if scan.text[start : tag.start].strip(" ._-") not in O.openers:
        return False
    after = scan.next_word(tag.end)
    return scan.text[tag.end : after].strip(" ._-") == "" and not scan.release_info_at(after) \
        and scan.text[after] not in O.closer_of.values()


def _names_the_movie(scan: Scan, part: Tag) -> bool:
    """"Deathly Hallows Part 1 2010", "Breaking Dawn - Part 2 (2012)": a title.

    "Part N" before the year belongs to the title; after it, or with no year at all
    ("Movie.2010.Part1", "Iron Man - part 2.mkv"), it numbers the files, but for a
    Roman numeral before any year: files are numbered in digits, sequels in Roman
    ("That's Entertainment! Part III 1080p").
    """
    if part.text[:4].lower() != "part":
        return False
    if O.roman_part.fullmatch(part.text) and not any(y.end <= part.start for y in scan.years):
        return True
    after = scan.next_word(part.end)
    if moved := O.moved_article.match(scan.text, part.end):  # "Godfather Part II, The"
        after = scan.next_word(moved.end())
    after = _past_notes(scan, after)
    if scan.text[after : after + 1] in ("(", "[", "{"):
        after += 1
    following = scan.tag_at.get(after)
    # "Kill Bill Part 2 CD1": the CD numbers the files, so "Part 2" names the movie; so
    # does the title's other name after a slash ("The Godfather Part II / Крёстный отец")
    return (after in scan.year_starts
            or (following is not None and following.category == "part")
            or bool(O.title_separator.match(scan.text, part.end)))


def _ends_title(scan: Scan, year_start: int, cut: int) -> bool:
    """The year starting at `year_start` is the last thing before the title's cut."""
    year = next(year for year in scan.years if year.start == year_start)
    return scan.next_word(year.end) >= cut


def _bracket_at(scan: Scan, pos: int) -> tuple[int, int] | None:
    return next((bracket for bracket in scan.brackets if bracket[0] == pos), None)


def _past_notes(scan: Scan, pos: int) -> int:
    """Past bracket groups holding no year ("Part II (Director's Cut) (1974)")."""
    while (group := _bracket_at(scan, pos)) and not scan.years_within(*group):
        pos = scan.next_word(group[1])
    return pos


def _year_after_notes(scan: Scan, bracket: tuple[int, int]) -> list[Year]:
    """"Fantasia 2000 (Director's Cut) (1999)": a year alone in brackets after the notes
    that end the title is the year, not a number in the title."""
    group = _bracket_at(scan, _past_notes(scan, bracket[0]))
    if group is None or not _holds_a_year_alone(scan, group):
        return []
    return scan.years_within(*group)


def _holds_a_year_alone(scan: Scan, group: tuple[int, int]) -> bool:
    return scan.text[group[0] + 1 : group[1] - 1].strip() in {
        str(year.value) for year in scan.years_within(*group)}


def _choose_year(
    scan: Scan, start: int, cut: int, bracket: tuple[int, int] | None
) -> tuple[int, int | None]:
    if bracket and (inside := scan.years_within(*bracket) or _year_after_notes(scan, bracket)):
        return cut, inside[0].value
    before = scan.years_within(start, cut)
    if before and not (len(before) == 1 and _joined_to_title(scan, before[0], start)):
        return before[-1].start, before[-1].value
    after = next((year.value for year in scan.years
                  if year.start >= cut and not _is_group(scan.text, year)), None)
    return cut, after


def _joined_to_title(scan: Scan, year: Year, start: int) -> bool:
    """"The Legend of 1900.avi", "Die Klasse von 1999.avi": a number after "of" ending
    the name is the title's. Before release information it is the year: "Making.Of.
    2024.FRENCH.1080p" is a film called "Making Of", and so is "Making Of - 2024"."""
    if scan.next_word(year.end) < len(scan.text):
        return False
    word = word_before(scan.text, year.start, start)
    return word is not None and scan.text[word[0] : word[1]].lower() in O.year_joiners \
        and not any(dash in scan.text[word[1] : year.start] for dash in "-\u2013")


def _is_group(text: str, year: Year) -> bool:
    """"Appaloosa.1080p.Bluray.x264-1920": a number where the group goes is the group."""
    return text[year.start - 1 : year.start] == "-" and not text[year.end :].strip()
