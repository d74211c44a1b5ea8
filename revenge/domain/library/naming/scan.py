"""One pass over a name: where its tags, years and bracket groups are."""

from __future__ import annotations

from revenge.domain.library.naming.options import OPTIONS as O

_OPENERS = "([{<【"


class Tag:
    """A release tag: its category (a `vocabulary` table name), span and text."""

    __slots__ = ("category", "end", "start", "text")

    def __init__(self, category: str, start: int, end: int, text: str) -> None:
        self.category, self.start, self.end, self.text = category, start, end, text


class Year:
    __slots__ = ("end", "start", "value")

    def __init__(self, value: int, start: int, end: int) -> None:
        self.value, self.start, self.end = value, start, end


def find_tags(text: str) -> list[Tag]:
    """Every release tag in `text`, in order; lower-case tables first, then capitals."""
    tags = [
        Tag(m.lastgroup or "", m.start(), m.end(), text[m.start() : m.end()])
        for m in O.tags.finditer(_lower(text))
    ]
    cased = [
        Tag(m.lastgroup or "", m.start(), m.end(), m.group())
        for m in O.cased_tags.finditer(text)
        if not any(tag.start < m.end() and m.start() < tag.end for tag in tags)
    ]
    return sorted(tags + cased, key=_start) if cased else tags


def _start(tag: Tag) -> int:
    return tag.start


def is_tag(text: str) -> bool:
    return bool(O.tags.fullmatch(_lower(text)) or O.cased_tags.fullmatch(text))


def follows_release_tag(text: str, pos: int) -> bool:
    """True where the word just before `pos` is a release tag: "...x264-Short" ends in a
    release group called Short, "Alien (1979)-short" in an extra's suffix."""
    word = O.word_before.search(text, 0, pos)
    return word is not None and is_tag(word.group(1))


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


class Scan:
    """The tags, years and bracket groups of one name, with the questions rules ask."""

    __slots__ = ("brackets", "tag_at", "tags", "text", "year_starts", "years")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tags = find_tags(text)
        self.tag_at = {tag.start: tag for tag in self.tags}
        self.years = [Year(int(m.group(1)), m.start(), m.end()) for m in O.year.finditer(text)]
        self.year_starts = {year.start for year in self.years}
        self.brackets = [m.span() for m in O.brackets.finditer(text)]

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
        if tag.category in O.strong:
            return True
        if tag.category in O.never_ends_title or self._joined(tag):
            return False
        after = self.next_word(tag.end)
        if tag.category == "language":
            return after in self.tag_at
        return self.release_info_at(after)

    def _joined(self, tag: Tag) -> bool:
        """The word before a soft tag joins it to the title ("and Uncut", "the Greek")."""
        word = O.word_before.search(self.text, 0, tag.start)
        if word is None or word.end() != tag.start:
            return False
        before = word.group(1).lower()
        return before in O.joining_words or (tag.category == "language" and before in O.articles)

    def bracket_ends_title(self, start: int, end: int) -> bool:
        """Square brackets always do; "(Not)" inside "You Are (Not) Alone" does not."""
        if self.text[start] != "(" or not self.text[start + 1 : end - 1].strip():
            return True
        if any(start < tag.start < end for tag in self.tags):
            return True
        return bool(self.years_within(start, end)) or self.release_info_at(self.next_word(end))

    def years_within(self, start: int, end: int) -> list[Year]:
        return [year for year in self.years if start < year.start < end]
