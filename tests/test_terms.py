"""Term counts: case folding, possessives, stopword flag, totals."""

from __future__ import annotations

import pandas as pd

from discourse_workbook.terms import count_terms, load_stopwords


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


def test_shipped_stopword_list_matches_its_source_size():
    words = load_stopwords(__import__("discourse_workbook").paths.STOPWORDS)
    assert len(words) == 179 and "the" in words and "war" not in words
