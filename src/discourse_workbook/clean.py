"""Cleaning: a raw document's text made into a body of paragraphs, with what was
recognised around it (title, byline) and what was removed (web-page furniture).

Whitespace and Unicode are normalised (NFC, odd spaces made plain, invisible and control
characters dropped); the body's paragraphs are separated by one blank line. Furniture —
comment prompts, share lines, donation appeals — is removed only as whole short lines
matching the editable patterns (``resources/boilerplate.txt``), and every removal is
listed in the document's ``removed`` column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .resources import load_boilerplate
from .segment import split_paragraphs

MAX_TITLE_WORDS = 25
MAX_FURNITURE_WORDS = 30

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


@dataclass
class Cleaned:
    """A cleaned body with what was recognised and what was removed."""

    body: str
    title: str | None = None
    author: str | None = None
    removed: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- whitespace


def normalise_whitespace(text: str) -> str:
    """Return text in NFC with odd spaces made plain, invisible characters dropped,
    line ends unified and runs of spaces collapsed; line breaks are kept.

    Every line ends up without spaces at either end and without two spaces in a row.
    Pure-ASCII text, the common case, is mapped in one byte-level pass.

    >>> normalise_whitespace("Two\\u00a0 spaces\\r\\n  and a line ")
    'Two spaces\\nand a line'
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


# --------------------------------------------------------------------------- furniture


@dataclass(frozen=True)
class Furniture:
    """The furniture patterns, case-insensitive: those anchored at the start of a line
    (``^…``) are tried only there, the others searched; a line is furniture if either
    matches."""

    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None

    def matches(self, line: str) -> bool:
        """Does a pattern match the line?

        >>> load_furniture().matches("Share this article")
        True
        """
        return bool(
            (self.anchored is not None and self.anchored.match(line))
            or (self.floating is not None and self.floating.search(line))
        )


@lru_cache(maxsize=4)
def load_furniture(path: Path | None = None) -> Furniture:
    """Compile the furniture patterns (the shipped list, or the one at ``path``)."""
    anchored, floating = [], []
    for pattern in load_boilerplate(path):
        (anchored if _anchored_at_start(pattern) else floating).append(f"(?:{pattern})")
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


def is_furniture(line: str, patterns: Furniture | None) -> bool:
    """True when a short line (at most 30 words) matches a furniture pattern.

    >>> is_furniture("Donate to keep us going", load_furniture())
    True
    """
    if patterns is None or len(line.split(None, MAX_FURNITURE_WORDS)) > MAX_FURNITURE_WORDS:
        return False
    return patterns.matches(line)


# --------------------------------------------------------------------------- title, byline


def find_byline(paragraph: str) -> str | None:
    """Return the author's name when a paragraph is a byline ("By …", "Submitted by …").

    >>> find_byline("By Alastair Crooke")
    'Alastair Crooke'
    """
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
    """A short single line without final punctuation (an ellipsis, ? or ! is allowed).

    >>> is_title("The West Has Lost Russia"), is_title("It rained.")
    (True, False)
    """
    return (
        "\n" not in paragraph
        and 0 < len(paragraph.split(None, MAX_TITLE_WORDS)) <= MAX_TITLE_WORDS
        and bool(_TITLE_END_OK.search(paragraph))
        and any(ch.isalpha() for ch in paragraph)
    )


# --------------------------------------------------------------------------- the body


def clean_text(
    raw: str,
    patterns: Furniture | None,
    *,
    detect_title: bool = True,
    detect_byline: bool = True,
) -> Cleaned:
    """Clean raw text into a body of paragraphs and what was recognised around it.

    The title is the first paragraph when it looks like a headline; a byline in the
    first three or last six paragraphs gives the author; furniture lines (matched by
    ``patterns``) are removed wherever they stand. Everything taken out except the
    title is listed in ``removed``.

    >>> cleaned = clean_text("Title\\n\\nBody text.\\n\\nBy Ann Lee", None)
    >>> cleaned.title, cleaned.body, cleaned.author, cleaned.removed
    ('Title', 'Body text.', 'Ann Lee', ['By Ann Lee'])
    """
    text = normalise_whitespace(raw)
    cleaned = Cleaned(body="")
    lines = text.split("\n")
    furniture = [n for n, line in enumerate(lines) if line and is_furniture(line, patterns)]
    if furniture:
        cleaned.removed.extend(lines[n] for n in furniture)
        text = _drop_lines(text, furniture)
    paragraphs = split_paragraphs(text)
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


def clean_document(raw: dict, patterns: Furniture | None) -> dict:
    """Return the document record of a raw document (see :mod:`discourse_workbook.read`):
    its ``text`` cleaned into a body, the title and author it declares or that cleaning
    found, and ``removed``. A raw document without ``header`` (a table row) has no title
    or byline to find.

    >>> raw = {"doc_id": "a", "source": "a.txt", "title": None, "author": None,
    ...        "date": None, "encoding": "utf-8", "text": "Title\\n\\nBody.", "header": True}
    >>> clean_document(raw, None)["title"]
    'Title'
    """
    header = raw.get("header", True)
    cleaned = clean_text(raw["text"], patterns, detect_title=header and raw["title"] is None,
                         detect_byline=header)
    return {
        "doc_id": raw["doc_id"],
        "source": raw["source"],
        "title": raw["title"] or cleaned.title,
        "author": raw["author"] or cleaned.author,
        "date": raw["date"],
        "encoding": raw["encoding"],
        "repaired_bytes": raw.get("repaired", 0),
        "text": cleaned.body,
        "removed": cleaned.removed,
    }
