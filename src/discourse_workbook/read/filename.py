"""What a file's name says of its document: a leading year or ISO date, and an author.

Corpora are often named by date and author: ``1945-Truman.txt``, ``1790-Washington-1.txt``
(the first of that year's texts by Washington), ``2024-06-12-reuters.txt``. Reading these
names gives a corpus its ``date`` and ``author`` columns, so that documents can be
compared by year, decade or author without a separate metadata table. Reading records
them with each file's raw document (``from_name``); cleaning uses them only where the
page's metadata and the text's own header give none.

The rules are deliberately narrow, so that a name is never misread as metadata:

- the date must lead the name: a year (1000–2199), ``YYYY-MM`` or ``YYYY-MM-DD``
  (also written ``YYYYMMDD`` or with ``_`` or ``.``), followed by a separator or the end;
  a month or day that does not exist ends the date there (``2024-13-x`` is 2024);
- the author is what follows the date, less a trailing copy number (``-1``, ``_2``), when
  it reads as a name: one word (``Truman``, ``reuters``), or two to four words that each
  begin with a capital (``John-Quincy-Adams`` → "John Quincy Adams"). Several words in
  lower case read as a title (``2024-06-12-russia-sanctions``) and give no author;
- a name without a leading date gives nothing: ``Washington.txt`` may be a title.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import PurePath

import pandas as pd

# suffixes removed before reading a name (a dot elsewhere belongs to the name: "J.Q.Adams")
NAME_SUFFIXES = frozenset({
    ".txt", ".text", ".md", ".markdown", ".rst", ".html", ".htm", ".xhtml", ".xml",
})  # fmt: skip
FIRST_YEAR, LAST_YEAR = 1000, 2199
MAX_NAME_WORDS = 4

_DATE = re.compile(
    r"(?P<year>\d{4})"
    r"(?:(?P<sep>[-_.]?)(?P<month>\d{2})(?:(?P=sep)(?P<day>\d{2}))?)?"
    r"(?=$|[-_.\s])"
)
_SEPARATORS = re.compile(r"[-_\s]+")
_COPY_NUMBER = re.compile(r"[-_\s]+\d{1,3}$")
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.])*")  # letters, with inner apostrophes or dots


def metadata_from_name(name: str | PurePath) -> dict[str, str]:
    """Return ``{"date": ..., "author": ...}`` read from a file name or path (each ``""``
    when the name does not give it). The date is ISO text at the precision written.

    >>> metadata_from_name("1945-Truman.txt")
    {'date': '1945', 'author': 'Truman'}
    >>> metadata_from_name("corpora/sotu/1790-Washington-1.txt")
    {'date': '1790', 'author': 'Washington'}
    >>> metadata_from_name("2024-06-12-reuters.txt")
    {'date': '2024-06-12', 'author': 'reuters'}
    >>> metadata_from_name("1825-John-Quincy-Adams.txt")
    {'date': '1825', 'author': 'John Quincy Adams'}
    >>> metadata_from_name("2024-06-12-russia-sanctions-analysis.txt")
    {'date': '2024-06-12', 'author': ''}
    >>> metadata_from_name("Washington.txt")
    {'date': '', 'author': ''}
    """
    stem = _stem(name)
    date, rest = _leading_date(stem)
    if not date:
        return {"date": "", "author": ""}
    return {"date": date, "author": _author(rest)}


def _stem(name: str | PurePath) -> str:
    """The file name without its folder and without a text suffix."""
    base = PurePath(str(name)).name.strip()
    suffix = PurePath(base).suffix
    return base[: -len(suffix)] if suffix.lower() in NAME_SUFFIXES else base


def _leading_date(stem: str) -> tuple[str, str]:
    """The ISO date at the start of ``stem`` ("" when none) and the text after it."""
    match = _DATE.match(stem)
    if not match or not FIRST_YEAR <= int(match["year"]) <= LAST_YEAR:
        return "", stem
    year = int(match["year"])
    parts = [match["year"]]
    end = match.end("year")
    if match["month"] and 1 <= int(match["month"]) <= 12:
        parts.append(match["month"])
        end = match.end("month")
        if match["day"] and _is_day(year, int(match["month"]), int(match["day"])):
            parts.append(match["day"])
            end = match.end("day")
    rest = stem[end:]
    if rest and not _SEPARATORS.match(rest[0]) and rest[0] != ".":
        return "", stem  # "1984Orwell": the digits are part of a word
    return "-".join(parts), rest.lstrip("-_. \t")


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _author(rest: str) -> str:
    """The name after the date, when it reads as a name (see the module's rules)."""
    rest = _COPY_NUMBER.sub("", rest.strip())
    words = [w for w in _SEPARATORS.split(rest) if w]
    if not words or len(words) > MAX_NAME_WORDS:
        return ""
    if not all(_WORD.fullmatch(w) for w in words):
        return ""
    if len(words) > 1 and not all(w[0].isupper() for w in words):
        return ""
    return " ".join(words)


def add_name_metadata(documents: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of the documents table with empty ``author`` and ``date`` cells
    filled from each document's file name (:func:`metadata_from_name`); values already
    there (from a byline, an HTML header or a CSV column) are kept.

    The name is the file name of ``source`` for a file; a row of a CSV or JSONL table
    (``source`` ending in ``#row``) is read from its ``doc_id`` instead, since the table's
    file name describes all its rows, not one.

    >>> docs = pd.DataFrame({"doc_id": ["1861-Lincoln"], "source": ["inaugural/1861-Lincoln.txt"],
    ...                      "author": [None], "date": [""]})
    >>> add_name_metadata(docs)[["author", "date"]].to_dict("records")
    [{'author': 'Lincoln', 'date': '1861'}]
    """
    filled = documents.copy()
    names = _names(documents)
    found = [metadata_from_name(name) for name in names]
    for column in ("author", "date"):
        current = filled[column] if column in filled.columns else pd.Series(
            [None] * len(filled), index=filled.index, dtype=object)
        values = [_text(old) or new[column] for old, new in zip(current, found, strict=True)]
        filled[column] = pd.Series(values, index=filled.index, dtype="str")
    return filled


def _names(documents: pd.DataFrame) -> Iterable[str]:
    ids = documents["doc_id"].astype(str) if "doc_id" in documents.columns else None
    sources = documents["source"] if "source" in documents.columns else None
    for i in range(len(documents)):
        source = _text(sources.iloc[i]) if sources is not None else ""
        if source and "#" not in PurePath(source).name:
            yield source
        else:
            yield ids.iloc[i] if ids is not None else ""


def _text(value: object) -> str:
    """A cell as stripped text; "" when missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()
