"""Vocabulary: how varied a text's words are (type-token ratio, MATTR, hapaxes)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import pandas as pd

from .order import check_by, term_streams


def moving_average_ttr(tokens: Sequence[str], *, window: int = 500) -> float:
    """Return the moving-average type-token ratio (Covington & McFall 2010): the mean
    TTR of every run of ``window`` consecutive tokens. Unlike plain TTR it does not fall
    as a text gets longer. A text shorter than ``window`` gets its plain TTR.

    >>> moving_average_ttr("a b a c b a".split(), window=3)  # (2/3 + 1 + 1 + 1) / 4
    0.9166666666666666
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, not {window}.")
    n = len(tokens)
    if n == 0:
        return math.nan
    if n <= window:
        return len(set(tokens)) / n
    counts = Counter(tokens[:window])
    types = len(counts)
    total = types
    for i in range(window, n):
        leaving, entering = tokens[i - window], tokens[i]
        counts[leaving] -= 1
        if counts[leaving] == 0:
            types -= 1
        if counts[entering] == 0:
            types += 1
        counts[entering] += 1
        total += types
    return total / ((n - window + 1) * window)


VOCABULARY_COLUMNS = [
    "n_tokens", "n_types", "ttr", "mattr", "mattr_is_ttr", "n_hapaxes", "hapax_share",
]  # fmt: skip


def vocabulary(sentences: pd.DataFrame, *, by: str = "document", window: int = 500) -> pd.DataFrame:
    """Return vocabulary figures: tokens, types (distinct terms), type-token ratio,
    MATTR over ``window`` tokens, and hapaxes (terms used once) with their share of the
    types.

    MATTR needs at least ``window`` tokens; for a shorter text it is the plain TTR and
    ``mattr_is_ttr`` says so (TTR falls as texts grow, so compare such texts with care).
    ``by="corpus"`` treats the documents, in reading order, as one text. Columns:
    [doc_id,] n_tokens, n_types, ttr, mattr, mattr_is_ttr, n_hapaxes, hapax_share.

    >>> vocabulary(tables.sentences)[["n_tokens", "n_types", "n_hapaxes"]].values.tolist()
    [[1705, 689, 474]]
    """
    check_by(by)
    streams = term_streams(sentences)
    if by == "corpus":
        streams = {None: [t for stream in streams.values() for t in stream]}
    rows = []
    for doc_id, tokens in streams.items():
        counts = Counter(tokens)
        n_tokens, n_types = len(tokens), len(counts)
        hapaxes = sum(1 for c in counts.values() if c == 1)
        rows.append({
            "doc_id": doc_id,
            "n_tokens": n_tokens,
            "n_types": n_types,
            "ttr": n_types / n_tokens if n_tokens else math.nan,
            "mattr": moving_average_ttr(tokens, window=window),
            "mattr_is_ttr": n_tokens < window,
            "n_hapaxes": hapaxes,
            "hapax_share": hapaxes / n_types if n_types else math.nan,
        })
    table = pd.DataFrame(rows, columns=["doc_id", *VOCABULARY_COLUMNS])
    return table if by == "document" else table.drop(columns=["doc_id"])
