"""Regular-expression building blocks shared by the stages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping


def trie_pattern(strings: Iterable[str], chars: Mapping[str, str] | None = None) -> str:
    """A regular expression matching any of ``strings``, the longest first, with shared
    beginnings factored out so that the engine tests each character once.

    ``chars`` gives the pattern for a character where it is not the character itself
    (``{" ": r"\\s+"}``).

    >>> trie_pattern(["war", "warm", "west"])
    'w(?:ar(?:m)?|est)'
    """
    trie: dict = {}
    for s in strings:
        node = trie
        for char in s:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie, chars or {})


def _emit(node: dict, chars: Mapping[str, str]) -> str:
    branches = [chars.get(ch, re.escape(ch)) + _emit(child, chars)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    terminal = "" in node
    if len(branches) == 1 and not terminal:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if terminal else group
