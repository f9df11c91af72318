"""Frequencies: which words a text uses most, how often per 1,000 words, and its rank."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from ..segment import TOKEN
from ..terms import to_term
from .order import check_by, sort_rows


def term_frequencies(
    terms: pd.DataFrame, *, by: str = "document", stopwords: bool = True
) -> pd.DataFrame:
    """Return each term's count, its rate per 1,000 words and its rank.

    ``by="document"`` gives one row per (document, term); ``by="corpus"`` sums the
    documents (one row per term, with ``documents``: how many documents use it).
    ``stopwords=False`` leaves stopwords out; rates stay per 1,000 running words
    (stopwords included), so a word's rate is the same either way. Rank 1 is the most
    frequent; tied counts share a rank. Columns: [doc_id,] term, count, rate, rank,
    stopword[, documents].

    >>> term_frequencies(tables.terms, by="corpus", stopwords=False)["term"].head(3).tolist()
    ['security', 'u.s.', 'architecture']
    """
    check_by(by)
    totals = terms.groupby("doc_id", sort=False)["count"].sum()
    if by == "document":
        table = terms[["doc_id", "term", "count", "stopword"]].copy()
        table["rate"] = 1000 * table["count"] / table["doc_id"].map(totals).astype(float)
        columns = ["doc_id", "term", "count", "rate", "rank", "stopword"]
    else:
        table = terms.groupby("term", sort=False).agg(
            count=("count", "sum"), stopword=("stopword", "any"), documents=("doc_id", "nunique")
        ).reset_index()
        table["rate"] = 1000 * table["count"] / max(int(totals.sum()), 1)
        columns = ["term", "count", "rate", "rank", "stopword", "documents"]
    if not stopwords:
        table = table[~table["stopword"].astype(bool)]
    table = sort_rows(table, ["count", "term"], [False, True])
    ranks = (table.groupby("doc_id", sort=False)["count"] if by == "document" else table["count"])
    table["rank"] = ranks.rank(method="min", ascending=False).astype("int64")
    return table[columns]


def content_counts(terms: pd.DataFrame) -> pd.Series:
    """Return the total count of each content word (not a stopword, has a letter),
    most frequent first (ties in term order)."""
    if not len(terms):
        return pd.Series(dtype="int64")
    words = terms[~terms["stopword"].astype(bool) & terms["term"].str.contains(r"[^\W\d_]")]
    counts = words.groupby("term")["count"].sum()
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def display_forms(sentences: pd.DataFrame, terms: Iterable[str]) -> dict[str, str]:
    """Return how each of ``terms`` is most often written in the sentences (its commonest
    spelling, possessive dropped), so that a case-folded term reads as the text wrote it:
    "u.s." as "U.S.", "nato" as "NATO". A term the text never writes maps to itself.

    >>> sentences = pd.DataFrame({"text": ["The U.S. and NATO.", "NATO’s u.s. ally."]})
    >>> display_forms(sentences, ["u.s.", "nato", "zebra"])
    {'u.s.': 'U.S.', 'nato': 'NATO', 'zebra': 'zebra'}
    """
    seen: dict[str, Counter] = {term: Counter() for term in terms}
    wanted = set(seen)
    for text in sentences["text"]:
        for token in TOKEN.findall(text):
            term = to_term(token)
            if term in wanted:
                seen[term][_without_possessive(token)] += 1
    return {term: (min(forms.items(), key=lambda f: (-f[1], f[0]))[0] if forms else term)
            for term, forms in seen.items()}


def _without_possessive(token: str) -> str:
    for ending in ("’s", "'s", "’", "'"):
        if token.endswith(ending) and len(token) > len(ending):
            return token[: -len(ending)]
    return token
