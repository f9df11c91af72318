"""N-grams and collocations, counted inside sentences."""

from __future__ import annotations

import pytest
from small_tables import tables_of

from discourse_workbook.resources import load_stopwords
from discourse_workbook.stats.collocations import count_ngrams, find_collocations

# --------------------------------------------------------------------------- n-grams


def test_ngrams_stay_inside_sentences_and_drop_stopword_grams():
    # the war in ukraine | the war ended | most of the war
    # bigrams: the war x3, war in, in ukraine, war ended, of the war... "of the", "most of"
    # are stopwords only; "ukraine the" and "ended most" would cross sentences.
    sentences = tables_of("The war in Ukraine. The war ended. Most of the war.").sentences
    grams = count_ngrams(sentences)
    counts = dict(zip(grams["ngram"], grams["count"], strict=True))
    assert counts["the war"] == 3
    assert counts["war in"] == counts["in ukraine"] == counts["war ended"] == 1
    assert "ukraine the" not in counts and "ended most" not in counts
    assert "of the" not in counts and "most of" not in counts and "most of the" not in counts
    assert counts["of the war"] == 1 and counts["the war ended"] == 1
    assert grams.iloc[0]["ngram"] == "the war"
    assert set(count_ngrams(sentences, n=3)["n"]) == {3}


def test_ngrams_of_the_article_never_cross_a_sentence(article):
    grams = count_ngrams(article.sentences, n=2, stopwords=frozenset())
    possible = (article.sentences["n_tokens"] - 1).clip(lower=0).sum()
    assert grams["count"].sum() == possible


def test_ngrams_for_a_corpus_count_documents():
    sentences = tables_of("The war ended.", "The war ended. War ended.").sentences
    corpus = count_ngrams(sentences, n=2, by="corpus").set_index("ngram")
    assert corpus.loc["war ended", "count"] == 3 and corpus.loc["war ended", "documents"] == 2


# --------------------------------------------------------------------------- collocations


def test_collocations_by_hand():
    # new york is big | new york is old | old york: N = 10 words, new 2, york 3.
    # new york: 2 pairs. PMI = log2(2 * 10 / (2 * 3)) = 1.737.
    # G²: table [[2, 0], [1, 7]], expected [[.6, 1.4], [2.4, 5.6]]:
    # 2 * (2 ln(2/.6) + 1 ln(1/2.4) + 7 ln(7/5.6)) = 6.189.
    sentences = tables_of("New York is big. New York is old. Old York.").sentences
    table = find_collocations(sentences, min_count=1)
    pairs = table.set_index(["word1", "word2"])
    assert pairs.loc[("new", "york"), "count"] == 2
    assert pairs.loc[("new", "york"), "pmi"] == pytest.approx(1.7370, abs=1e-3)
    assert pairs.loc[("new", "york"), "g2"] == pytest.approx(6.189, abs=1e-3)
    assert ("big", "new") not in pairs.index and ("old", "old") not in pairs.index
    frequent = find_collocations(sentences, min_count=2)
    assert set(frequent["collocation"]) == {"new york", "york is"}
    content = find_collocations(sentences, min_count=2, ignore_stopwords=True)
    assert list(content["collocation"]) == ["new york"]


def test_collocations_of_the_article_are_filtered_and_sorted(article):
    table = find_collocations(article.sentences, min_count=3, ignore_stopwords=True)
    stop = load_stopwords()
    assert len(table) > 5
    assert (table["count"] >= 3).all()
    assert not (table["word1"].isin(stop) | table["word2"].isin(stop)).any()
    assert table["g2"].is_monotonic_decreasing
    assert ((table["p"] > 0) & (table["p"] < 1)).all()
