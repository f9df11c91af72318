"""Tone, for reading: the paragraphs whose sentiment most deserves a close reading."""

from __future__ import annotations

import pandas as pd

from ..sentiment import THRESHOLD
from .overview import excerpt


def paragraphs_to_read(paragraphs: pd.DataFrame, *, top: int = 3, limit: int = 140,
                       threshold: float = THRESHOLD) -> pd.DataFrame:
    """Return the paragraphs worth reading closely: the ``top`` most negative, the
    ``top`` most positive, and the ``top`` most mixed (widest range between their most
    negative and most positive sentence, one beyond each side of ±threshold), with the
    start of each paragraph (``paragraph`` counts from 1)."""
    columns = ["why", "doc_id", "paragraph", "sentiment", "sentiment_min", "sentiment_max",
               "n_sentences", "begins"]
    if not len(paragraphs) or "sentiment" not in paragraphs:
        return pd.DataFrame(columns=columns)
    scored = paragraphs[paragraphs["sentiment"].notna()].copy()
    scored["spread"] = scored["sentiment_max"] - scored["sentiment_min"]
    mixed = (scored["sentiment_min"] <= -threshold) & (scored["sentiment_max"] >= threshold)
    picks = [
        ("most negative", scored.nsmallest(top, "sentiment", keep="first")),
        ("most positive", scored.nlargest(top, "sentiment", keep="first")),
        ("mixed: sentences pull both ways", scored[mixed].nlargest(top, "spread", keep="first")),
    ]
    rows = []
    for why, chosen in picks:
        for row in chosen.itertuples(index=False):
            rows.append((why, row.doc_id, int(row.para_id) + 1, row.sentiment, row.sentiment_min,
                         row.sentiment_max, int(row.n_sentences), excerpt(row.text, limit=limit)))
    return pd.DataFrame(rows, columns=columns)
