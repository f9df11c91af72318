"""Rows in reading order, and each document's terms in order: what the statistics share."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from ..segment import TOKEN
from ..terms import to_term

BY = ("document", "corpus")


def check_by(by: str) -> None:
    """Refuse a ``by`` other than "document" or "corpus"."""
    if by not in BY:
        raise ValueError(f"by must be 'document' or 'corpus', not {by!r}.")


def doc_rank(doc_ids: pd.Series) -> pd.Series:
    """Each row's document position in order of first appearance (reading order)."""
    order = {doc_id: i for i, doc_id in enumerate(dict.fromkeys(doc_ids))}
    return doc_ids.map(order)


def sort_rows(frame: pd.DataFrame, columns: list[str], ascending: list[bool]) -> pd.DataFrame:
    """Sort by ``columns``, documents first (in reading order) when there is a doc_id."""
    if "doc_id" in frame.columns and "doc_id" not in columns:
        frame = frame.assign(_doc=doc_rank(frame["doc_id"]))
        columns, ascending = ["_doc", *columns], [True, *ascending]
    frame = frame.sort_values(columns, ascending=ascending, kind="mergesort")
    return frame.drop(columns=["_doc"], errors="ignore").reset_index(drop=True)


def in_reading_order(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences ordered by document (first appearance) then ``sent_id``."""
    if sentences.empty:
        return sentences
    return sort_rows(sentences, ["sent_id"], [True])


def sentence_terms(sentences: pd.DataFrame) -> Iterator[tuple[object, list[str]]]:
    """Yield ``(doc_id, terms of one sentence)`` in reading order."""
    ordered = in_reading_order(sentences)
    for doc_id, text in zip(ordered["doc_id"], ordered["text"], strict=True):
        yield doc_id, [to_term(t) for t in TOKEN.findall(text)]


def term_streams(sentences: pd.DataFrame) -> dict[object, list[str]]:
    """Each document's terms in reading order."""
    streams: dict[object, list[str]] = {}
    for doc_id, terms in sentence_terms(sentences):
        streams.setdefault(doc_id, []).extend(terms)
    return streams
