"""Regular-expression building blocks."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from discourse_workbook.patterns import trie_pattern


def test_trie_matches_each_string_whole_and_the_longest_first():
    words = ["war", "warm", "warmth", "west", "w.e.s.t"]
    pattern = re.compile(trie_pattern(words))
    for word in words:
        assert pattern.fullmatch(word)
    assert pattern.match("warmthless").group() == "warmth"
    assert not pattern.fullmatch("wa") and not pattern.fullmatch("wxsxt")


def test_trie_characters_can_stand_for_patterns():
    pattern = re.compile(trie_pattern(["the West"], {" ": r"\s+"}))
    assert pattern.fullmatch("the \n West")


def test_a_trie_of_nothing_matches_nothing_but_the_empty_string():
    assert trie_pattern([]) == ""
    assert re.compile(trie_pattern([""])).fullmatch("")


@given(st.lists(st.text(alphabet="ab.*", min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet="ab.*", max_size=6))
def test_trie_matches_what_an_alternation_longest_first_matches(words, text):
    alternation = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
    found, expected = re.match(trie_pattern(words), text), re.match(alternation, text)
    assert (found and found.group()) == (expected and expected.group())
