"""Paragraph layout of a plain text, and the header fields at its top.

Authors lay paragraphs out in different ways: blank-line blocks; one paragraph per line;
lines hard-wrapped at a fixed width (a paragraph is several lines, ended by a blank line
or a short line); verse, lists and chat logs, whose every line stands on its own; and,
above any of these, a header of a title, a byline and a date. :func:`split_layout` reads
the evidence of one document, decides its layout, and returns its paragraphs with the
header taken out; the decision is recorded as a short name (:data:`KINDS`), so that an
analyst can see it, and the caller can impose ``"blank"``, ``"line"`` or ``"wrapped"``.

The functions work on whitespace-normalised text (lines trimmed, single spaces, ``\\n``
line ends): indentation is gone, so line widths, line ends and line starts are the
evidence. Every step is a pass over the lines: the cost is linear in the text.
Nothing is rewritten: a paragraph is its lines joined by a space (or by nothing after a
hyphen that breaks a word, and between characters of a script without spaces), and every
line of the text ends up in exactly one :class:`Unit`.

>>> s = split_layout("A Title\\n\\nApril 16, 1945\\n\\nFirst paragraph.\\nSecond one.")
>>> s.title, s.date, s.paragraphs, s.layout.name
('A Title', '1945-04-16', ['First paragraph.', 'Second one.'], 'header+line')
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise
from typing import NamedTuple

from ..errors import InputError

#: The layouts a text can be found to have: ``blank`` (blank-line blocks), ``wrapped``
#: (hard-wrapped lines joined into paragraphs), ``line`` (one paragraph per line),
#: ``verse`` (short lines kept line by line: verse, lists) and ``chat`` (one utterance
#: per line, most lines opening with a speaker or a time stamp).
KINDS = ("blank", "wrapped", "line", "verse", "chat")
#: What a caller may ask for: ``auto`` decides from the text.
CHOICES = ("auto", "blank", "line", "wrapped")
MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 200
MAX_TITLE_DENSE = 40  # characters of a script written without spaces
HEADER_UNITS = 4  # the header is among the first units of a text
MIN_WRAP_WIDTH = 40  # narrower lines of a similar length are verse, not wrapped prose
SAMPLE_LINES = 400  # lines enough to tell how most lines of a block look

_CLOSERS = r"\"'”’»)\]}"  # closing quotes and brackets, for a character class
_SENTENCE_END = re.compile(rf"[.!?…。！？][{_CLOSERS}]*$")
_STOP_END = re.compile(rf"[.!?:;…。！？][{_CLOSERS}]*$")  # ends a sentence or a lead-in
_PAUSE_END = re.compile(rf"[.!?:;,…。！？、，；：][{_CLOSERS}]*$")  # a stop or a pause
# the marks of code, addresses and records: no title holds them
_NOT_IN_TITLE = re.compile(r"[;=@]|https?://|www\.|^[<{}]|[<>{}]$|^[\[(]?\d{1,2}:\d\d")
_TITLE_END_OK = re.compile(r"(?:\.\.\.|…|[^.,;:。、，；：])$")
# A sentence ends inside a line: a word of four letters or more, or a digit, then a full
# stop (not "Mr." or "U.S."), or any ? or !, then a capital after a space.
_INNER_SENTENCE = re.compile(
    rf"(?:[^\W\d_][^\W\d_A-Z]{{3,}}|\d)[.…][{_CLOSERS}]* [\"'“‘(«]*[A-Z]"
    rf"|[!?][{_CLOSERS}]* [\"'“‘(«]*[A-Z]|[。！？][{_CLOSERS}]*\S"
)
_LIST_MARK = r"(?:[-*•▪◦‣+–—]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]) |--(?=[^\s-])"
_LIST_ITEM = re.compile(_LIST_MARK)
_BULLETS = "-*•▪◦‣+–—("
_NOTE = re.compile(r"\[[^\[\]\n]{1,200}\]|\([^()\n]{1,200}\)")
_END_CHARS = ".!?…。！？"
_PAUSE_CHARS = ".!?:;,…。！？、，；："
_CLOSER_CHARS = "\"'”’»)]}"
_OPENER_CHARS = "\"'“‘(«[`"
_RULE_CHARS = "-=_*#~+·•–—―.…|/\\^`"
_RULE = re.compile(rf"(?:[{re.escape(_RULE_CHARS)}] ?)+")
_WORDISH = re.compile(r"[^\W_]")
# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar.
_DENSE = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"  # Thai, Lao, Myanmar, Khmer
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kana, Han
)
_DENSE_CHAR = re.compile(f"[{_DENSE}]")
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?: ?[AaPp]\.?[Mm]\.?)?"
_STAMP = rf"[\[(]?(?:\d{{2,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}[ T,]*(?:{_TIME})?|{_TIME})[\])]?"
_SPEAKER = r"(?:<[^<>\n]{1,32}>|[^\W\d][\w.'’&-]*(?: [\w.'’&-]+){0,3}:)"
_CHAT_START = rf"(?:{_STAMP} ?(?:[-–|:] ?)?(?:{_SPEAKER} )?|{_SPEAKER} )"
_CHAT = re.compile(_CHAT_START)


class Unit(NamedTuple):
    """One piece of a text, in order: a paragraph, or a line taken out of the body.

    ``role`` is ``paragraph``, ``title``, ``byline``, ``date``, ``header`` (another
    line of the header block, such as a subtitle or a place), ``furniture`` (a line the
    caller marked) or ``rule`` (a line of only dashes, stars or dots). ``line`` is the
    number (from 0) of its first line in the text, and ``n_lines`` how many it joins.
    """

    text: str
    role: str
    line: int
    n_lines: int = 1

    @property
    def alone(self) -> bool:
        """True when the unit is one whole line: a block of its own, or a line of a
        line-by-line layout, never a line inside a joined paragraph."""
        return self.n_lines == 1


@dataclass(frozen=True)
class Layout:
    """The layout decided for a text, and the evidence for it.

    ``kind`` is the body's layout (:data:`KINDS`); ``header`` holds the lines taken out
    as a header; ``width`` is the line width that hard-wrapped lines reach (0 when no
    block has several lines); ``wrapped_share`` the share of line breaks inside blocks
    where a full line breaks a sentence; ``lines`` and ``blocks`` count non-blank lines
    and blank-line blocks; ``forced`` says the layout was imposed, not detected.
    """

    kind: str
    header: tuple[str, ...] = ()
    width: int = 0
    wrapped_share: float = 0.0
    lines: int = 0
    blocks: int = 0
    forced: bool = False

    @property
    def name(self) -> str:
        """The short name to record: the kind, after ``header+`` when a header was
        taken out (``header+line`` is the usual layout of a transcribed speech)."""
        return f"header+{self.kind}" if self.header else self.kind


@dataclass(frozen=True)
class Structure:
    """A text cut into units, with its header fields and its layout."""

    units: tuple[Unit, ...]
    layout: Layout
    title: str | None = None
    byline: str | None = None
    date: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        """The body paragraphs, in order."""
        return [u.text for u in self.units if u.role == "paragraph"]

    @property
    def header(self) -> list[str]:
        """The header lines taken out (title, byline, date and the lines among them)."""
        return list(self.layout.header)

    @property
    def removed(self) -> list[str]:
        """The furniture lines taken out, in order."""
        return [u.text for u in self.units if u.role == "furniture"]

    @property
    def taken_out(self) -> list[str]:
        """Every line taken out of the body but the title, in order: the byline, the
        date, the other header lines, furniture and rules (for a list of removals)."""
        return [u.text for u in self.units if u.role not in ("paragraph", "title")]

    @property
    def rules(self) -> list[str]:
        """The lines of only dashes, stars or dots, which are no paragraph."""
        return [u.text for u in self.units if u.role == "rule"]

    @property
    def standalone_lines(self) -> frozenset[int]:
        """Numbers of the lines that stand alone (see :attr:`Unit.alone`): only these may
        be taken for furniture."""
        return frozenset(u.line for u in self.units if u.alone)


# --------------------------------------------------------------------------- dates

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>[12]\d{3})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_LABEL = (
    r"(?:(?:published|posted|updated|date[d]?|delivered|released|issued|first published)"
    r"(?:\s+on)?\s*:?\s+)?"
)
_TAIL = rf"(?:\s*(?:,|at|-|–|—|\|)?\s*{_TIME}(?:\s*[A-Z]{{2,4}})?)?\.?"
_DATE_FORMS = [
    re.compile(rf"{_LABEL}{_WEEKDAY}{body}{_TAIL}", re.IGNORECASE)
    for body in (
        rf"{_MONTH}\s*{_DAY},?\s+{_YEAR}",  # April 16, 1945 · Jan. 20, 2009
        rf"(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",  # 16 April 1945
        r"(?P<year>[12]\d{3})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})",  # 2024-06-12
        r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>[12]\d{3})",  # 12.06.2024
        r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>[12]\d{3})",  # 6/12/2024 if unambiguous
        rf"{_MONTH},?\s+{_YEAR}",  # April 1945
    )
]


def parse_date(line: str) -> str | None:
    """The date a line holds, as ISO text, when the line is only a date (a label such
    as "Published:", a weekday and a time of day are allowed around it); else None.

    A day and month written as numbers are read only when unambiguous (year first,
    day.month.year with dots, or a slash date whose day is over 12). A month and
    year give "YYYY-MM". An impossible date is None.

    >>> [parse_date(s) for s in ("April 16, 1945", "16 April 1945", "Jan. 20, 2009")]
    ['1945-04-16', '1945-04-16', '2009-01-20']
    >>> parse_date("2024-06-12"), parse_date("April 16, 1945, was a Monday.")
    ('2024-06-12', None)
    """
    line = line.strip()
    if len(line) > 80 or not any(ch.isdigit() for ch in line):
        return None
    for form in _DATE_FORMS:
        match = form.fullmatch(line)
        if match:
            return _iso(match.groupdict())
    return None


def _iso(parts: dict[str, str | None]) -> str | None:
    year = int(parts["year"] or 0)
    if parts.get("a"):  # a slash date: which of the two numbers is the day?
        a, b = int(parts["a"]), int(parts["b"] or 0)
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        else:
            return None
    else:
        raw = (parts["month"] or "").lower()
        month = int(raw) if raw.isdigit() else _MONTHS[raw]
        if parts.get("day") is None:
            return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
        day = int(parts["day"])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


# --------------------------------------------------------------------------- header lines

_NAME = r"[^\W\d_][\w.'’-]*(?:\s+(?:[^\W\d_][\w.'’-]*|&))*?"
_BYLINE = re.compile(
    rf"(?:(?:posted|published)\s+(?:on\s+)?(?P<before>.{{6,40}}?)\s+)?"
    rf"(?:(?:written|posted|submitted|words|text|reporting|story)\s+)?by[:\s]\s*"
    rf"(?P<name>{_NAME})\s*(?:(?:[,|·•–—-]|\bon\b)\s*(?P<rest>.{{0,80}}?))?[.,;:]?",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|de|da|del|der|van|von|al|bin|and|&)")


def parse_byline(line: str) -> tuple[str, str | None] | None:
    """The author (and the date, if the line gives one) of a byline, else None.

    >>> parse_byline("By Jane Doe | June 12, 2024")
    ('Jane Doe', '2024-06-12')
    >>> parse_byline("By the way, we left.") is None
    True
    """
    if len(line) > 160:
        return None
    match = _BYLINE.fullmatch(line.strip())
    if not match:
        return None
    words = match.group("name").split()
    if not 1 <= len(words) <= 6 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    if words[-1] in {"and", "&"} or not words[0][0].isupper():
        return None
    date = None
    for part in (match.group("before"), match.group("rest")):
        if part:
            date = date or parse_date(part)
    return " ".join(words).rstrip(".,"), date


def is_title(line: str) -> bool:
    """A short heading-like line: at most 25 words (or 40 characters of a script
    written without spaces), one sentence, no final full stop, comma, colon or
    semicolon (an ellipsis, ? or ! is allowed), some letters, and none of the marks of
    code, addresses or records (``; = @``, a web address, a brace or angle bracket at
    either end, a time stamp opening the line).

    >>> is_title("The West Has Lost Russia"), is_title("It rained. We stayed in. Then it cleared")
    (True, False)
    """
    if "\n" in line or not line or len(line) > MAX_TITLE_CHARS:
        return False
    if len(line.split(None, MAX_TITLE_WORDS)) > MAX_TITLE_WORDS:
        return False
    if not _TITLE_END_OK.search(line) or not _WORDISH.search(line):
        return False
    if _INNER_SENTENCE.search(line) or _NOT_IN_TITLE.search(line):
        return False
    return len(_DENSE_CHAR.findall(line)) <= MAX_TITLE_DENSE


# --------------------------------------------------------------------------- blocks


@dataclass(slots=True)
class _Block:
    """A run of non-blank lines, and how its lines make paragraphs."""

    first: int  # number of its first line in the text
    text: str  # its lines, joined by line breaks
    lines: list[str]
    mode: str = "one"  # one | join | items | sentences | records | lines (see _decide)
    fills: list[bool] | None = None  # per break: did the line fill up?
    wraps: list[bool] | None = None  # ... with the sentence going on?
    going: list[bool] | None = None  # per break: does the next line go on a sentence?
    paused: list[bool] | None = None  # per break: does the line end at a stop or comma?


_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def _blocks(text: str) -> list[_Block]:
    """The blank-line blocks of a text, with the number of each one's first line."""
    blocks, line, counted = [], 0, 0
    for match in _BLOCK.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        block = match.group()
        blocks.append(_Block(line, block, block.split("\n")))
    return blocks


def _first_word_lengths(lines: Sequence[str], dense: bool) -> list[int]:
    """The length of each line's first word (one character of a script without spaces)."""
    found = [
        len(line) if i < 0 else i for line, i in zip(lines, map(_find_space, lines), strict=True)
    ]
    if dense:
        found = [1 if _DENSE_CHAR.match(line) else n for line, n in zip(lines, found, strict=True)]
    return found


def _find_space(line: str) -> int:
    return line.find(" ")


def _pauses(line: str) -> bool:
    """The line ends with a stop or a comma (before any closing quote or bracket)."""
    last = line[-1:]
    return last in _PAUSE_CHARS or (last in _CLOSER_CHARS and bool(_PAUSE_END.search(line)))


def _goes_on(line: str) -> bool:
    """The line starts with a small letter (or a letter of a script without case),
    after any opening quote or bracket: it continues a sentence."""
    first = line[:1]
    if first in _OPENER_CHARS:
        first = line.lstrip(_OPENER_CHARS)[:1]
    return first.isalpha() and not first.isupper()


def _percentile(counts: Counter[int], share: float) -> int:
    """The smallest value with at least ``share`` of the counted values at or below it."""
    total, running = sum(counts.values()), 0
    for value in sorted(counts):
        running += counts[value]
        if running >= share * total:
            return value
    return 0


def _measure(blocks: Sequence[_Block], dense: bool) -> tuple[int, int]:
    """Set each block's ``fills`` and ``wraps``; return the width full lines reach and
    the room a full line may leave at its end.

    The width is the 98th percentile of line lengths in blocks of several lines. The
    room is learnt from the breaks that surely fall inside a sentence (no stop or comma
    at the end of the line, a small letter next): there, the next line's first word did
    not fit. Greedy wrapping leaves no room; wrapping that balances lines, and spaces
    lost to normalising, leave some. A line fills up when the next line's first word
    had no room on it, and the next line fits the width too; it is hard-wrapped when it
    fills up and the sentence goes on (no stop or comma at its end, or a small letter
    next).
    """
    every: list[int] = []
    shapes = []
    for block in blocks:
        lengths = list(map(len, block.lines))
        every += lengths
        going = list(map(_goes_on, block.lines[1:]))
        paused = list(map(_pauses, block.lines[:-1]))
        shapes.append((lengths, _first_word_lengths(block.lines, dense)[1:], going, paused))
    if not every:
        return 0, 0
    width = _percentile(Counter(every), 0.98)
    rooms = Counter(
        width - n - 1 - f
        for lengths, firsts, going, paused in shapes
        for n, f, g, p in zip(lengths, firsts, going, paused, strict=False)
        if g and not p
    )
    room = max(3, width // 10)
    if sum(rooms.values()) >= 8:
        room = min(max(_percentile(rooms, 0.95) + 1, 1), max(room, width // 5))
    limit, widest = width - room, width + room
    for block, (lengths, firsts, going, paused) in zip(blocks, shapes, strict=True):
        block.going, block.paused = going, paused
        block.fills = [
            a + 1 + f > limit and b <= widest
            for a, b, f in zip(lengths, lengths[1:], firsts, strict=False)
        ]
        block.wraps = [
            fill and (g or not p) for fill, g, p in zip(block.fills, going, paused, strict=True)
        ]
    return width, room


# --------------------------------------------------------------------------- deciding


def _count(pattern: re.Pattern[str], lines: Sequence[str], how: str = "search") -> int:
    test = getattr(pattern, how)
    return sum(1 for line in lines if test(line))


def _is_list(lines: Sequence[str]) -> bool:
    """A list: it opens with a list item, or two or more of its lines do (of a sample
    of a long block)."""
    if _starts_item(lines[0]):
        return True
    found = 0
    for line in _sample(lines):
        found += _starts_item(line)
        if found >= 2:
            return True
    return False


def _sample(lines: Sequence[str], size: int = SAMPLE_LINES) -> Sequence[str]:
    """At most ``size`` lines spread evenly over the given ones: shares measured on
    them hold for all, and measuring stays cheap however long the text."""
    if len(lines) <= size:
        return lines
    step = len(lines) / size
    return [lines[int(i * step)] for i in range(size)]


def _is_records(lines: Sequence[str]) -> bool:
    """Lines of a chat or a log: most (two or more) open with a speaker or a time stamp,
    or half of them (of eight or more) with the same word (judged on a sample of a long
    block)."""
    lines = _sample(lines)
    chat = _count(_CHAT, lines, "match")
    if chat >= 2 and chat * 2 >= len(lines):
        return True
    if len(lines) < 8:
        return False
    starts: dict[str, int] = {}
    for line in lines:
        word = line.split(" ", 1)[0]
        starts[word] = starts.get(word, 0) + 1
    return max(starts.values()) * 2 >= len(lines)


def _sentence_lines(lines: Sequence[str]) -> bool:
    """Every line a sentence that ends: one sentence per line, to be joined."""
    return (
        all(map(_ends_sentence, lines))
        and _count(_INNER_SENTENCE, lines) * 2 < len(lines)
        and not _is_list(lines)
        and _count(_CHAT, lines, "match") * 2 < len(lines)
    )


def _ends_sentence(line: str) -> bool:
    last = line[-1:]
    return last in _END_CHARS or (last in _CLOSER_CHARS and bool(_SENTENCE_END.search(line)))


def _decide(blocks: list[_Block], choice: str) -> tuple[str, int, float]:
    """Set every block's mode; return the layout imposed (empty when it is to be
    found), the width lines reach and the share of breaks that are hard wraps.

    Blocks of chat or log lines keep their records apart (``records``: a line that
    opens no record goes on the one before). A block most of whose breaks are hard wraps
    is joined (``join``: cut only where a paragraph plainly ends); in a text with such
    wrapping, the other blocks keep their lines apart but for those that go on
    (``items``: a long list item). Small blocks of sentences, one a line, are joined
    (``sentences``); lists keep their items apart (``records``); every other block is
    kept line by line (``lines``).
    """
    multi = [b for b in blocks if len(b.lines) > 1]
    for block in multi:
        if _is_records(block.lines):
            block.mode = "records"
    prose = [b for b in multi if b.mode != "records"]
    dense = bool(_DENSE_CHAR.search(prose[0].text[:200])) if prose else False
    width, room = _measure(prose, dense)
    breaks = sum(len(b.wraps) for b in prose)
    wrapped = sum(sum(b.wraps) for b in prose)
    share = wrapped / breaks if breaks else 0.0
    if choice != "auto":
        for block in multi:
            block.mode = {"blank": "sentences", "line": "lines", "wrapped": "join"}[choice]
            if not block.fills:
                block.fills = block.wraps = [False] * (len(block.lines) - 1)
        return choice, width, share
    # Hard wrapping cuts sentences anywhere: many a wrapped line is followed by a small
    # letter, few full lines end at a stop or a comma with a capital next. Verse does
    # that line after line, and its lines are short.
    going_on = verse_like = filled = 0
    for b in prose:
        for fill, going, paused, after in zip(
            b.fills, b.going, b.paused, b.lines[1:], strict=False
        ):
            if fill:
                filled += 1
                going_on += going
                verse_like += paused and after[:1].isupper()
    wrapping = (
        wrapped >= 2
        and share >= 0.25
        and going_on * 5 >= wrapped
        and verse_like * 3 < filled
        and (width >= MIN_WRAP_WIDTH or dense)
    )
    # One sentence per line, paragraphs in small blank-line blocks: a corpus format.
    # Most blocks hold several lines, or they are paragraphs and the lines an exception.
    small = (
        len(multi) >= 2
        and len(multi) * 2 >= len(blocks)
        and sum(len(b.lines) for b in multi) <= 8 * len(multi)
    )
    for block in prose:
        if wrapping and sum(block.wraps) * 2 >= len(block.wraps):
            block.mode = "join"
        elif small and _sentence_lines(block.lines):
            block.mode = "sentences"
        elif not wrapping and _is_list(block.lines):
            block.mode = "records"  # its items may go on over several lines
        else:
            block.mode = "items" if wrapping else "lines"
    return "", width, share


def _kind(
    parts: Sequence[tuple[_Block, list[Unit]]], skip: Collection[int] = (), *, name: bool = True
) -> str:
    """Name the layout after what most body lines became, leaving out the numbered lines
    (those of the header): joined hard-wrapped lines make it ``wrapped`` (from a quarter
    of the lines); lines kept apart make it ``chat``, ``verse`` or ``line`` (just
    ``line`` when ``name`` is false); blocks of their own make it ``blank``. A heading
    above a paragraph in one block does not make the text line by line."""
    joined = alone = 0
    by_line: list[str] = []
    last = max(skip, default=-1)
    for block, units in parts:
        if block.mode == "one" and block.first > last:
            alone += units[0].role != "rule"
            continue
        if block.first <= last:
            units = [u for u in units if u.line not in skip]
        if block.mode in ("join", "items"):
            joined += sum(u.n_lines for u in units if u.n_lines > 1)
            single = [u.text for u in units if u.n_lines == 1 and u.role != "rule"]
        elif block.mode == "sentences":
            alone += sum(u.n_lines for u in units)
            continue
        else:  # lines and records: a wrapped record is still one line of the log
            single = [u.text for u in units if u.role != "rule"]
        few = len(single) <= 1 or (len(single) <= 3 and len(single) - _headings(single) <= 1)
        if few and len(single) == len(units):
            alone += len(single)
            continue
        by_line.extend(single)
    total = joined + alone + len(by_line)
    if joined and joined * 4 >= total:
        return "wrapped"
    if len(by_line) * 2 <= total:
        return "blank"
    if not name:
        return "line"
    if _is_records(by_line):
        return "chat"
    sample = _sample(by_line)
    short = sorted(map(len, sample))[len(sample) // 2] < 60
    if short and _count(_SENTENCE_END, sample) * 2 < len(sample):
        return "verse"
    return "line"


def _headings(lines: Sequence[str]) -> int:
    """How many lines are headings: heading-like, above a longer line that ends a
    sentence."""
    return sum(
        1
        for a, b in pairwise(lines)
        if len(b) > 2 * len(a) and _SENTENCE_END.search(b) and is_title(a)
    )


# --------------------------------------------------------------------------- units


def _join(lines: Sequence[str]) -> str:
    """Lines of one paragraph as one string: a space between them, except after a
    hyphen that breaks a word and between two characters of a script without spaces."""
    if len(lines) == 1:
        return lines[0]
    out = [lines[0]]
    for before, line in pairwise(lines):
        tight = (
            len(before) > 1 and before[-1] == "-" and before[-2].isalpha() and line[:1].isalpha()
        ) or (bool(_DENSE_CHAR.match(before[-1])) and bool(_DENSE_CHAR.match(line[:1])))
        out.append(line if tight else " " + line)
    return "".join(out)


def _ends_paragraph(before: str, after: str, filled: bool, width: int) -> bool:
    """Inside hard-wrapped lines, does a paragraph end between these two lines? When the
    next line starts a list item, or when the line did not fill up and ends a sentence
    (a small letter next says it did not: "e.g." or a semicolon) or is a heading
    (short, no final stop, a capital next)."""
    if _starts_item(after) or _is_rule(before) or _is_rule(after):
        return True
    if filled or _goes_on(after):
        return False
    if _STOP_END.search(before):
        return True
    return len(before) < 0.6 * width and is_title(before) and after[:1].isupper()


def _goes_past(before: str, after: str, wrapped: bool, width: int) -> bool:
    """Among lines kept apart, does a line go on into the next? When it was hard-wrapped,
    or has no stop or comma at its end and the next line goes on with a small letter, or
    is nearly full; never into a list item or a rule."""
    if _starts_item(after) or _is_rule(before) or _is_rule(after):
        return False
    if wrapped:
        return True
    return not _PAUSE_END.search(before) and (_goes_on(after) or len(before) >= 0.75 * width)


def _block_units(block: _Block, width: int) -> list[Unit]:
    """The units of one block, by its mode (see :func:`_decide`)."""
    lines, first, mode = block.lines, block.first, block.mode
    if mode == "one":
        return [Unit(lines[0], _line_role(lines[0]), first)]
    if mode == "lines":
        return [Unit(line, _line_role(line), n) for n, line in enumerate(lines, first)]
    if mode == "sentences":
        return [Unit(_join(lines), "paragraph", first, len(lines))]
    after = lines[1:]
    if mode == "join":  # together, unless a paragraph plainly ends
        fills = block.fills
        cuts = [
            i
            for i, line in enumerate(after)
            if (not fills[i] or _may_open(line) or lines[i][:1] in _RULE_CHARS)
            and _ends_paragraph(lines[i], line, fills[i], width)
        ]
        return _cut(lines, first, cuts)
    if mode == "items":  # apart, unless a line goes on into the next
        wraps, long = block.wraps, 0.75 * width
        joins = [
            i
            for i, line in enumerate(after)
            if (wraps[i] or _may_go_on(line) or len(lines[i]) >= long)
            and _goes_past(lines[i], line, wraps[i], width)
        ]
    else:  # records: apart, but a line that opens no record and no sentence goes on
        starts = _record_start(lines)
        joins = [
            i
            for i, line in enumerate(after)
            if _may_go_on(line)
            and (_goes_on(line) or line[:1] in "(<[")
            and not _STOP_END.search(lines[i])
            and not starts(line)
        ]
    if not joins:
        return [Unit(line, _line_role(line), n) for n, line in enumerate(lines, first)]
    joined = set(joins)
    return _cut(lines, first, [i for i in range(len(after)) if i not in joined])


def _may_open(line: str) -> bool:
    """The line may open a list item or be a rule (a cheap test of its first marks)."""
    head = line[:6]
    return (
        head[:1] in _RULE_CHARS
        or head[:1] in _BULLETS
        or head[:1].isdigit()
        or ("." in head or ")" in head)
    )


def _may_go_on(line: str) -> bool:
    """The line may go on a sentence: it does not open with a capital or a digit."""
    first = line[:1]
    return not (first.isupper() or first.isdigit())


def _cut(lines: list[str], first: int, cuts: Sequence[int]) -> list[Unit]:
    """Units of a block cut after the lines numbered (from 0, increasing)."""
    units, start = [], 0
    for i in (*cuts, len(lines) - 1):
        units.append(_paragraph(lines[start : i + 1], first + start))
        start = i + 1
    return units


def _record_start(lines: Sequence[str]):
    """A test of whether a line opens a record of a chat or a log: a speaker, a time
    stamp, a list mark, or the word most lines of the block open with."""
    common: list[str] = []  # the word, found when first needed

    def starts(line: str) -> bool:
        if _starts_item(line) or _CHAT.match(line):
            return True
        if not common:
            firsts: dict[str, int] = {}
            for other in lines:
                word = other.split(" ", 1)[0]
                firsts[word] = firsts.get(word, 0) + 1
            common.append(max(firsts, key=firsts.__getitem__))
        return line.split(" ", 1)[0] == common[0]

    return starts


def _paragraph(lines: Sequence[str], first: int) -> Unit:
    if len(lines) == 1:
        return Unit(lines[0], _line_role(lines[0]), first)
    return Unit(_join(lines), "paragraph", first, len(lines))


def _line_role(line: str) -> str:
    return "rule" if _is_rule(line) else "paragraph"


def _is_rule(line: str) -> bool:
    """A line of only dashes, stars, dots or the like (checked first by its first mark)."""
    return line[:1] in _RULE_CHARS and bool(_RULE.fullmatch(line))


def _starts_item(line: str) -> bool:
    """The line opens a list item (checked first by its first characters)."""
    head = line[:6]
    if head[:1] in _BULLETS or head[:1].isdigit() or "." in head or ")" in head:
        return bool(_LIST_ITEM.match(line))
    return False


def _units(blocks: Sequence[_Block], width: int) -> list[tuple[_Block, list[Unit]]]:
    return [(block, _block_units(block, width)) for block in blocks]


# --------------------------------------------------------------------------- the header


def _take_header(
    units: list[Unit], by_line: Callable[[], bool], blocks: Sequence[_Block]
) -> tuple[dict[str, str | None], list[Unit]]:
    """Mark the header units at the top of the text; return the fields found and the
    units taken out. ``by_line`` says whether the body is laid out line by line.

    A header is a title, a byline and a date, each a line standing alone, in any order
    among the first units, with at most one other short line among them (a subtitle, a
    place) and any editor's notes in brackets. In a text laid out line by line, a title
    must be a block of its own or be followed by a byline or a date: otherwise it is
    the first line of the body.
    """
    fields: dict[str, str | None] = {"title": None, "byline": None, "date": None}
    body = list(islice((i for i, u in enumerate(units) if u.role == "paragraph"), HEADER_UNITS + 1))
    marked: dict[int, str] = {}
    pending: list[tuple[int, str]] = []  # lines that are header only if a field follows
    for i in body[:HEADER_UNITS]:
        unit = units[i]
        if not unit.alone:
            break
        line = unit.text
        date = parse_date(line) if fields["date"] is None else None
        byline = parse_byline(line) if fields["byline"] is None and not date else None
        if date or byline:
            if date:
                fields["date"], marked[i] = date, "date"
            else:
                fields["byline"], marked[i] = byline[0], "byline"
                fields["date"] = fields["date"] or byline[1]
            for j, role in pending:
                marked[j] = role
                if role == "title":
                    fields["title"] = units[j].text
            pending = []
            continue
        if _NOTE.fullmatch(line):  # "[As delivered in person]": an editor's note
            if pending:  # a header only if the lines above it are
                pending.append((i, "header"))
            else:
                marked[i] = "header"
            continue
        if not is_title(line):
            break
        if fields["title"] is None and not any(r == "title" for _, r in pending):
            if not _own_block(unit.line, blocks) and by_line():
                pending.append((i, "title"))
            else:
                fields["title"], marked[i] = line, "title"
        elif not any(r == "header" for _, r in pending):
            pending.append((i, "header"))
        else:
            break
    if len(body) <= len(marked):  # a text must keep a body
        return {"title": None, "byline": None, "date": None}, []
    for i, role in marked.items():
        units[i] = Unit(units[i].text, role, units[i].line)
    if fields["title"]:  # "The Zen of Python, by Tim Peters"
        title, by, name = fields["title"].rpartition(", by ")
        author = parse_byline("By " + name) if by and title else None
        if author and fields["byline"] is None:
            fields["title"], fields["byline"] = title, author[0]
    return fields, [units[i] for i in sorted(marked)]


def _own_block(line: int, blocks: Sequence[_Block]) -> bool:
    """The numbered line is a block of its own (but for rules under it)."""
    for block in blocks:
        if block.first == line:
            return all(_RULE.fullmatch(x) for x in block.lines[1:])
        if block.first > line:
            break
    return False


# --------------------------------------------------------------------------- public


def split_layout(
    text: str,
    *,
    layout: str = "auto",
    header: bool = True,
    furniture: Collection[int] = (),
) -> Structure:
    """Cut a whitespace-normalised text into paragraphs by its layout, and take out the
    header at its top.

    ``layout`` is ``auto`` (decide from the text) or one of ``blank`` (paragraphs are
    blank-line blocks, lines joined), ``line`` (every line a paragraph) and ``wrapped``
    (lines joined, paragraphs ended by blank lines and short lines). ``header=False``
    leaves the top of the text in the body (a table row's text, whose title and date
    come from its columns). ``furniture`` numbers lines (from 0) that the caller's
    boilerplate patterns matched: those that stand alone are taken out, before the
    header is looked for, and listed in :attr:`Structure.removed`.

    >>> text = "It was the best of times, it was the worst of\\ntimes, it was the age of wisdom."
    >>> split_layout(text + "\\n\\n" + text).paragraphs[1]
    'It was the best of times, it was the worst of times, it was the age of wisdom.'
    """
    if layout not in CHOICES:
        raise InputError(f"The paragraph layout {layout!r} is not one of {', '.join(CHOICES)}.")
    blocks = _blocks(text)
    forced, width, share = _decide(blocks, layout)
    parts = _units(blocks, width)
    units = [unit for _, block_units in parts for unit in block_units]
    out: set[int] = set()
    if furniture:
        marked = set(furniture)
        units = [
            Unit(u.text, "furniture", u.line) if u.n_lines == 1 and u.line in marked else u
            for u in units
        ]
        out = {u.line for u in units if u.role == "furniture"}
    head_units: list[Unit] = []
    fields: dict[str, str | None] = {}
    if header:
        by_line = lambda: (forced or _kind(parts, out, name=False)) == "line"  # noqa: E731
        fields, head_units = _take_header(units, by_line, blocks)
    kind = forced or _kind(parts, out | {u.line for u in head_units})
    head = tuple(u.text for u in head_units)
    found = Layout(
        kind=kind,
        header=head,
        width=width,
        wrapped_share=round(share, 3),
        lines=sum(len(b.lines) for b in blocks),
        blocks=len(blocks),
        forced=layout != "auto",
    )
    return Structure(tuple(units), found, **fields)


def detect_layout(text: str) -> Layout:
    """The layout :func:`split_layout` finds for a whitespace-normalised text.

    >>> detect_layout("Alice: hi\\nBob: hello there\\n\\nAlice: how are you?").kind
    'chat'
    """
    return split_layout(text).layout
