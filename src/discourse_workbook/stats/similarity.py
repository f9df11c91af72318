"""Which documents resemble each other: cosine similarity of their tf-idf vectors.

Each document is a vector of its content terms (no stopwords, at least two letters; see
:mod:`~discourse_workbook.stats.vectors`), weighted by tf-idf (sublinear term frequency
times smoothed inverse document frequency), so that two documents are alike when they
share words that few other documents use, not when both say "government" often. The
cosine of two vectors runs from 0 (no content word in common) to 1 (the same words in the
same proportions). It measures shared vocabulary, not shared meaning or stance: two
speeches for and against a war are similar.

The examples use ``tables`` and ``groups`` (by author) of the test corpus
``tests/fixtures/compare``, as in :mod:`~discourse_workbook.stats.compare`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .groups import group_index, grouping_of
from .vectors import count_matrix, tfidf

PAIR_COLUMNS = ["doc_a", "doc_b", "group_a", "group_b", "similarity", "shared_terms"]
GROUP_SIMILARITY_COLUMNS = ["grouping", "group_a", "group_b", "similarity", "pairs"]
BLOCK = 512  # rows of the similarity matrix computed at a time


def _document_vectors(terms: pd.DataFrame, groups: pd.DataFrame, min_df: int):
    """tf-idf rows of the groups table's documents (in its order), and their terms."""
    group_index(groups)
    doc_ids = groups["doc_id"].astype(str).tolist()
    matrix = count_matrix(terms, {d: d for d in doc_ids}, doc_ids)
    return tfidf(matrix, min_df=min_df)


def similar_documents(
    terms: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    top: int = 20,
    between_groups: bool = False,
    min_df: int = 2,
    shared: int = 5,
) -> pd.DataFrame:
    """Return the ``top`` most similar pairs of documents, most similar first (cosine of
    tf-idf vectors, see the module's docstring), each with its documents' groups and the
    ``shared`` content terms that contribute most to the similarity ("union · slavery").

    ``between_groups=True`` lists only pairs from different groups (documents of different
    authors that resemble each other); otherwise a prolific author's documents, which
    resemble each other, may fill the list. Terms in fewer than ``min_df`` documents are
    left out. Pairs with no term in common are never listed. The matrix is computed in
    blocks, so a corpus of thousands of documents needs no square table in memory.
    Columns: doc_a, doc_b, group_a, group_b, similarity, shared_terms.

    >>> pairs = similar_documents(corpus.terms, groups, top=2)
    >>> pairs[["doc_a", "doc_b", "similarity"]].round(2)
                  doc_a           doc_b  similarity
    0       2004-Okafor     2006-Okafor        0.67
    1  2010-Lindqvist-1  2012-Lindqvist        0.66
    >>> pairs["shared_terms"].iloc[1]
    'trains · carriages · operator · junction · freight'
    """
    weights, vocabulary = _document_vectors(terms, groups, min_df)
    group_of = groups["group"].to_numpy(dtype=object)
    codes = pd.factorize(group_of)[0]
    n = weights.shape[0]
    found_i: list[np.ndarray] = []
    found_j: list[np.ndarray] = []
    found_s: list[np.ndarray] = []
    transposed = weights.T.tocsc()
    for start in range(0, n, BLOCK):
        block = (weights[start:start + BLOCK] @ transposed).toarray()
        rows = np.arange(start, min(start + BLOCK, n))
        later = np.arange(n)[None, :] > rows[:, None]  # each pair once
        if between_groups:
            later &= codes[None, :] != codes[rows][:, None]
        block = np.where(later & (block > 0), block, -1.0)
        flat = block.ravel()
        k = min(top, int((flat > 0).sum()))
        if k <= 0:
            continue
        best = np.argpartition(-flat, k - 1)[:k]
        found_i.append(rows[best // n])
        found_j.append(best % n)
        found_s.append(flat[best])
    if not found_s:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    i, j, s = (np.concatenate(x) for x in (found_i, found_j, found_s))
    doc_ids = groups["doc_id"].astype(str).to_numpy(dtype=object)
    order = np.lexsort((doc_ids[j], doc_ids[i], -s))[:top]
    i, j, s = i[order], j[order], s[order]
    return pd.DataFrame({
        "doc_a": doc_ids[i], "doc_b": doc_ids[j], "group_a": group_of[i], "group_b": group_of[j],
        "similarity": s,
        "shared_terms": [_shared_terms(weights, a, b, vocabulary, shared) for a, b in zip(i, j,
                                                                                       strict=True)],
    })[PAIR_COLUMNS]


def _shared_terms(weights, a: int, b: int, vocabulary: np.ndarray, n: int) -> str:
    """The ``n`` terms with the largest products of the two documents' weights."""
    product = weights[a].multiply(weights[b]).tocoo()
    order = np.lexsort((vocabulary[product.col], -product.data))[:n]
    return " · ".join(str(vocabulary[product.col[k]]) for k in order)


def group_similarity(terms: pd.DataFrame, groups: pd.DataFrame, *, min_df: int = 2
                     ) -> pd.DataFrame:
    """Return how alike the documents of each pair of groups are: the mean cosine
    similarity over all pairs of one document from each group (``pairs`` of them), and on
    the diagonal (a group with itself) over the pairs of different documents within the
    group — its coherence (NaN for a group of one document).

    Grouped by document, this is the similarity matrix of the documents. The mean over
    pairs is exact and needs no pair-by-pair table: the sum of the cosines of all pairs
    is the dot product of the two groups' summed vectors. Every ordered pair of groups has
    a row, in group order. Columns: grouping, group_a, group_b, similarity, pairs.

    >>> table = group_similarity(corpus.terms, groups)
    >>> table[table["group_a"] == "Hale"][["group_b", "similarity", "pairs"]].round(2)
         group_b  similarity  pairs
    0       Hale        0.60      6
    1     Okafor        0.07      9
    2  Lindqvist        0.07      9
    """
    weights, _ = _document_vectors(terms, groups, min_df)
    _, order = group_index(groups)
    codes = pd.Index(order).get_indexer(groups["group"])
    k = len(order)
    indicator = sp.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))),
                              shape=(k, len(codes)))
    summed = indicator @ weights
    dots = (summed @ summed.T).toarray()
    sizes = np.bincount(codes, minlength=k).astype(float)
    self_dots = np.bincount(codes, np.asarray(weights.multiply(weights).sum(axis=1)).ravel(),
                            minlength=k)
    pairs = np.outer(sizes, sizes)
    np.fill_diagonal(pairs, sizes * (sizes - 1))
    dots[np.diag_indices(k)] -= self_dots
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(pairs > 0, dots / pairs, np.nan)
    names = np.asarray(order, dtype=object)
    return pd.DataFrame({
        "grouping": grouping_of(groups),
        "group_a": np.repeat(names, k),
        "group_b": np.tile(names, k),
        "similarity": mean.ravel(),
        "pairs": pairs.ravel().astype(np.int64),
    })[GROUP_SIMILARITY_COLUMNS]
