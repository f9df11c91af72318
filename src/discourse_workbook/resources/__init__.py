"""Every editable list the workbook uses, loaded in one place.

The lists ship inside the package (so an installed wheel has them) as plain text files an
analyst can copy, edit and pass back (``--actors my-actors.yaml``):

- ``actors.yaml``: the actor lexicon (see :mod:`.actor_lexicon`);
- ``stopwords_en.txt``: NLTK's English stopword list, one word a line;
- ``abbreviations.txt``: abbreviations after which a full stop ends no sentence;
- ``boilerplate.txt``: web-page furniture, one regular expression a line.

Each loader takes an optional path (a user's copy) and otherwise reads the shipped file;
:func:`lists_used` names the files an analysis read, for the manifest.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from ..errors import InputError

ACTORS = "actors.yaml"
STOPWORDS = "stopwords_en.txt"
ABBREVIATIONS = "abbreviations.txt"
BOILERPLATE = "boilerplate.txt"


def shipped(name: str) -> Path:
    """Return the path of a list shipped with the package.

    >>> shipped("stopwords_en.txt").name
    'stopwords_en.txt'
    """
    return Path(str(files(__name__) / name))


def read_lines(path: Path) -> list[tuple[int, str]]:
    """Return the ``(line number, text)`` of a list file's entries: stripped lines that
    are neither blank nor ``#`` comments."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path} does not exist.") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text.") from None
    except OSError as err:
        raise InputError(f"{path} cannot be read ({err.strerror or err}).") from None
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append((number, line))
    return entries


@lru_cache(maxsize=4)
def load_stopwords(path: Path | None = None) -> frozenset[str]:
    """Return the stopwords (case-folded): the shipped list, or the one at ``path``.

    >>> {"the", "of", "and"} <= load_stopwords()
    True
    """
    return frozenset(word.casefold() for _, word in read_lines(path or shipped(STOPWORDS)))


@lru_cache(maxsize=4)
def load_abbreviations(path: Path | None = None) -> frozenset[str]:
    """Return the abbreviations, lower case and without their final full stop.

    >>> {"mr", "u.s", "dec"} <= load_abbreviations()
    True
    """
    entries = read_lines(path or shipped(ABBREVIATIONS))
    return frozenset(line.lower().rstrip(".") for _, line in entries)


def load_boilerplate(path: Path | None = None) -> list[str]:
    """Return the furniture patterns, each checked to compile (case-insensitive); a
    malformed line is an :class:`InputError` naming its number.

    >>> any("comment" in pattern for pattern in load_boilerplate())
    True
    """
    path = path or shipped(BOILERPLATE)
    patterns = []
    for number, line in read_lines(path):
        try:
            re.compile(line, re.IGNORECASE)
        except re.error as err:
            raise InputError(f"{path} line {number} is not a valid pattern ({err}).") from None
        patterns.append(line)
    return patterns


def lists_used(actors: str | Path | None = None) -> dict[str, Path]:
    """Return the list files an analysis reads, by role: the actor lexicon (``actors``
    or the shipped one), the stopwords, the abbreviations and the furniture patterns.

    >>> sorted(lists_used())
    ['abbreviations', 'actors', 'boilerplate', 'stopwords']
    """
    return {
        "actors": Path(actors) if actors else shipped(ACTORS),
        "stopwords": shipped(STOPWORDS),
        "abbreviations": shipped(ABBREVIATIONS),
        "boilerplate": shipped(BOILERPLATE),
    }
