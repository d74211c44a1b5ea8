"""One pass over a name: where its tags, years and bracket groups are."""

from __future__ import annotations

from revenge.domain.library.naming.options import OPTIONS as O

_OPENERS = "([{<【"


class Tag:
    """A release tag: its category (a `vocabulary` table name), span and text. `blind`:
    a tag that counts only in capitals, found in a name whose title is all in one case,
    so its case says nothing ("the.outsiders.dc.german.1983", "THE.SPIDERS.WEB.2018")."""

    __slots__ = ("blind", "category", "end", "start", "text")

    def __init__(self, category: str, start: int, end: int, text: str,
                 blind: bool = False) -> None:
        self.category, self.start, self.end, self.text = category, start, end, text
        self.blind = blind


class Year:
    __slots__ = ("end", "start", "value")

    def __init__(self, value: int, start: int, end: int) -> None:
        self.value, self.start, self.end = value, start, end


def find_tags(text: str, blind: bool = False) -> list[Tag]:
    """Every release tag in `text`, in order; lower-case tables first, then capitals
    (looked for in any case where the name's case says nothing: `blind`)."""
    tags = [
        Tag(m.lastgroup or "", m.start(), m.end(), text[m.start() : m.end()])
        for m in O.tags.finditer(_lower(text))
    ]
    capitals = text.upper() if blind and len(text.upper()) == len(text) else text
    cased = [
        Tag(m.lastgroup or "", m.start(), m.end(), text[m.start() : m.end()], blind)
        for m in O.cased_tags.finditer(capitals)
        if not any(tag.start < m.end() and m.start() < tag.end for tag in tags)
    ]
    return sorted(tags + cased, key=_start) if cased else tags


def _in_one_case(title: str) -> bool:
    """True where the letters before the first year (the whole name without one) are
    all small or all capitals: there, case cannot tell a tag from a title word."""
    return title.islower() or title.isupper()


def _start(tag: Tag) -> int:
    return tag.start


def is_tag(text: str) -> bool:
    return bool(O.tags.fullmatch(_lower(text)) or O.cased_tags.fullmatch(text))


_WORD_EDGES = frozenset(" \t._-[](){}")


def word_before(text: str, pos: int, start: int = 0) -> tuple[int, int] | None:
    """The span of the last word ending before `pos` (not before `start`), if any."""
    end = pos
    while end > start and text[end - 1] in _WORD_EDGES:
        end -= 1
    begin = end
    while begin > start and text[begin - 1] not in _WORD_EDGES:
        begin -= 1
    return (begin, end) if begin < end else None


def follows_release_tag(text: str, pos: int) -> bool:
    """True where the word just before `pos` is a release tag: "...x264-Short" ends in a
    release group called Short, "Alien (1979)-short" in an extra's suffix."""
    word = word_before(text, pos)
    return word is not None and is_tag(text[word[0] : word[1]])


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def only_article(words: str) -> bool:
    """Nothing but an article ("The", "Le") stands in `words`, separators aside."""
    return words.strip(" ._-").lower() in O.articles


def is_range(first: str, second: str) -> bool:
    """"1982-1992", "2000 - 2020": two years, the second later."""
    return bool(O.year_value.fullmatch(first) and O.year_value.fullmatch(second)) \
        and int(first) < int(second)


def _years_in_no_range(text: str) -> list[Year]:
    """The years of "Fantasia 2000 - 1999" and "Blade Runner 2049 - 2017", which look
    like a range to the year pattern but do not rise as one does."""
    years = []
    for match in O.dashed_numbers.finditer(text):
        if is_range(match.group(1), match.group(2)):
            continue
        years += [Year(int(match.group(group)), match.start(group), match.end(group))
                  for group in (1, 2) if O.year_value.fullmatch(match.group(group))]
    return years


class Scan:
    """The tags, years and bracket groups of one name, with the questions rules ask."""

    __slots__ = ("brackets", "one_case", "tag_at", "tags", "text", "year_starts", "years")

    def __init__(self, text: str) -> None:
        self.text = text
        self.years = [Year(int(m.group(1)), m.start(), m.end()) for m in O.year.finditer(text)]
        if "-" in text or "\u2013" in text:
            self.years = sorted(self.years + _years_in_no_range(text), key=lambda y: y.start)
        self.one_case = _in_one_case(text[: self.years[0].start if self.years else None])
        self.tags = find_tags(text, self.one_case)
        self.tag_at = {tag.start: tag for tag in self.tags}
        if not self.years:
            self.years = self._glued_years()
        self.year_starts = {year.start for year in self.years}
        self.brackets = [m.span() for m in O.brackets.finditer(text)]

    def _glued_years(self) -> list[Year]:
        """"Wreck-It.Ralph2012.Bluray.1080p": a year written against the title's last
        word, with release information straight after it (so "Matrix1999.avi" alone, or
        a code such as "ABC2012", is no year); "Title.2021CUSTOM": against a tag."""
        after_words = [Year(int(m.group(1)), m.start(1), m.end(1))
                       for m in O.glued_year.finditer(self.text)
                       if self.next_word(m.end(1)) in self.tag_at]
        before_tags = [Year(int(m.group(1)), m.start(1), m.end(1))
                       for m in O.year_then_word.finditer(self.text) if is_tag(m.group(2))]
        return sorted(after_words + before_tags, key=lambda year: year.start)

    def next_word(self, pos: int) -> int:
        """Where the next word starts after `pos`, skipping separators."""
        match = O.separators.match(self.text, pos)
        return match.end() if match else pos

    def release_info_at(self, pos: int) -> bool:
        """True where release information (not title words) begins at `pos`."""
        text = self.text
        if pos >= len(text) or text[pos] in _OPENERS or pos in self.tag_at:
            return True
        return pos in self.year_starts

    def tag_ends_title(self, tag: Tag) -> bool:
        """Strong tags always end a title; soft ones only where no title words follow."""
        if tag.category == "sample" and self.year_after(tag.end):
            return False  # "The Sample (2010)": a sample's marker never precedes the year
        after = self.next_word(tag.end)
        if tag.blind:
            # case says nothing: a word that is a tag in capitals is one where a tag
            # recognised in any case follows ("the.outsiders.dc.german.1983")
            following = self.tag_at.get(after)
            return following is not None and not following.blind
        if tag.category in O.strong:
            return True
        if tag.category in O.never_ends_title or self._joined(tag):
            return False
        if tag.category == "soft" and after in self.year_starts and tag.text.isalpha() and (
                tag.text.istitle() or self.one_case) and not (
                O.collection_word.match(tag.text)):
            # "The.Darjeeling.Limited.2007": releases write LIMITED after the year (a name
            # all in small letters says nothing by its case: its order decides). Not
            # "The.Hunt.Complete.2015": "Complete" says the release holds every part.
            return False
        if tag.category == "language":
            return after in self.tag_at or self._dub_before_year(tag, after)
        return self.release_info_at(after)

    def _dub_before_year(self, tag: Tag, after: int) -> bool:
        """"Der.Film.German.2011.PAL": scene releases dubbed into a language name it
        before the year. English never is (English releases do not say so: "Johnny
        English 2003"), nor a language named again after the year ("Immersion French
        2011 ... FRENCH" is the title)."""
        if after not in self.year_starts or O.english.fullmatch(tag.text):
            return False
        return not any(t.category == "language" for t in self.tags if t.start > after)

    def year_after(self, pos: int) -> bool:
        return any(year.start >= pos for year in self.years)

    def _joined(self, tag: Tag) -> bool:
        """The word before a soft tag joins it to the title ("and Uncut", "the Greek")."""
        word = word_before(self.text, tag.start)
        if word is None:
            return False
        if word[0] > 0 and self.text[word[0] - 1] == "-" and " " in self.text:
            return False  # the end of a hyphenated word ("Wall-E Multi"), not "e" (and)
        before = self.text[word[0] : word[1]].lower()
        return before in O.joining_words or (
            tag.category == "language" and before in O.language_joiners)

    def bracket_ends_title(self, start: int, end: int) -> bool:
        """Brackets of release information do; "(Not)" or "[Not]" inside "You Are (Not)
        Alone" does not. Square brackets end a title unless they hold one word that is
        no tag and title words follow them."""
        if self.text[start] == "[" and self._word_in_title(start, end):
            return False
        if self.text[start] != "(" or not self.text[start + 1 : end - 1].strip():
            return True
        if any(start < tag.start < end for tag in self.tags):
            return True
        if self.years_within(start, end):
            return True
        before = word_before(self.text, start)
        if before is not None and self.text[before[0] : before[1]].lower() in O.joining_words:
            return False  # "Birdman or (The Unexpected Virtue of Ignorance)": it goes on
        return self.release_info_at(self.next_word(end))

    def _word_in_title(self, start: int, end: int) -> bool:
        inner = self.text[start + 1 : end - 1]
        if not inner.isalpha() or any(start < tag.start < end for tag in self.tags):
            return False
        return not self.release_info_at(self.next_word(end))

    def years_within(self, start: int, end: int) -> list[Year]:
        return [year for year in self.years if start < year.start < end]
