"""Web-page furniture: comment prompts, share lines, donation appeals, copyright lines.

The patterns are an editable list (``resources/boilerplate.txt``), one case-insensitive
regular expression a line. A line is furniture when it is short and a pattern matches it:
at most ``MAX_FURNITURE_WORDS`` words for a pattern anchored at the start of the line
(``^Share this``: the line *is* the prompt), at most ``MAX_FLOATING_WORDS`` for one that
may match anywhere in it (``\\bpaypal\\b``), so that a sentence of a story that happens to
name PayPal or a donation is never taken for an appeal. Cleaning then takes a furniture
line out only where it stands alone (see :mod:`.layout`), and lists it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..resources import load_boilerplate

MAX_FURNITURE_WORDS = 30
MAX_FLOATING_WORDS = 12


@dataclass(frozen=True)
class Furniture:
    """The furniture patterns, case-insensitive: those anchored at the start of a line
    (``^…``) are tried only there, the others searched."""

    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None

    def matches(self, line: str) -> bool:
        """Does a pattern match the line (whatever its length)?

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
    """True when a short line matches a furniture pattern: at most 30 words for a
    pattern anchored at the line's start, at most 12 for one found anywhere in it.

    >>> furniture = load_furniture()
    >>> is_furniture("Donate to keep us going", furniture)
    True
    >>> is_furniture("The club said it was continuing to donate trophies to schools.", furniture)
    False
    """
    if patterns is None:
        return False
    n_words = len(line.split(None, MAX_FURNITURE_WORDS))
    if n_words > MAX_FURNITURE_WORDS:
        return False
    if patterns.anchored is not None and patterns.anchored.match(line):
        return True
    return (n_words <= MAX_FLOATING_WORDS and patterns.floating is not None
            and patterns.floating.search(line) is not None)
