"""Every editable list the workbook uses, loaded in one place.

The lists ship inside the package (so an installed wheel has them) as plain text files an
analyst can copy, edit and pass back (``--actors my-actors.yaml``):

- ``actors.yaml``: the actor lexicon (see :mod:`.actor_lexicon`);
- ``stopwords_en.txt``: NLTK's English stopword list and the function words it lacks;
- ``abbreviations.txt``: abbreviations after which a full stop ends no sentence;
- ``boilerplate.txt``: web-page furniture, one regular expression a line.

A sentiment lexicon (``--sentiment-lexicon``) adjusts VADER's own lexicon for one analysis;
none is used by default. ``examples/`` holds an example of one, never read unless named
(:func:`load_sentiment_lexicon`).

Each loader takes an optional path (a user's copy) and otherwise reads the shipped file;
:func:`lists_used` names the files an analysis read, for the manifest.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from ..errors import InputError

ACTORS = "actors.yaml"
STOPWORDS = "stopwords_en.txt"
ABBREVIATIONS = "abbreviations.txt"
BOILERPLATE = "boilerplate.txt"
EXAMPLE_SENTIMENT_LEXICON = "examples/security_lexicon.txt"
MAX_VALENCE = 4.0  # VADER's scale: -4 (most negative) to +4 (most positive)


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


def load_sentiment_lexicon(path: str | Path) -> dict[str, float]:
    """Return the VADER entries a lexicon file sets, ``{word: valence}``, checked.

    One word and its valence a line, separated by a tab (as in VADER's own
    ``vader_lexicon.txt``, whose further columns are ignored, so its lines can be copied),
    a comma or spaces; ``#`` starts a comment line. Words are lower-cased, as VADER looks
    them up. A valence runs from −4 to +4, as in VADER's lexicon; 0 neutralises a word:
    the analyser then reads it as a word VADER does not know (a lexicon word valued 0
    would still take valence from a booster before it or from capitals). A line that is
    not a single word and a number, a valence outside −4…+4, or a word given twice is an
    :class:`InputError` naming the file and the line.

    >>> load_sentiment_lexicon(shipped(EXAMPLE_SENTIMENT_LEXICON))["security"]
    0.0
    """
    path = Path(path)
    entries: dict[str, float] = {}
    lines: dict[str, int] = {}
    for number, line in read_lines(path):
        word, valence = _lexicon_entry(line, f"{path} line {number}")
        if word in entries:
            raise InputError(f"{path} line {number} gives {word!r} again (first on line "
                             f"{lines[word]}).")
        entries[word], lines[word] = valence, number
    return entries


def _lexicon_entry(line: str, where: str) -> tuple[str, float]:
    """The word and valence of one lexicon line (``where`` names it in errors)."""
    if "\t" in line:
        parts = line.split("\t")[:2]
    elif "," in line:
        parts = line.split(",")
        if len(parts) > 2:
            raise InputError(f"{where} holds more than one comma ({line!r}); give the word "
                             "and its valence separated by a tab when the word holds a comma.")
    else:
        parts = line.split()
    parts = [part.strip() for part in parts]
    if len(parts) != 2 or not parts[0] or len(parts[0].split()) != 1:
        raise InputError(f"{where} is not one word and its valence separated by a tab, a "
                         f"comma or a space ({line!r}).")
    word, value = parts
    try:
        valence = float(value.replace("\u2212", "-"))  # a typographic minus too
    except ValueError:
        valence = math.nan
    if not -MAX_VALENCE <= valence <= MAX_VALENCE:
        raise InputError(f"{where} gives {word!r} the valence {value!r}; a valence is a number "
                         "from -4 (most negative) to +4 (most positive), 0 to neutralise it.")
    return word.lower(), valence + 0.0  # -0 is 0


def lists_used(actors: str | Path | None = None,
               sentiment_lexicon: str | Path | None = None) -> dict[str, Path]:
    """Return the list files an analysis reads, by role: the actor lexicon (``actors``
    or the shipped one), the stopwords, the abbreviations, the furniture patterns and,
    when one is given, the sentiment lexicon that adjusts VADER's.

    >>> sorted(lists_used())
    ['abbreviations', 'actors', 'boilerplate', 'stopwords']
    """
    used = {
        "actors": Path(actors) if actors else shipped(ACTORS),
        "stopwords": shipped(STOPWORDS),
        "abbreviations": shipped(ABBREVIATIONS),
        "boilerplate": shipped(BOILERPLATE),
    }
    if sentiment_lexicon:
        used["sentiment_lexicon"] = Path(sentiment_lexicon)
    return used
