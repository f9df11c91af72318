"""Terms: the word tokens of each document, case-folded and counted.

A *term* is a word token case-folded, with curly and straight apostrophes unified and a
possessive dropped ("Russia’s" counts as "russia"); the ``terms`` table counts each
term per document and marks stopwords. The statistics built on it (frequencies,
keyness, collocations, concordances …) are in :mod:`discourse_workbook.stats`.
"""

from __future__ import annotations

import pandas as pd

from .fast.terms import count_terms_fast
from .resources import load_stopwords

TERM_COLUMNS = ["doc_id", "term", "count", "stopword"]
_CONTRACTIONS_S = {
    "it's", "that's", "he's", "she's", "there's", "here's", "what's", "who's", "where's",
    "how's", "let's", "when's", "why's",
}  # fmt: skip


def to_term(token: str) -> str:
    """Case-fold a token, unify apostrophes and drop a possessive ('s or a final ').

    >>> [to_term(t) for t in ["Russia’s", "Allies'", "It's", "U.S."]]
    ['russia', 'allies', "it's", 'u.s.']
    """
    term = token.casefold().replace("’", "'").replace("‐", "-")
    if term.endswith("'s") and term not in _CONTRACTIONS_S:
        return term[:-2]
    return term.rstrip("'") or term


def count_terms(
    sentences: pd.DataFrame, *, stopwords: frozenset[str] | None = None
) -> pd.DataFrame:
    """Return the ``terms`` table: one row per (document, term) with its ``count`` and
    whether it is a ``stopword`` (default: the shipped list).

    Rows are ordered by document (in order of first appearance), then by falling count,
    then by term (code point order). Computed by :func:`~discourse_workbook.fast.terms.
    count_terms_fast`, which equals the plain count
    (:func:`~discourse_workbook.fast.terms.count_terms_plainly`).

    >>> sentences = pd.DataFrame({"doc_id": ["a", "a"],
    ...                           "text": ["Russia’s war.", "The war, the West."]})
    >>> count_terms(sentences)[["term", "count", "stopword"]].values.tolist()
    [['the', 2, True], ['war', 2, False], ['russia', 1, False], ['west', 1, False]]
    """
    stopwords = load_stopwords() if stopwords is None else stopwords
    return count_terms_fast(sentences, fold=to_term, stopwords=stopwords)
