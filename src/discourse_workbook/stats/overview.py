"""Overview: what was analysed — the size of the corpus, its documents, what cleaning
removed, and how long paragraphs and sentences are."""

from __future__ import annotations

import pandas as pd

from ..sentiment import AGGREGATE_COLUMNS

# The documents table's own columns, in order; CSV and JSONL sources add their other
# columns after them as metadata (a name among these gets the prefix "meta_").
DOCUMENT_COLUMNS = [
    "doc_id", "title", "author", "date", "source", "encoding", "repaired_bytes", "layout",
    "n_paragraphs", "n_sentences", "n_tokens", "removed", "non_prose", *AGGREGATE_COLUMNS,
]  # fmt: skip
# names a metadata column cannot take: the table's own, and the text of a document record
OWN_COLUMNS = frozenset([*DOCUMENT_COLUMNS, "text"])


def metadata_columns(documents: pd.DataFrame) -> list[str]:
    """Return the documents table's metadata columns: those its CSV or JSONL sources
    brought (``party``, ``outlet`` …), in order.

    >>> metadata_columns(pd.DataFrame(columns=["doc_id", "author", "party", "meta_label"]))
    ['party', 'meta_label']
    """
    return [c for c in documents.columns if c not in OWN_COLUMNS]


def excerpt(text: object, *, limit: int = 160) -> str:
    """Return the start of a text, cut at a word boundary with an ellipsis.

    >>> excerpt("The West has lost Russia, and it knows it.", limit=20)
    'The West has lost …'
    """
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


def corpus_summary(
    documents: pd.DataFrame,
    paragraphs: pd.DataFrame,
    sentences: pd.DataFrame,
    terms: pd.DataFrame,
    skipped: pd.DataFrame,
) -> pd.DataFrame:
    """Return the size of the corpus: documents, paragraphs, sentences, words, distinct
    words and sources skipped.

    Example: ``corpus_summary(t.documents, t.paragraphs, t.sentences, t.terms, t.skipped)``.
    """
    rows = [
        ("documents", len(documents)),
        ("paragraphs", len(paragraphs)),
        ("sentences", len(sentences)),
        ("words", int(documents["n_tokens"].sum()) if len(documents) else 0),
        ("distinct words", int(terms["term"].nunique()) if len(terms) else 0),
        ("sources skipped", len(skipped)),
    ]
    return pd.DataFrame(rows, columns=["measure", "count"])


def documents_overview(documents: pd.DataFrame) -> pd.DataFrame:
    """Return the documents with their title, author, date, paragraph layout and size, and
    their metadata columns (see :func:`metadata_columns`)."""
    columns = ["doc_id", "title", "author", "date", "layout", "encoding", "n_paragraphs",
               "n_sentences", "n_tokens", *metadata_columns(documents)]
    return documents[[c for c in columns if c in documents.columns]].reset_index(drop=True)


def removed_by_cleaning(documents: pd.DataFrame, *, limit: int = 100) -> pd.DataFrame:
    """Return what cleaning took out of each document (bylines, site furniture), one row
    per removed piece, cut to ``limit`` characters."""
    rows = []
    if "removed" in documents.columns:
        for doc_id, removed in zip(documents["doc_id"], documents["removed"], strict=True):
            for piece in [] if removed is None else list(removed):
                rows.append((doc_id, excerpt(piece, limit=limit)))
    return pd.DataFrame(rows, columns=["doc_id", "removed"])


def segment_summary(paragraphs: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Return how long paragraphs and sentences are: the smallest, median and largest
    number of sentences per paragraph and of words per paragraph and per sentence."""
    measures = [
        ("sentences per paragraph", paragraphs.get("n_sentences")),
        ("words per paragraph", paragraphs.get("n_tokens")),
        ("words per sentence", sentences.get("n_tokens")),
    ]
    rows = []
    for name, values in measures:
        if values is not None and len(values):
            rows.append((name, int(values.min()), float(values.median()), int(values.max())))
    return pd.DataFrame(rows, columns=["measure", "min", "median", "max"])
