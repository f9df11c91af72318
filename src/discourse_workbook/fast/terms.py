"""Term counts per document, computed with numpy: the accelerator of
:func:`discourse_workbook.terms.count_terms`.

The plain method, :func:`count_terms_plainly`, counts the folded terms of each
document's tokens and orders the rows. The fast one counts each document's raw word
forms, folds each distinct form once for the whole batch, and merges and orders the
(document, term) rows with numpy. ``tests/fast/test_terms.py`` proves them equal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd

from .tokens import TOKEN

TERM_COLUMNS = ["doc_id", "term", "count", "stopword"]
_INT64_MAX = int(np.iinfo(np.int64).max)


def count_terms_plainly(
    sentences: pd.DataFrame, *, fold: Callable[[str], str], stopwords: frozenset[str]
) -> pd.DataFrame:
    """The terms table the plain way: a Counter of the tokens of each document folded by
    ``fold``, rows sorted by document (first appearance), falling count, then term."""
    columns: dict[str, list] = {name: [] for name in TERM_COLUMNS}
    for doc_id, text in _document_texts(sentences):
        counts = Counter(map(fold, TOKEN.findall(text)))
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        columns["doc_id"].extend([doc_id] * len(ranked))
        columns["term"].extend(term for term, _ in ranked)
        columns["count"].extend(count for _, count in ranked)
    columns["stopword"] = [term in stopwords for term in columns["term"]]
    table = pd.DataFrame(columns, columns=TERM_COLUMNS)
    return table.astype({"count": "int64", "stopword": bool})


def count_terms_fast(
    sentences: pd.DataFrame, *, fold: Callable[[str], str], stopwords: frozenset[str]
) -> pd.DataFrame:
    """:func:`count_terms_plainly`, with each distinct word form folded once and the
    rows merged and ordered by numpy."""
    docs, lengths, forms, form_ids, counts = _tally_forms(sentences)
    # each distinct form is folded once; terms are ranked in sorted() order (code points)
    folded = list(map(fold, forms))
    vocabulary = sorted(set(folded))
    rank = {term: i for i, term in enumerate(vocabulary)}
    term_of_form = np.fromiter(map(rank.__getitem__, folded), np.int64, len(folded))
    doc = np.repeat(np.arange(len(docs), dtype=np.int64), np.array(lengths, dtype=np.int64))
    term = term_of_form[np.array(form_ids, dtype=np.int64)]
    count = np.array(counts, dtype=np.int64)
    doc, term, count = _merge_pairs(doc, term, count, len(vocabulary))
    order = _ranked_order(doc, term, count)
    doc, term, count = doc[order], term[order], count[order]
    is_stopword = np.fromiter((t in stopwords for t in vocabulary), bool, len(vocabulary))
    columns = {
        "doc_id": _column(docs, doc),
        "term": _column(vocabulary, term),
        "count": count,
        "stopword": is_stopword[term],
    }
    return pd.DataFrame(columns, columns=TERM_COLUMNS)


class _FormIds(dict):
    """Word form → number, numbering each new form on first lookup (0, 1, 2, ...)."""

    def __missing__(self, form: str) -> int:
        self[form] = number = len(self)
        return number


def _tally_forms(
    sentences: pd.DataFrame,
) -> tuple[list[object], list[int], _FormIds, list[int], list[int]]:
    """Count each document's raw word forms (before folding, which is done once per
    distinct form afterwards).

    Returns the ids of the documents that have tokens (in order), how many distinct
    forms each has, the form numbering, and for every (document, form) pair in turn its
    form number and count.
    """
    forms = _FormIds()
    docs: list[object] = []
    lengths: list[int] = []
    form_ids: list[int] = []
    counts: list[int] = []
    for doc_id, text in _document_texts(sentences):
        tally = Counter(TOKEN.findall(text))
        if tally:
            docs.append(doc_id)
            lengths.append(len(tally))
            form_ids.extend(map(forms.__getitem__, tally))
            counts.extend(tally.values())
    return docs, lengths, forms, form_ids, counts


def _merge_pairs(
    doc: np.ndarray, term: np.ndarray, count: np.ndarray, n_terms: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sum the counts of rows with the same (document, term): forms such as "War" and
    "war" fold to one term. Returns the rows sorted by document, then term."""
    if not len(doc):
        return doc, term, count
    if (int(doc[-1]) + 1) * n_terms <= _INT64_MAX:  # doc is ascending
        order = np.argsort(doc * n_terms + term)
    else:
        order = np.lexsort((term, doc))
    doc, term, count = doc[order], term[order], count[order]
    starts = np.flatnonzero(np.r_[True, (doc[1:] != doc[:-1]) | (term[1:] != term[:-1])])
    return doc[starts], term[starts], np.add.reduceat(count, starts)


def _ranked_order(doc: np.ndarray, term: np.ndarray, count: np.ndarray) -> np.ndarray:
    """Indices that order rows by document, then falling count, then term.

    Rows come sorted by (document, term), so a stable sort by (document, falling count)
    keeps the terms in order; one combined integer key is several times faster than
    ``np.lexsort`` over three keys.
    """
    if not len(doc):
        return np.arange(0)
    most = int(count.max())
    if (int(doc[-1]) + 1) * (most + 1) <= _INT64_MAX:
        return np.argsort(doc * (most + 1) + (most - count), kind="stable")
    return np.lexsort((term, -count, doc))


def _column(values: list, codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """``[values[i] for i in codes]`` as a table column. pandas infers a column's dtype
    from the kinds of values in it, not from how often each occurs, so the column is
    built from the distinct values exactly as a table would build it from the full list,
    and then repeated by one ``take`` (instead of converting every row)."""
    return pd.DataFrame({"values": values})["values"].array.take(codes)


def _document_texts(sentences: pd.DataFrame) -> Iterator[tuple[object, str]]:
    """Each document's id and its sentences joined by spaces, documents in order of
    first appearance (a document's sentences need not be next to each other)."""
    codes, doc_ids = pd.factorize(sentences["doc_id"], sort=False, use_na_sentinel=False)
    texts = sentences["text"].tolist()
    if len(codes) and (np.diff(codes) >= 0).all():  # each document's rows together
        bounds = np.flatnonzero(np.diff(codes)) + 1
        starts, ends = [0, *bounds.tolist()], [*bounds.tolist(), len(texts)]
        for doc_id, start, end in zip(doc_ids, starts, ends, strict=True):
            yield doc_id, " ".join(texts[start:end])
        return
    by_doc: list[list[str]] = [[] for _ in doc_ids]
    for code, text in zip(codes.tolist(), texts, strict=True):
        by_doc[code].append(text)
    for doc_id, parts in zip(doc_ids, by_doc, strict=True):
        yield doc_id, " ".join(parts)

