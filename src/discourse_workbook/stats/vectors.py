"""Documents as vectors of their content terms: the counts behind keyness by group, document
similarity and themes.

A content term is a term of the ``terms`` table that is not a stopword and has at least two
letters: "war" and "u.s" are content terms; "the" (a stopword), "s", "1945" and "1990s" (fewer
than two letters) are not. Numbers and function words would otherwise dominate every
comparison of a corpus of speeches or news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import InputError

MIN_LETTERS = 2


def content_mask(terms: pd.DataFrame, *, min_letters: int = MIN_LETTERS) -> np.ndarray:
    """Return, for each row of a ``terms`` table, whether its term is a content term: not
    marked ``stopword`` and with at least ``min_letters`` letters.

    >>> rows = pd.DataFrame({"term": ["war", "the", "s", "1945", "u.s"],
    ...                      "stopword": [False, True, False, False, False]})
    >>> content_mask(rows).tolist()
    [True, False, False, False, True]
    """
    codes, vocabulary = pd.factorize(terms["term"], sort=False)
    enough = _has_letters(np.asarray(vocabulary, dtype=object), min_letters)
    stopword = terms["stopword"].to_numpy(dtype=bool) if "stopword" in terms.columns \
        else np.zeros(len(terms), bool)
    return (enough[codes] if len(codes) else np.zeros(0, bool)) & ~stopword


def _has_letters(vocabulary, min_letters: int) -> np.ndarray:
    """Whether each term has at least ``min_letters`` letters."""
    pattern = re.compile(r"[^\W\d_]" + r".*?[^\W\d_]" * max(min_letters - 1, 0), re.S)
    return np.fromiter((pattern.search(str(t)) is not None for t in vocabulary), bool,
                       len(vocabulary))


@dataclass(frozen=True)
class CountMatrix:
    """Counts of terms by row (documents or groups): ``counts[i, j]`` is how often term
    ``vocabulary[j]`` occurs in row ``rows[i]``; ``documents[i, j]`` in how many of the row's
    documents it occurs; ``words[i]`` is the row's number of running words, stopwords
    included (the denominator of every rate); ``content[j]`` says whether the term is a
    content term."""

    rows: list
    vocabulary: np.ndarray
    counts: sp.csr_matrix
    documents: sp.csr_matrix
    words: np.ndarray
    content: np.ndarray


def count_matrix(terms: pd.DataFrame, row_of_doc: dict, rows: list) -> CountMatrix:
    """Sum a ``terms`` table into a sparse matrix with one row per entry of ``rows``;
    ``row_of_doc`` maps each doc_id to its row (a document, or its group).

    Every document of ``terms`` must have a row: a comparison never drops a document
    silently.
    """
    doc_codes, doc_ids = pd.factorize(terms["doc_id"], sort=False)
    missing = [d for d in doc_ids if d not in row_of_doc]
    if missing:
        raise InputError(f"{len(missing)} document(s) of the terms table have no group (such "
                         f"as {missing[0]!r}); make the groups from the same tables' documents.")
    index = {row: i for i, row in enumerate(rows)}
    doc_row = np.array([index[row_of_doc[d]] for d in doc_ids], dtype=np.int64)
    term_codes, vocabulary = pd.factorize(terms["term"], sort=False)
    vocabulary = np.asarray(vocabulary, dtype=object)
    n_rows, n_terms = len(rows), len(vocabulary)
    row = doc_row[doc_codes] if len(doc_codes) else np.zeros(0, np.int64)
    # one sort of (row, term) keys gives the canonical sparse layout of both matrices
    keys, inverse = np.unique(row * n_terms + term_codes, return_inverse=True)
    counts = np.bincount(inverse, terms["count"].to_numpy(dtype=np.float64), len(keys))
    documents = np.bincount(inverse, minlength=len(keys)).astype(np.float64)
    indices = keys % n_terms if n_terms else keys
    indptr = np.searchsorted(keys, np.arange(n_rows + 1) * n_terms)
    shape = (n_rows, n_terms)
    counts = sp.csr_matrix((counts, indices, indptr), shape=shape)
    documents = sp.csr_matrix((documents, indices, indptr), shape=shape)
    stopword = np.zeros(n_terms, bool)
    if "stopword" in terms.columns:
        stopword[term_codes[terms["stopword"].to_numpy(dtype=bool)]] = True
    content = _has_letters(vocabulary, MIN_LETTERS) & ~stopword
    return CountMatrix(rows=list(rows), vocabulary=vocabulary,
                       counts=counts, documents=documents,
                       words=np.asarray(counts.sum(axis=1)).ravel(), content=content)


def tfidf(matrix: CountMatrix, *, min_df: int = 2, max_df: float = 1.0) -> tuple[
        sp.csr_matrix, np.ndarray]:
    """Return the tf-idf matrix of the content terms of a document × term matrix (rows
    L2-normalised) and the terms it keeps.

    Term frequency is sublinear (1 + log count), so a word used 100 times weighs about
    three times one used 5 times, not twenty times; idf is smoothed
    (``log((1 + n) / (1 + df)) + 1``). Terms in fewer than ``min_df`` documents (they cannot
    make two documents alike) or in more than ``max_df`` of them are left out.
    """
    from sklearn.feature_extraction.text import TfidfTransformer

    counts = matrix.counts[:, np.flatnonzero(matrix.content)]
    vocabulary = matrix.vocabulary[matrix.content]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    n_docs = counts.shape[0]
    keep = (df >= min_df) & (df <= max_df * n_docs)
    counts = counts[:, np.flatnonzero(keep)]
    transformer = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2")
    weights = transformer.fit_transform(counts) if counts.shape[1] else sp.csr_matrix(
        counts.shape)
    return sp.csr_matrix(weights), vocabulary[keep]
