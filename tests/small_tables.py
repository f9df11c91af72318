"""Tables made by the stages alone (no pipeline, no manifest): of small texts written in
the tests, or of real sources, for the statistics and their charts."""

from __future__ import annotations

import pandas as pd

from discourse_workbook.pipeline import Tables, load_documents
from discourse_workbook.resources import load_stopwords
from discourse_workbook.segment import segment_documents
from discourse_workbook.terms import count_terms


def tables_of(*texts: str, doc_ids: list[str] | None = None, mentions=None) -> Tables:
    """Tables for small documents written in the test (paragraphs split at blank lines)."""
    ids = doc_ids or [f"d{i}" for i in range(len(texts))]
    documents = pd.DataFrame({"doc_id": ids, "title": None, "text": list(texts)})
    paragraphs, sentences = segment_documents(documents)
    documents["n_tokens"] = [int(sentences.loc[sentences["doc_id"] == d, "n_tokens"].sum())
                             for d in ids]
    return Tables(documents=documents, paragraphs=paragraphs, sentences=sentences,
                  terms=count_terms(sentences),
                  mentions=mentions if mentions is not None else pd.DataFrame())


def load_tables(sources) -> Tables:
    documents = load_documents(sources)
    paragraphs, sentences = segment_documents(documents)
    documents["n_tokens"] = [int(sentences.loc[sentences["doc_id"] == d, "n_tokens"].sum())
                             for d in documents["doc_id"]]
    return Tables(documents=documents, paragraphs=paragraphs, sentences=sentences,
                  terms=count_terms(sentences))


def terms_table(counts: dict[str, int], doc_id: str = "d") -> pd.DataFrame:
    stop = load_stopwords()
    return pd.DataFrame([(doc_id, t, c, t in stop) for t, c in counts.items()],
                        columns=["doc_id", "term", "count", "stopword"])



def table_of(*paragraphs: str, doc_id: str = "t") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Paragraphs and sentences tables of one document written for a test."""
    return segment_documents(pd.DataFrame({"doc_id": [doc_id], "text": ["\n\n".join(paragraphs)]}))


def compound(text: str) -> float:
    """VADER's compound score of a text, by the workbook's analyser."""
    from discourse_workbook.sentiment import get_analyzer

    return get_analyzer().polarity_scores(text)["compound"]
