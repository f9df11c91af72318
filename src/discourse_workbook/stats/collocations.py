"""Phrases and collocations: n-grams inside sentences, and word pairs that occur together
more than chance would have it (G², PMI)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from ..resources import load_stopwords
from .keyness import chi2_p_value
from .order import check_by, sentence_terms, sort_rows


def count_ngrams(
    sentences: pd.DataFrame,
    *,
    n: int | Iterable[int] = (2, 3),
    by: str = "document",
    min_count: int = 1,
    stopwords: frozenset[str] | None = None,
    content: bool = False,
) -> pd.DataFrame:
    """Return n-gram counts (terms joined by spaces), counted inside sentences only.

    A gram made of stopwords only ("of the") is dropped; a gram with one content word
    ("the west") is kept, unless ``content``: then a gram must begin and end with a
    content word ("security architecture", "war of attrition"). ``rate`` is per 1,000
    words of the document (or corpus). Columns: [doc_id,] ngram, n, count, rate[,
    documents].

    >>> count_ngrams(tables.sentences, n=2, by="corpus", min_count=2)["ngram"].head(3).tolist()
    ['the u.s.', 'security architecture', 'the west']
    >>> grams = count_ngrams(tables.sentences, n=(2, 3), by="corpus", min_count=2, content=True)
    >>> grams["ngram"].head(3).tolist()
    ['security architecture', 'security system', 'eurasian security']
    """
    check_by(by)
    sizes = sorted({n} if isinstance(n, int) else set(n))
    if not sizes or sizes[0] < 1:
        raise ValueError(f"n must be one or more sizes of at least 1, not {n!r}.")
    stopwords = load_stopwords() if stopwords is None else stopwords
    counts: dict[object, Counter] = {}
    words: Counter = Counter()
    for doc_id, terms in sentence_terms(sentences):
        words[doc_id] += len(terms)
        doc_counts = counts.setdefault(doc_id, Counter())
        for size in sizes:
            for i in range(len(terms) - size + 1):
                gram = tuple(terms[i : i + size])
                if content and (gram[0] in stopwords or gram[-1] in stopwords):
                    continue
                if not all(t in stopwords for t in gram):
                    doc_counts[" ".join(gram), size] += 1
    rows = [(doc_id, gram, size, count)
            for doc_id, doc_counts in counts.items() for (gram, size), count in doc_counts.items()]
    table = pd.DataFrame(rows, columns=["doc_id", "ngram", "n", "count"])
    if by == "document":
        table["rate"] = 1000 * table["count"] / table["doc_id"].map(words).astype(float)
        columns = ["doc_id", "ngram", "n", "count", "rate"]
    else:
        table = table.groupby(["ngram", "n"], sort=False).agg(
            count=("count", "sum"), documents=("doc_id", "nunique")).reset_index()
        table["rate"] = 1000 * table["count"] / max(sum(words.values()), 1)
        columns = ["ngram", "n", "count", "rate", "documents"]
    table = table[table["count"] >= min_count]
    return sort_rows(table, ["count", "n", "ngram"], [False, True, True])[columns]


# --------------------------------------------------------------------------- collocations

COLLOCATION_COLUMNS = ["word1", "word2", "collocation", "count", "g2", "p", "pmi"]


def find_collocations(
    sentences: pd.DataFrame,
    *,
    min_count: int = 3,
    window: int = 2,
    ignore_stopwords: bool = False,
    stopwords: frozenset[str] | None = None,
) -> pd.DataFrame:
    """Return word pairs that occur together more than chance would have it, scored by
    Dunning's log-likelihood (G², with its chi-square p-value) and by pointwise mutual
    information (PMI), using NLTK's bigram collocation finder.

    Pairs are counted within sentences (``window=2``: adjacent words; a larger window
    counts pairs up to ``window - 1`` words apart, in order), over all documents given.
    Pairs seen fewer than ``min_count`` times are dropped: PMI overrates rare pairs.
    ``ignore_stopwords=True`` drops every pair that contains a stopword. Sorted by G².
    Columns: word1, word2, collocation, count, g2, p, pmi.

    >>> pairs = find_collocations(tables.sentences, min_count=3, ignore_stopwords=True)
    >>> pairs["collocation"].head(3).tolist()
    ['security architecture', 'north korea', 'foreign ministry']
    """
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures

    if window < 2:
        raise ValueError(f"window must be at least 2, not {window}.")
    padding: list[str | None] = [None] * (window - 1)
    words = (w for _, terms in sentence_terms(sentences) for w in [*terms, *padding])
    finder = BigramCollocationFinder.from_words(words, window_size=window)
    finder.apply_freq_filter(min_count)
    if ignore_stopwords:
        stopwords = load_stopwords() if stopwords is None else stopwords
        finder.apply_word_filter(lambda w: w in stopwords)
    g2 = dict(finder.score_ngrams(BigramAssocMeasures.likelihood_ratio))
    pmi = dict(finder.score_ngrams(BigramAssocMeasures.pmi))
    rows = [(w1, w2, f"{w1} {w2}", int(count), max(g2[w1, w2], 0.0), pmi[w1, w2])
            for (w1, w2), count in finder.ngram_fd.items()]
    table = pd.DataFrame(rows, columns=["word1", "word2", "collocation", "count", "g2", "pmi"])
    table["p"] = chi2_p_value(table["g2"].to_numpy(dtype=float))
    return sort_rows(table, ["g2", "word1", "word2"], [False, True, True])[COLLOCATION_COLUMNS]
