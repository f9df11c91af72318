"""Term frequencies: counts, rates per 1,000 words and ranks."""

from __future__ import annotations

import pytest
from small_tables import tables_of

from discourse_workbook.stats.frequencies import term_frequencies

# --------------------------------------------------------------------------- frequencies


def test_term_frequencies_rate_per_thousand_and_tied_ranks():
    # war and peace war war and more war: 8 words; war 4 -> 500 per 1,000; and 2 -> 250;
    # peace 1 and more 1 tie at rank 3.
    table = term_frequencies(tables_of("War and peace. War, war and more war.").terms)
    row = table.set_index("term")
    assert row.loc["war", "count"] == 4 and row.loc["war", "rate"] == pytest.approx(500)
    assert row.loc["and", "rate"] == pytest.approx(250)
    assert list(table["term"][:2]) == ["war", "and"]
    assert row.loc["peace", "rank"] == row.loc["more", "rank"] == 3


def test_term_frequencies_without_stopwords_keep_rates_of_all_words():
    # Hiding "and"/"more" does not change the denominator: war stays 500 per 1,000, and
    # peace moves up to rank 2.
    table = term_frequencies(tables_of("War and peace. War, war and more war.").terms,
                             stopwords=False)
    assert not table["stopword"].any()
    assert list(table["term"]) == ["war", "peace"]
    assert table["rate"].iloc[0] == pytest.approx(500)
    assert list(table["rank"]) == [1, 2]


def test_term_frequencies_for_a_corpus_sum_documents():
    # x: war war peace; y: peace peace treaty -> corpus of 6 words: peace 3 (2 documents,
    # 500 per 1,000), war 2 (1 document), treaty 1.
    terms = tables_of("War war peace.", "Peace peace treaty.").terms
    corpus = term_frequencies(terms, by="corpus").set_index("term")
    assert corpus.loc["peace", "count"] == 3 and corpus.loc["peace", "documents"] == 2
    assert corpus.loc["peace", "rate"] == pytest.approx(500)
    assert corpus.loc["war", "documents"] == 1
    per_doc = term_frequencies(terms).query("doc_id == 'd0' and term == 'war'")
    assert per_doc["rate"].iloc[0] == pytest.approx(2000 / 3)
    assert "doc_id" not in corpus.columns
    with pytest.raises(ValueError):
        term_frequencies(terms, by="paragraph")


def test_frequencies_of_the_article_add_up(article):
    table = term_frequencies(article.terms)
    assert table["rate"].sum() == pytest.approx(1000)
    assert table["count"].is_monotonic_decreasing
