"""Load sources into documents: read any common file kind and encoding, then clean.

A *source* is a file (.txt, .md, .html/.htm, .csv, .jsonl), a folder of such files
(sorted, recursive) or several of these. Each yields documents with a canonical body:
paragraphs separated by one blank line, whitespace normalised, Unicode NFC, with the
title, the byline and the web-page furniture taken out and reported.
"""

from __future__ import annotations

import io
import json
import os
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from re import _parser as _sre

import pandas as pd

from . import paths
from .errors import InputError
from .patterns import trie_pattern

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
TABLE_FIELDS = ("doc_id", "title", "author", "date")

_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (a .docx, .xlsx or .epub?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
}
_SPACE_CHARS = r"\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v"
_INVISIBLE_CHARS = r"\u00ad\u200b-\u200d\u2060\ufeff"
_CONTROL_CHARS = r"\x00-\x08\x0e-\x1f\x7f\x80-\x9f"
_SPACES = re.compile(f"[{_SPACE_CHARS}]")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
_ODD = re.compile(f"[{_SPACE_CHARS}{_INVISIBLE_CHARS}{_CONTROL_CHARS}]")
# Each starts with two literal characters, which the regex engine skips to quickly.
_MANY_SPACES = re.compile("  " + " *")
_SPACES_AFTER_BREAK = re.compile("\n " + " *")
_BYLINE = re.compile(
    r"^(?:(?:submitted|written|posted|words|text|reporting)\s+)?by[:\s]\s*"
    r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){0,5}?)\s*(?:[,;|–—-].{0,80})?[.,;:]?$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|de|da|del|der|van|von|al|bin|and|&)$")
_TITLE_END_OK = re.compile(r"(?:\.\.\.|…|[^.,;:])$")
MAX_TITLE_WORDS = 25
MAX_FURNITURE_WORDS = 30


@dataclass(frozen=True)
class Skipped:
    """A source or record that could not be analysed, and why.

    ``reason`` is a predicate that follows the source's name ("is empty").
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source} {self.reason}"


@dataclass
class Cleaned:
    """A cleaned body with what was recognised and what was removed."""

    body: str
    title: str | None = None
    author: str | None = None
    removed: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- reading


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode a file's bytes, returning ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are tried first; anything else is
    a legacy encoding: a Cyrillic, Greek or other non-Latin code page when
    charset-normalizer is confident of one, else Windows-1252 (a superset of Latin-1's
    printable range), else Latin-1. Nothing is ever replaced by U+FFFD.

    >>> decode_bytes("Élite".encode("cp1252"), "x.txt")
    ('Élite', 'cp1252')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name} is {kind}, not text; convert it to text first.")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name} is a binary file, not text.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _guess_legacy_encoding(data)
    text = data.decode(encoding)
    if len(_CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536):
        raise InputError(f"{name} is a binary file, not text.")
    return text, encoding


def _guess_legacy_encoding(data: bytes) -> str:
    """Pick a legacy encoding for bytes that are not UTF-8.

    A non-Latin code page is taken when charset-normalizer is confident of it; a
    Chinese, Japanese or Korean multibyte encoding only when the text is mostly in that
    script or when it turns every non-ASCII byte pair into punctuation (English text
    saved with Big5 dashes and quotes is found in the wild); otherwise Windows-1252.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.chaos < 0.1:
        if best.encoding in _NON_LATIN:
            return best.encoding
        if best.encoding in _CJK and _plausible_cjk(data, best.encoding):
            return best.encoding
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def _plausible_cjk(data: bytes, encoding: str) -> bool:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    wide = [c for c in text if ord(c) > 127]
    if not wide:
        return False
    letters = sum(c.isalpha() for c in text)
    if sum(c.isalpha() for c in wide) > 0.5 * max(letters, 1):
        return True
    return all(unicodedata.category(c)[0] in "PSZ" for c in wide)


_NON_LATIN = {
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp866",
    "cp1253", "iso8859_7", "cp1255", "iso8859_8", "cp1256", "iso8859_6",
    "cp874", "tis_620", "cp1254", "iso8859_9",
}  # fmt: skip
_CJK = {
    "big5",
    "cp950",
    "big5hkscs",
    "gb2312",
    "gbk",
    "gb18030",
    "hz",
    "shift_jis",
    "cp932",
    "euc_jp",
    "iso2022_jp",
    "euc_kr",
    "cp949",
    "johab",
    "iso2022_kr",
}


def read_text(path: Path) -> tuple[str, str]:
    """Read a text file in whatever encoding it has; return ``(text, encoding)``."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path} is a folder where a file was expected.") from None
    except PermissionError:
        raise InputError(f"{path} cannot be read (permission denied).") from None
    except OSError as err:
        raise InputError(f"{path} cannot be read ({err.strerror or err}).") from None
    if not data.strip():
        raise InputError(f"{path} is empty.")
    return decode_bytes(data, str(path))


# --------------------------------------------------------------------------- cleaning


def normalise_whitespace(text: str) -> str:
    """Return text in NFC with odd spaces made plain, invisible characters dropped,
    line ends unified and runs of spaces collapsed; line breaks are kept.

    Every line ends up without spaces at either end and without two spaces in a row.
    Pure-ASCII text, the common case, is mapped in one byte-level pass.
    """
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        text = text.encode("ascii").translate(_ASCII_SPACES, _ASCII_CONTROLS).decode("ascii")
    else:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
        if _ODD.search(text):
            text = _CONTROL.sub("", _INVISIBLE.sub("", _SPACES.sub(" ", text)))
    # Only plain spaces and line breaks are left: trim every line, collapse the spaces.
    text = _SPACES_AFTER_BREAK.sub("\n", text)
    return _MANY_SPACES.sub(" ", text).replace(" \n", "\n").strip(" ")


def _ascii_class(pattern: re.Pattern[str]) -> bytes:
    """The ASCII characters a one-character class matches, as bytes."""
    return bytes(code for code in range(128) if pattern.match(chr(code)))


_ASCII_CONTROLS = _ascii_class(_CONTROL)
_ASCII_SPACES = bytes.maketrans(b"\t\v\f", b"   ")  # the ASCII members of _SPACES


@dataclass(frozen=True)
class Furniture:
    """The furniture patterns, compiled for speed: those anchored at the start of a line
    are tried only there, the others searched; a line is furniture if either matches."""

    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None

    def matches(self, line: str) -> bool:
        return bool(
            (self.anchored is not None and self.anchored.match(line))
            or (self.floating is not None and self.floating.search(line))
        )

    def candidate_lines(self, text: str) -> set[int]:
        """Numbers of the lines of ``text`` on which a pattern may match (confirm each
        with ``matches``): lines where an anchored pattern matches at the start, and
        lines where a match of the others begins in one scan of the whole text."""
        return set(self.candidate_spans(text))

    def candidate_spans(self, text: str) -> dict[int, tuple[int, int]]:
        """:meth:`candidate_lines` with each line's ``(start, end)`` in ``text``.

        Only lines holding a string that every match must contain are tried (see
        :class:`_Screen`); patterns the screen cannot describe are tried on every line.
        """
        screen = self._prefilter
        folded = _fold(text) if screen is not None else None
        if screen is None or folded is None:
            return _line_spans(text, _line_starts(text, self.scan_lines(text)))
        spans = {}
        if self.anchored is not None:
            match = self.anchored.match
            maybe = _line_spans(text, screen.anchored_hits(folded))
            spans = {n: span for n, span in maybe.items() if match(text[span[0]:span[1]])}
        if self.floating is not None:
            spans.update(_line_spans(text, screen.floating_starts(text, folded)))
        return spans

    @cached_property
    def _prefilter(self) -> _Screen | None:
        """This set's screen, looked up once per instance."""
        return _screen(self.anchored, self.floating)

    def scan_lines(self, text: str) -> set[int]:
        """:meth:`candidate_lines` the plain way: the anchored patterns tried at every
        line's start, the others in one scan of the whole text (the reference for the
        screened version, and its fallback)."""
        lines = text.split("\n")
        found: set[int] = set()
        if self.anchored is not None:
            match = self.anchored.match
            found.update(number for number, line in enumerate(lines) if match(line))
        if self.floating is not None:
            starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
            multiline = re.compile(self.floating.pattern, self.floating.flags | re.MULTILINE)
            found.update(bisect_right(starts, m.start()) - 1 for m in multiline.finditer(text))
        return found


def _line_spans(text: str, positions: Iterable[int]) -> dict[int, tuple[int, int]]:
    """Map the lines holding the given positions of ``text`` to their ``(start, end)``."""
    spans: dict[int, tuple[int, int]] = {}
    number, counted = 0, 0
    for position in sorted(set(positions)):
        number += text.count("\n", counted, position)
        counted = position
        if number not in spans:
            end = text.find("\n", position)
            spans[number] = (text.rfind("\n", 0, position) + 1, len(text) if end < 0 else end)
    return spans


def _line_starts(text: str, numbers: Iterable[int]) -> list[int]:
    """Where the lines with the given numbers begin."""
    starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    return [starts[n] for n in numbers]


# ----------------------------------------------------------------- furniture screening
#
# Trying ~30 case-insensitive patterns on every line costs more than everything else in
# cleaning. Yet every pattern names words that a match must contain ("paypal", "donat",
# "all rights reserved"), or must begin with ("post a", "previous "). The screen finds
# those strings in a lower-cased copy of the text with plain string search, and only the
# lines and places found are given to the patterns themselves. It is built from the
# patterns' parse trees and gives up, for the exact line-by-line scan, on anything it
# cannot describe.

# The only non-ASCII characters that match an ASCII character case-insensitively.
_ASCII_LOOKALIKES = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_MAX_STRINGS = 64
_MAX_WIDTH = 4096


@dataclass(frozen=True)
class _Shape:
    """What a match of part of a pattern consumes, in folded form (see :func:`_fold`):
    one of ``texts`` (None when unknown or too many); a string that starts with one of
    ``prefixes`` and ends with one of ``suffixes`` (``{""}`` says nothing); a string
    that contains one of ``needles`` (None says nothing)."""

    texts: frozenset[str] | None
    prefixes: frozenset[str]
    suffixes: frozenset[str]
    needles: frozenset[str] | None


_BLANK = frozenset({""})
_NOTHING = _Shape(_BLANK, _BLANK, _BLANK, None)
_ANYTHING = _Shape(None, _BLANK, _BLANK, None)
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT}
# What a pattern may use for its matches to be found window by window (no lookaround,
# no back reference: a match depends only on its own characters and their neighbours).
_WINDOWABLE = {
    _sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.IN, _sre.AT, _sre.BRANCH,
    _sre.SUBPATTERN, _sre.ATOMIC_GROUP, *_REPEATS,
}  # fmt: skip


def _fold(text: str) -> str | None:
    """Lower-case ``text`` character for character, so that whatever a pattern's literal
    matches case-insensitively folds to that literal's folded form; None if a character
    would fold to more than one."""
    if not text.isascii():
        for char, plain in _ASCII_LOOKALIKES.items():
            text = text.replace(char, plain)
    folded = text.lower()
    return folded if len(folded) == len(text) else None


def _folded_char(code: int) -> str | None:
    """A pattern literal in folded form, or None when folding cannot stand for it: a
    non-ASCII character with case variants may match characters other than itself."""
    char = chr(code)
    if char.isascii():
        return char.lower()
    if char not in _ASCII_LOOKALIKES and char.lower() == char == char.upper():
        return char
    return None


def _shape(items: Iterable[tuple]) -> _Shape:
    """The shape of a sequence of parsed pattern items."""
    shape = _NOTHING
    for op, av in items:
        shape = _concat(shape, _item_shape(op, av))
    return shape


def _item_shape(op: object, av: object) -> _Shape:
    if op is _sre.LITERAL:
        char = _folded_char(av)
        return _ANYTHING if char is None else _Shape(*[frozenset({char})] * 4)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return _NOTHING  # consumes nothing
    if op is _sre.SUBPATTERN:
        return _shape(av[-1])
    if op is _sre.ATOMIC_GROUP:
        return _shape(av)
    if op is _sre.BRANCH:
        shapes = [_shape(alt) for alt in av[1]]
        texts = None
        if all(s.texts is not None for s in shapes):
            texts = frozenset().union(*(s.texts for s in shapes))
            texts = texts if len(texts) <= _MAX_STRINGS else None
        needles = None
        if all(s.needles for s in shapes):
            needles = frozenset().union(*(s.needles for s in shapes))
        return _Shape(
            texts,
            frozenset().union(*(s.prefixes for s in shapes)),
            frozenset().union(*(s.suffixes for s in shapes)),
            needles,
        )
    if op in _REPEATS:
        low, high, item = av
        inner = _shape(item)
        if low == 0 and high == 1 and inner.texts is not None:
            texts = inner.texts | _BLANK
            return _Shape(texts, texts, texts, None)
        if low >= 1:
            texts = inner.texts if low == high == 1 else None
            return _Shape(texts, inner.prefixes, inner.suffixes, inner.needles)
    return _ANYTHING


def _joined(heads: frozenset[str], tails: frozenset[str]) -> frozenset[str] | None:
    """Every head followed by every tail, or None when that makes too many strings."""
    if len(heads) * len(tails) > _MAX_STRINGS:
        return None
    return frozenset(a + b for a in heads for b in tails)


def _concat(first: _Shape, then: _Shape) -> _Shape:
    """The shape of a match of ``first`` followed by a match of ``then``."""
    texts = prefixes = None
    if first.texts is not None:
        if then.texts is not None:
            texts = _joined(first.texts, then.texts)
        prefixes = _joined(first.texts, then.prefixes) or first.texts
    suffixes = None
    if then.texts is not None:
        suffixes = _joined(first.suffixes, then.texts) or then.texts
    prefixes = prefixes or first.prefixes
    suffixes = suffixes or then.suffixes
    across = _joined(first.suffixes, then.prefixes)
    needles = _best(first.needles, then.needles, prefixes, suffixes, across)
    return _Shape(texts, prefixes, suffixes, needles)


def _best(*choices: frozenset[str] | None) -> frozenset[str] | None:
    """The set of strings quickest to look for: the longest shortest string (beyond five
    characters, length hardly makes a string rarer), then the fewest strings."""
    usable = [c for c in choices if c and "" not in c]
    return max(usable, key=lambda c: (min(_shortest(c), 5), -len(c), _shortest(c)), default=None)


def _shortest(strings: Iterable[str]) -> int:
    return min(map(len, strings), default=0)


def _parse(pattern: re.Pattern[str]) -> _sre.SubPattern | None:
    try:
        return _sre.parse(pattern.pattern, pattern.flags)
    except Exception:  # an unforeseen construct: no screen
        return None


def _alternatives(tree: _sre.SubPattern) -> list[_sre.SubPattern]:
    """The top-level alternatives of a parsed pattern, through enclosing groups and
    assertions such as a ``^`` shared by all alternatives (they consume nothing)."""
    items = [(op, av) for op, av in tree.data if op is not _sre.AT]
    if len(items) == 1:
        op, av = items[0]
        if op is _sre.BRANCH:
            return [alt for branch in av[1] for alt in _alternatives(branch)]
        if op is _sre.SUBPATTERN:
            return _alternatives(av[-1])
    return [tree]


def _windowable(items: Iterable[tuple]) -> bool:
    for op, av in items:
        if op not in _WINDOWABLE:
            return False
        if op is _sre.SUBPATTERN:
            inner = [av[-1]]
        elif op is _sre.BRANCH:
            inner = av[1]
        elif op in _REPEATS:
            inner = [av[2]]
        elif op is _sre.ATOMIC_GROUP:
            inner = [av]
        else:
            continue
        if not all(_windowable(sub) for sub in inner):
            return False
    return True


def _minimal(strings: Iterable[str]) -> tuple[str, ...]:
    """Drop the strings that contain another one: finding the shorter is enough."""
    ordered = sorted(set(strings), key=len)
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return tuple(kept)


def _find_all(text: str, needles: Iterable[str]) -> list[int]:
    """Every position where one of the needles begins."""
    found = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    return found


@dataclass(frozen=True)
class _Screen:
    """Strings that furniture matches must hold, to be looked for in folded text.

    An anchored match on a line begins with one of ``prefixes`` or, for patterns
    without a telling prefix, contains one of ``inside``. A floating match contains one
    of ``needles`` and is at most ``width`` characters long, so it is found by searching
    a window around each place a needle occurs.
    """

    prefixes: tuple[str, ...]
    inside: tuple[str, ...]
    line_start: re.Pattern[str] | None
    needles: tuple[str, ...]
    width: int
    floating: re.Pattern[str] | None

    def anchored_hits(self, folded: str) -> list[int]:
        """Positions on every line where an anchored pattern might match."""
        hits = _find_all(folded, self.inside)
        if self.prefixes:
            if folded.startswith(self.prefixes):
                hits.append(0)
            hits.extend(m.end() for m in self.line_start.finditer(folded))
        return hits

    def floating_starts(self, text: str, folded: str) -> list[int]:
        """Where the matches of the floating patterns' ``finditer`` over ``text`` begin,
        found window by window.

        Let ``h`` be the first needle occurrence at or after ``pos``, where the last
        match ended. The next match holds an occurrence at or after ``h`` and spans at
        most ``width`` characters, so it begins at or after ``h - width``; if it begins
        by ``h`` it ends by ``h + width``, and a search bounded one character further
        finds it exactly as an unbounded search would. Otherwise no match begins in
        ``[pos, h]`` and the scan goes on from ``h + 1``.
        """
        hits = sorted(set(_find_all(folded, self.needles)))
        search, width = self.floating.search, self.width
        starts: list[int] = []
        pos = 0
        for hit in hits:
            if hit < pos:
                continue
            found = search(text, max(pos, hit - width), hit + width + 1)
            if found is not None and found.start() <= hit:
                starts.append(found.start())
                pos = found.end()  # past this needle occurrence, which the match holds
            else:
                pos = hit + 1
        return starts


@lru_cache(maxsize=16)
def _screen(anchored: re.Pattern[str] | None, floating: re.Pattern[str] | None) -> _Screen | None:
    """The screen for a set of furniture patterns, or None when one cannot be built."""
    prefixes: set[str] = set()
    inside: set[str] = set()
    if anchored is not None:
        tree = _parse(anchored)
        if tree is None:
            return None
        for alternative in _alternatives(tree):
            shape = _shape(alternative)
            # A line holds no line break: strings with one can never be found in it.
            starts = {s for s in shape.prefixes if "\n" not in s}
            needles = {s for s in shape.needles or () if "\n" not in s}
            start, within = _shortest(shape.prefixes), _shortest(shape.needles or ())
            if start >= 2 or (start == 1 and within < 3):
                prefixes |= starts
            elif within >= 3:
                inside |= needles
            else:
                return None  # it may match anywhere: every line must be tried
    needles: tuple[str, ...] = ()
    width, multiline = 0, None
    if floating is not None:
        tree = _parse(floating)
        if tree is None or not _windowable(tree.data):
            return None
        shape = _shape(tree.data)
        shortest, width = tree.getwidth()
        if not shape.needles or _shortest(shape.needles) < 3 or shortest < 1:
            return None
        if width > _MAX_WIDTH:
            return None
        needles = _minimal(shape.needles)
        multiline = re.compile(floating.pattern, floating.flags | re.MULTILINE)
    ordered: list[str] = []
    for prefix in sorted(prefixes):  # those that begin with another one are redundant
        if not ordered or not prefix.startswith(ordered[-1]):
            ordered.append(prefix)
    line_start = re.compile("\n" + trie_pattern(ordered)) if ordered else None
    return _Screen(tuple(ordered), _minimal(inside), line_start, needles, width, multiline)


def load_patterns(path: Path | None = None) -> Furniture:
    """Read the furniture patterns: one case-insensitive regular expression per line,
    ``#`` starts a comment. A malformed line is an InputError naming its number."""
    path = path or paths.BOILERPLATE
    anchored, floating = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            re.compile(line, re.IGNORECASE)
        except re.error as err:
            raise InputError(f"{path} line {number} is not a valid pattern ({err}).") from None
        (anchored if _anchored_at_start(line) else floating).append(f"(?:{line})")
    return Furniture(*(re.compile("|".join(group), re.IGNORECASE) if group else None
                       for group in (anchored, floating)))


def _anchored_at_start(pattern: str) -> bool:
    """True when every match of the pattern must begin at the start of the line: it
    opens with ``^`` and has no ``|`` outside brackets."""
    if not pattern.startswith("^"):
        return False
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return False
        i += 1
    return True


_NEWLINE = re.compile("\n")


def is_furniture(line: str, patterns: Furniture | None) -> bool:
    """True when a short line matches a furniture pattern (comment, share, donate …)."""
    if patterns is None or len(line.split(None, MAX_FURNITURE_WORDS)) > MAX_FURNITURE_WORDS:
        return False
    return patterns.matches(line)


def find_byline(paragraph: str) -> str | None:
    """Return the author's name when a paragraph is a byline ("By …", "Submitted by …")."""
    if len(paragraph) > 160:
        return None
    match = _BYLINE.match(paragraph)
    if not match:
        return None
    name = match.group("name").strip(" .,;:")
    words = name.split()
    if not words or not all(_NAME_WORD.match(w) for w in words) or words[-1] in {"and", "&"}:
        return None
    return name


def is_title(paragraph: str) -> bool:
    """A short single line without final punctuation (an ellipsis, ? or ! is allowed)."""
    return (
        "\n" not in paragraph
        and 0 < len(paragraph.split(None, MAX_TITLE_WORDS)) <= MAX_TITLE_WORDS
        and bool(_TITLE_END_OK.search(paragraph))
        and any(ch.isalpha() for ch in paragraph)
    )


def clean_text(
    raw: str,
    patterns: Furniture | None,
    *,
    detect_title: bool = True,
    detect_byline: bool = True,
) -> Cleaned:
    """Clean raw text into a body of paragraphs and what was recognised around it.

    The title is the first paragraph when it looks like a headline; a byline in the
    first three or last six paragraphs gives the author; furniture paragraphs
    (matched by ``patterns``) are removed wherever they stand. Everything taken out
    except the title is listed in ``removed``.

    >>> clean_text("Title\\n\\nBody text.\\n\\nBy Ann Lee", None).author
    'Ann Lee'
    """
    text = normalise_whitespace(raw)
    cleaned = Cleaned(body="")
    spans = patterns.candidate_spans(text) if patterns is not None else {}
    furniture = []
    for number, (start, end) in sorted(spans.items()):
        line = text[start:end]
        if line and is_furniture(line, patterns):
            cleaned.removed.append(line)
            furniture.append(number)
    if furniture:
        text = _drop_lines(text, furniture)
    paragraphs = _paragraphs(text)
    if detect_title and len(paragraphs) > 1 and is_title(paragraphs[0]):
        cleaned.title = paragraphs.pop(0)
    if detect_byline:
        n = len(paragraphs)
        for i in sorted({*range(min(3, n)), *range(max(n - 6, 0), n)}):
            name = find_byline(paragraphs[i])
            if name:
                cleaned.author = name
                cleaned.removed.insert(0, paragraphs.pop(i))
                break
    cleaned.body = "\n\n".join(paragraphs)
    return cleaned


def _drop_lines(text: str, numbers: list[int]) -> str:
    """Take the numbered lines out of a text. Where paragraphs are blank-line separated,
    a removed line still separates its neighbours, so they are not glued together."""
    lines = text.split("\n")
    if "\n\n" in text:
        for number in numbers:
            lines[number] = ""
    else:
        for number in reversed(numbers):
            del lines[number]
    return "\n".join(lines)


def _paragraphs(text: str) -> list[str]:
    """:func:`~discourse_workbook.segment.split_paragraphs` for normalised text, in a few
    whole-text passes: its lines are already trimmed and hold no other whitespace than
    single spaces, so a blank line is two line breaks in a row and a paragraph is its
    lines joined by spaces."""
    blank = "\n\n" in text
    text = text.strip("\n")
    if not text:
        return []
    if not blank:
        return text.split("\n")
    return _BLANK_LINES.sub("\0", text).replace("\n", " ").split("\0")


_BLANK_LINES = re.compile("\n\n+")


_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^\n]{0,2000}?\S)\1")


def strip_markdown(text: str) -> str:
    """Turn Markdown into plain text: headings, links, images and bold markers go."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def extract_html(html: str) -> dict[str, str | None]:
    """Return the main text (paragraphs separated by blank lines), title, author and
    date of a web page; navigation, comments and scripts are left out."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    if result is not None and not isinstance(result, dict):
        result = result.as_dict()
    if result and (result.get("text") or "").strip():
        text = "\n\n".join(line for line in result["text"].split("\n") if line.strip())
        return {
            "text": text,
            "title": result.get("title"),
            "author": result.get("author"),
            "date": result.get("date"),
        }
    return _extract_html_fallback(html)


def _extract_html_fallback(html: str) -> dict[str, str | None]:
    """Text of the paragraphs of a small page that the main-text extractor declines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "form"]):
        tag.decompose()
    blocks = [p.get_text(" ", strip=True) for p in soup.find_all(["p", "h1", "h2", "h3", "li"])]
    if not any(blocks):
        blocks = [soup.get_text("\n", strip=True)]
    title = soup.title.get_text(strip=True) if soup.title else None
    return {
        "text": "\n\n".join(b for b in blocks if b),
        "title": title or None,
        "author": None,
        "date": None,
    }


# --------------------------------------------------------------------------- sources


def iter_files(sources: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Expand sources into files: a file as given, a folder into its supported files
    (sorted, recursive; hidden files and other file types ignored). Folders that loop
    back through a symlink or cannot be read, and pipes or devices among a folder's
    files (reading one would block or never end), are reported as :class:`Skipped`.

    A named path that does not exist is an :class:`InputError`.
    """
    for source in sources:
        path = Path(source)
        if not path.exists():
            kind = "link that points nowhere" if path.is_symlink() else "path"
            raise InputError(f"{path} does not exist (no such {kind}).")
        if path.is_dir():
            yield from _walk_folder(path)
        else:
            yield path


def _walk_folder(root: Path) -> Iterator[Path | Skipped]:
    seen: set[tuple[int, int]] = set()

    def walk(folder: Path) -> Iterator[Path | Skipped]:
        try:
            stat = folder.stat()
            key = (stat.st_dev, stat.st_ino)
            if key in seen:
                yield Skipped(
                    str(folder), "is a folder link that loops back to a folder already read"
                )
                return
            seen.add(key)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            yield Skipped(str(folder), f"is a folder that cannot be read ({err.strerror or err})")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(path)
            elif not path.exists():
                yield Skipped(str(path), "is a link that points nowhere")
            elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            elif not path.is_file():
                yield Skipped(str(path), "is not a regular file (a pipe, socket or device)")
            else:
                yield path

    yield from walk(root)


@dataclass(frozen=True)
class FileRef:
    """A text, Markdown or HTML file not read yet, and the ``doc_id`` it will get.

    Listing files is cheap and reading them is not, so a corpus is listed in one
    process and each file is read and cleaned by whichever process analyses it.
    """

    path: Path
    doc_id: str
    size: int


def iter_units(
    sources: Iterable[str | Path] | None = None,
    *,
    patterns: Furniture | None = None,
) -> Iterator[FileRef | dict | Skipped]:
    """Yield what makes up the sources, lazily: a :class:`FileRef` per text file, a
    cleaned record per row of a CSV/JSONL table, a :class:`Skipped` per thing that
    cannot be read. ``doc_id`` is unique across the sources. No sources means the
    default article."""
    sources = list(sources) if sources else [paths.DEFAULT_ARTICLE]
    seen: set[str] = set()
    for item in iter_files(sources):
        if isinstance(item, Skipped):
            yield item
        elif item.suffix.lower() in TABLE_SUFFIXES:
            patterns = load_patterns() if patterns is None else patterns
            for record in _catch(_records_from_table, item, patterns):
                if isinstance(record, dict):
                    record["doc_id"] = _unique_id(record["doc_id"], item, seen)
                yield record
        else:
            size = item.stat().st_size if item.exists() else 0
            yield FileRef(item, _unique_id(item.stem, item, seen), size)


def read_document(ref: FileRef, patterns: Furniture | None = None) -> dict | Skipped:
    """Read and clean one file into a document record, or say why it cannot be read."""
    patterns = load_patterns() if patterns is None else patterns
    (record,) = _catch(_record_from_file, ref.path, patterns)
    if isinstance(record, dict):
        record["doc_id"] = ref.doc_id
    return record


def iter_documents(
    sources: Iterable[str | Path] | None = None,
    *,
    patterns: Furniture | None = None,
) -> Iterator[dict | Skipped]:
    """Yield one cleaned document record per file or table row, lazily, or a
    :class:`Skipped` for each one that cannot be read. No sources means the
    default article.

    A record has ``doc_id, source, title, author, date, encoding, text, removed``;
    ``doc_id`` is unique across the sources.
    """
    patterns = load_patterns() if patterns is None else patterns
    for unit in iter_units(sources, patterns=patterns):
        yield read_document(unit, patterns) if isinstance(unit, FileRef) else unit


def _catch(read, path: Path, patterns: Furniture) -> list[dict | Skipped]:
    """Run a reader; an InputError about the file becomes a Skipped with its reason."""
    try:
        return list(read(path, patterns))
    except InputError as err:
        message = str(err).rstrip(".")
        return [Skipped(str(path), message.removeprefix(f"{path} "))]


def _unique_id(doc_id: str, path: Path, seen: set[str]) -> str:
    """Keep ids unique: a clash is prefixed with the file stem, then numbered."""
    candidate = doc_id
    if candidate in seen:
        candidate = (
            f"{path.stem}/{doc_id}" if doc_id != path.stem else f"{path.parent.name}/{doc_id}"
        )
    base, k = candidate, 2
    while candidate in seen:
        candidate, k = f"{base}-{k}", k + 1
    seen.add(candidate)
    return candidate


def _records_from_table(path: Path, patterns: Furniture | None) -> Iterator[dict | Skipped]:
    text, encoding = read_text(path)
    suffix = path.suffix.lower()
    table = _read_jsonl(text, path) if suffix in {".jsonl", ".ndjson"} else _read_csv(text, path)
    yield from _records_from_rows(table, path, encoding, patterns)


def _record_from_file(path: Path, patterns: Furniture | None) -> Iterator[dict]:
    text, encoding = read_text(path)
    suffix = path.suffix.lower()
    meta: dict[str, str | None] = {"title": None, "author": None, "date": None}
    if suffix in HTML_SUFFIXES:
        meta = extract_html(text)
        text = meta["text"] or ""
    elif suffix in {".md", ".markdown"}:
        text = strip_markdown(text)
    cleaned = clean_text(text, patterns, detect_title=meta["title"] is None)
    if not cleaned.body.strip():
        raise InputError(f"{path} has no body text left after cleaning.")
    yield {
        "doc_id": path.stem,
        "source": str(path),
        "title": meta["title"] or cleaned.title,
        "author": meta["author"] or cleaned.author,
        "date": meta["date"],
        "encoding": encoding,
        "text": cleaned.body,
        "removed": cleaned.removed,
    }


def _read_csv(text: str, path: Path) -> tuple[list[str], list[dict]]:
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        reason = str(err).strip().splitlines()[0].rstrip(".")
        raise InputError(f"{path} is not a readable CSV table ({reason}).") from None
    return [str(c) for c in frame.columns], frame.to_dict("records")


def _read_jsonl(text: str, path: Path) -> tuple[list[str], list[dict]]:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise InputError(f"{path} line {number} is not valid JSON.") from None
        if not isinstance(row, dict):
            raise InputError(f"{path} line {number} is not a JSON object.")
        rows.append(row)
    columns = list(dict.fromkeys(key for row in rows for key in row))
    return columns, rows


def _records_from_rows(
    table: tuple[list[str], list[dict]],
    path: Path,
    encoding: str,
    patterns: Furniture | None,
) -> Iterator[dict | Skipped]:
    columns, rows = table
    if "text" not in columns:
        found = ", ".join(columns[:8]) or "none"
        raise InputError(f"{path} has no 'text' column (its columns: {found}).")
    for number, row in enumerate(rows):
        doc_id = _cell(row.get("doc_id")) or str(number)
        text = _cell(row.get("text"))
        cleaned = clean_text(text or "", patterns, detect_title=False, detect_byline=False)
        if not cleaned.body.strip():
            yield Skipped(f"{path}#{number}", "has no text")
            continue
        yield {
            "doc_id": doc_id,
            "source": f"{path}#{number}",
            "title": _cell(row.get("title")),
            "author": _cell(row.get("author")),
            "date": _cell(row.get("date")),
            "encoding": encoding,
            "text": cleaned.body,
            "removed": cleaned.removed,
        }


def _cell(value: object) -> str | None:
    """A table cell as text, or None when it is missing or blank."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def load_documents(
    sources: Iterable[str | Path] | None = None,
    *,
    patterns: Furniture | None = None,
) -> pd.DataFrame:
    """Load and clean every readable document into one table (one row per document).

    Unreadable documents are left out; :func:`iter_documents` reports them.

    >>> load_documents().loc[0, "author"]
    'Alastair Crooke'
    """
    records = [r for r in iter_documents(sources, patterns=patterns) if isinstance(r, dict)]
    columns = ["doc_id", "source", "title", "author", "date", "encoding", "text", "removed"]
    return pd.DataFrame(records, columns=columns)
