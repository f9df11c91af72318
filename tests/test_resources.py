"""The shipped lists and the sentiment lexicon a user gives: formats, checks, manifest roles."""

from __future__ import annotations

import pytest

from discourse_workbook.errors import InputError
from discourse_workbook.resources import (
    EXAMPLE_SENTIMENT_LEXICON,
    lists_used,
    load_sentiment_lexicon,
    shipped,
)
from discourse_workbook.sentiment import get_analyzer


def test_a_sentiment_lexicon_reads_tabs_commas_and_spaces(write):
    lexicon = write("lexicon.txt", (
        "# topic words of security policy\n"
        "Security\t0\t# VADER: 1.4\n"
        "\n"
        "peace, -0\n"
        "escalation   −1.5\n"  # a typographic minus
        ":-,\t1.1\t0.9\t[1, 1, 2]\n"  # a line copied from VADER's own lexicon
        "war,-4\n"
        "freedom 4.0\n"
    ))
    entries = load_sentiment_lexicon(lexicon)
    assert entries == {"security": 0.0, "peace": 0.0, "escalation": -1.5, ":-,": 1.1,
                       "war": -4.0, "freedom": 4.0}
    assert str(entries["peace"]) == "0.0"


@pytest.mark.parametrize(("text", "expected"), [
    ("good\n", "line 1 is not one word and its valence"),
    ("good 1 2\n", "line 1 is not one word and its valence"),
    ("\t1\n", "line 1 is not one word and its valence"),
    ("good,\n", "line 1 gives 'good' the valence ''"),
    ("# c\ngood\tnice\n", "line 2 gives 'good' the valence 'nice'"),
    ("good 4.01\n", "line 1 gives 'good' the valence '4.01'"),
    ("good nan\n", "line 1 gives 'good' the valence 'nan'"),
    ("good -inf\n", "line 1 gives 'good' the valence '-inf'"),
    ("Good 1\ngood 2\n", "line 2 gives 'good' again (first on line 1)"),
])
def test_a_malformed_sentiment_lexicon_names_the_file_and_the_line(write, text, expected):
    lexicon = write("my lexicon.txt", text)
    with pytest.raises(InputError) as error:
        load_sentiment_lexicon(lexicon)
    message = str(error.value)
    assert message.startswith(f"{lexicon} line ") and expected in message
    assert message.count("\n") == 0 and message.endswith(".")


def test_an_unreadable_sentiment_lexicon_is_one_sentence(write, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_sentiment_lexicon(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is not UTF-8"):
        load_sentiment_lexicon(write("latin.txt", "s\xe9curit\xe9 0\n".encode("latin-1")))


def test_the_example_lexicon_neutralises_the_topic_words_of_security_policy():
    entries = load_sentiment_lexicon(shipped(EXAMPLE_SENTIMENT_LEXICON))
    assert {"security", "peace", "defence", "defense"} <= set(entries)
    assert set(entries.values()) == {0.0}
    vader = get_analyzer().lexicon
    assert all(word in vader for word in entries)  # each one neutralises a VADER word


def test_the_sentiment_lexicon_is_a_list_used_only_when_given(write):
    assert "sentiment_lexicon" not in lists_used()
    lexicon = write("s.txt", "peace 0\n")
    assert lists_used(sentiment_lexicon=lexicon)["sentiment_lexicon"] == lexicon
