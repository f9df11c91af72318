"""Vocabulary: type-token ratio, MATTR and hapaxes."""

from __future__ import annotations

import math

import pytest
from small_tables import tables_of

from discourse_workbook.stats.diversity import moving_average_ttr, vocabulary

# --------------------------------------------------------------------------- vocabulary


def test_moving_average_ttr_by_hand():
    # windows of 3 over a b a c b a: {a,b}=2/3, then 3/3, 3/3, 3/3 -> (2/3 + 3) / 4 = 11/12
    assert moving_average_ttr(list("abacba"), window=3) == pytest.approx(11 / 12)
    # a text no longer than the window gets its plain TTR: 3 types / 6 tokens
    assert moving_average_ttr(list("abacba"), window=6) == pytest.approx(0.5)
    assert math.isnan(moving_average_ttr([], window=3))


def test_vocabulary_by_hand():
    # the cat saw the dog the dog ran: 8 tokens, 5 types (TTR .625); hapaxes cat, saw, ran
    # (3 of 5 types). Windows of 4: 3/4, 4/4, 3/4, 2/4, 3/4 -> MATTR 15/20 = .75.
    sentences = tables_of("The cat saw the dog. The dog ran.").sentences
    row = vocabulary(sentences).iloc[0]
    assert (row.n_tokens, row.n_types, row.n_hapaxes) == (8, 5, 3)
    assert row.ttr == pytest.approx(0.625) and row.hapax_share == pytest.approx(0.6)
    assert row.mattr_is_ttr and row.mattr == pytest.approx(row.ttr)
    short_window = vocabulary(sentences, window=4).iloc[0]
    assert not short_window.mattr_is_ttr and short_window.mattr == pytest.approx(0.75)


def test_vocabulary_of_the_article_matches_its_terms(article):
    row = vocabulary(article.sentences).iloc[0]
    assert row.n_tokens == article.terms["count"].sum()
    assert row.n_types == len(article.terms)
    assert row.n_hapaxes == (article.terms["count"] == 1).sum()


def test_vocabulary_of_the_inaugural_corpus(inaugural_tables):
    table = vocabulary(inaugural_tables.sentences)
    assert len(table) == 59
    # Washington's second address (135 words) is shorter than the window: flagged.
    short = table.set_index("doc_id").loc["1793-Washington"]
    assert short.mattr_is_ttr and short.n_tokens < 500
    assert (table["mattr_is_ttr"] == (table["n_tokens"] < 500)).all()
    corpus = vocabulary(inaugural_tables.sentences, by="corpus").iloc[0]
    # TTR falls as a text grows; MATTR does not, so on 59 speeches it is far above TTR.
    assert corpus.ttr < 0.1 < corpus.mattr
    assert corpus.n_tokens == table["n_tokens"].sum()
