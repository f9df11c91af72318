"""Readability: syllables, Flesch Reading Ease and the Flesch–Kincaid grade."""

from __future__ import annotations

import pytest
from small_tables import tables_of

from discourse_workbook.stats.readability import count_syllables, readability

# --------------------------------------------------------------------------- readability


@pytest.mark.parametrize(("word", "syllables"), [
    ("cat", 1), ("table", 2), ("whale", 1), ("make", 1), ("free", 1), ("makes", 1),
    ("houses", 2), ("jumped", 1), ("wanted", 2), ("agreed", 2), ("played", 1),
    ("beautiful", 3), ("happy", 2), ("war-weary", 3), ("démarche", 2), ("2023", 1),
])  # fmt: skip
def test_count_syllables(word, syllables):
    # vowel groups, less a silent e: ta-ble keeps its -le, wha-le loses it; jump-ed (1)
    # but want-ed (2); hou-ses (2) but makes (1); war + wea-ry = 3; dé-marche = 2.
    assert count_syllables(word) == syllables


def test_readability_by_hand():
    # 2 sentences, 6 words, 7 syllables (happy = 2): 3 words/sentence, 7/6 syllables/word.
    # Reading ease = 206.835 - 1.015 * 3 - 84.6 * 7/6 = 105.09;
    # grade = 0.39 * 3 + 11.8 * 7/6 - 15.59 = -0.653.
    row = readability(tables_of("The cat sat. It was happy.").sentences).iloc[0]
    assert (row.n_sentences, row.n_tokens, row.n_syllables) == (2, 6, 7)
    assert row.flesch_reading_ease == pytest.approx(105.09)
    assert row.flesch_kincaid_grade == pytest.approx(-0.6533, abs=1e-4)


def test_readability_of_the_article_is_harder_than_a_primer(article):
    row = readability(article.sentences).iloc[0]
    assert row.n_tokens == article.terms["count"].sum()
    assert row.flesch_reading_ease < 60 and row.flesch_kincaid_grade > 8
