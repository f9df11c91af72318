"""The fast term count equals the plain one."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discourse_workbook.fast.terms import _merge_pairs, _ranked_order, count_terms_plainly
from discourse_workbook.resources import load_stopwords
from discourse_workbook.terms import count_terms, to_term


def plain_count_terms(sentences: pd.DataFrame) -> pd.DataFrame:
    return count_terms_plainly(sentences, fold=to_term, stopwords=load_stopwords())


# words that fold together or apart in awkward ways: case, dotted I, sharp s, final
# sigma, both apostrophes, possessives, contractions, hyphens, digits, initials
WORDS = st.sampled_from([
    "War", "war", "WAR", "war’s", "War's", "wars'", "it's", "It’s", "İstanbul", "istanbul",
    "STRASSE", "straße", "Straße", "ΣΟΦΟΣ", "σοφός", "σοφοσ", "peace-keeping", "peace‐keeping",
    "2023", "1990s", "U.S.", "u.s", "the", "The", "a", "A", "Ä", "ä", "z", "Z", "_", "—", "'",
])  # fmt: skip
SENTENCE_TEXTS = st.lists(WORDS, max_size=8).map(" ".join)
DOC_ID_POOLS = [
    ["b", "a", "c"], ["b", "a", None], ["a", math.nan], [3, 1, 2], [2.0, math.nan],
    [None], [math.nan], ["x", 1],
]  # fmt: skip


@st.composite
def sentence_tables(draw) -> pd.DataFrame:
    """Sentences of a few documents, given in any order, their ids possibly missing."""
    pool = draw(st.sampled_from(DOC_ID_POOLS))
    rows = draw(st.lists(st.tuples(st.sampled_from(pool), SENTENCE_TEXTS), max_size=10))
    return pd.DataFrame({"doc_id": [doc_id for doc_id, _ in rows], "para_id": 0,
                         "sent_id": range(len(rows)), "text": [text for _, text in rows]})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence_tables())
def test_counts_equal_the_plain_way(sentences):
    pd.testing.assert_frame_equal(count_terms(sentences), plain_count_terms(sentences),
                                  check_exact=True)


@pytest.mark.parametrize("texts", [[], ["…"], ["…", "War and war.", "", "—"]])
def test_counts_equal_the_plain_way_without_words(texts):
    sentences = pd.DataFrame({"doc_id": [f"d{i % 2}" for i in range(len(texts))],
                              "para_id": 0, "sent_id": range(len(texts)), "text": texts})
    pd.testing.assert_frame_equal(count_terms(sentences), plain_count_terms(sentences),
                                  check_exact=True)


def test_merge_and_order_without_combined_keys():
    # counts and ids too large for one int64 key take np.lexsort: the same result
    doc = np.array([0, 0, 0, 1, 1], dtype=np.int64)
    term = np.array([2, 0, 2, 1, 0], dtype=np.int64)
    count = np.array([1, 3, 2**62, 5, 5], dtype=np.int64)
    doc, term, count = _merge_pairs(doc, term, count, 2**62)
    assert doc.tolist() == [0, 0, 1, 1] and term.tolist() == [0, 2, 0, 1]
    assert count.tolist() == [3, 2**62 + 1, 5, 5]
    order = _ranked_order(doc, term, count)
    assert order.tolist() == [1, 0, 2, 3]  # falling count, then term within each document
    small = _ranked_order(doc, term, np.array([3, 4, 5, 5], dtype=np.int64))
    assert small.tolist() == [1, 0, 2, 3]
