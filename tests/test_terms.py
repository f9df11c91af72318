"""Terms: tokens case-folded, possessives dropped, counted per document."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse_workbook.resources import load_stopwords
from discourse_workbook.terms import count_terms, to_term


def sentences_of(*texts: str, doc_id: str = "d") -> pd.DataFrame:
    return pd.DataFrame({"doc_id": doc_id, "para_id": 0, "sent_id": range(len(texts)),
                         "text": list(texts)})


def test_counts_fold_case_and_possessives():
    terms = count_terms(sentences_of("Russia’s war and the war.", "RUSSIA, Russia's ally."))
    counts = dict(zip(terms.term, terms["count"], strict=True))
    assert counts["russia"] == 3
    assert counts["war"] == 2
    assert counts["ally"] == 1
    assert terms["count"].sum() == 8


def test_stopword_flag_and_order():
    terms = count_terms(sentences_of("The war and the peace and the war."))
    assert terms.iloc[0].term == "the" and terms.iloc[0]["count"] == 3
    flags = dict(zip(terms.term, terms.stopword, strict=True))
    assert flags["the"] and flags["and"] and not flags["war"]


def test_per_document_rows():
    sents = pd.concat([sentences_of("A war.", doc_id="x"), sentences_of("A peace.", doc_id="y")])
    terms = count_terms(sents)
    assert set(terms.query("doc_id == 'x'").term) == {"a", "war"}
    assert set(terms.query("doc_id == 'y'").term) == {"a", "peace"}


@pytest.mark.parametrize(
    ("token", "term"),
    [
        ("Russia’s", "russia"),
        ("Russia's", "russia"),
        ("states’", "states"),
        ("It’s", "it's"),
        ("Don’t", "don't"),
        ("NATO", "nato"),
        ("Euro-Atlantic", "euro-atlantic"),
        ("U.S.", "u.s."),
    ],
)
def test_terms_fold_case_and_drop_possessives(token, term):
    assert to_term(token) == term


def test_shipped_stopword_list_is_nltks_english_list_and_the_function_words_it_lacks():
    words = load_stopwords()
    assert len(words) == 179 + 23 + 26 and "the" in words and "war" not in words
    assert {"us", "upon", "shall", "would", "we're", "let's"} <= words
    assert not {"let", "one", "people"} & words
