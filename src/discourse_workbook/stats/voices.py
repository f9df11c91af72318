"""Quotations, listed for reading: the quoted words with their speaker."""

from __future__ import annotations

import pandas as pd

from .overview import excerpt

TOP = 15


def quotations(quotes: pd.DataFrame, kind: str = "speech", *, top: int = TOP,
               limit: int = 140) -> pd.DataFrame:
    """Return the first ``top`` quotations of a ``kind`` ("speech" or "scare") with their
    speaker and the start of the quoted words (``paragraph`` counts from 1)."""
    columns = ["doc_id", "paragraph", "speaker", "n_words", "quoted"]
    if not len(quotes):
        return pd.DataFrame(columns=columns)
    chosen = quotes[quotes["kind"] == kind].head(top)
    return pd.DataFrame({
        "doc_id": chosen["doc_id"].to_numpy(),
        "paragraph": (chosen["para_id"] + 1).to_numpy(),
        "speaker": chosen["speaker"].to_numpy(),
        "n_words": chosen["n_words"].to_numpy(),
        "quoted": [excerpt(t, limit=limit) for t in chosen["text"]],
    }, columns=columns)
