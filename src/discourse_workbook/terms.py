"""Terms: counts of case-folded word forms per document, with a stopword flag."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .segment import TOKEN, to_term

TERM_COLUMNS = ["doc_id", "term", "count", "stopword"]


@lru_cache(maxsize=4)
def load_stopwords(path: Path | None = None) -> frozenset[str]:
    """Return the stopword list: NLTK's English list when its data is installed,
    else the list shipped in ``data/lexicons/stopwords_en.txt`` (or ``path``).

    >>> "the" in load_stopwords()
    True
    """
    if path is None:
        try:
            from nltk.corpus import stopwords

            return frozenset(w.replace("’", "'") for w in stopwords.words("english"))
        except LookupError:
            path = paths.STOPWORDS
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


def count_terms(sentences: pd.DataFrame, *, stopwords: frozenset[str] | None = None) -> pd.DataFrame:
    """Return the ``terms`` table: one row per (document, term) with its count.

    Terms are case-folded tokens with possessives removed ("Russia’s" → "russia");
    rows are ordered by document, then by falling count, then alphabetically.

    >>> count_terms(sentences).query("term == 'russia'")["count"].sum()
    """
    stopwords = load_stopwords() if stopwords is None else stopwords
    rows = []
    for doc_id, texts in sentences.groupby("doc_id", sort=False)["text"]:
        counts = Counter(to_term(t) for text in texts for t in TOKEN.findall(text))
        for term, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            rows.append((doc_id, term, count, term in stopwords))
    return pd.DataFrame(rows, columns=TERM_COLUMNS)
