"""A reference corpus for keyness: read, cleaned, segmented and counted like the text."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..segment import segment_documents
from ..terms import count_terms
from .batch import load_documents


def load_reference_terms(
    sources: str | Path | Iterable[str | Path], *, stopwords: frozenset[str] | None = None
) -> pd.DataFrame:
    """Return the ``terms`` table of a reference corpus (any source ``analyze`` reads);
    with no source named, an empty table (nothing is key against nothing).

    Example: ``keyness(tables.terms, load_reference_terms("other-columns/"))``.
    """
    sources = [sources] if isinstance(sources, str | Path) else list(sources)
    if not sources:
        return count_terms(pd.DataFrame(columns=["doc_id", "para_id", "sent_id", "text"]),
                           stopwords=stopwords)
    documents = load_documents(sources)
    if documents.empty:
        names = ", ".join(str(s) for s in sources)
        raise InputError(f"{names} holds no readable document to use as a reference corpus.")
    _, sentences = segment_documents(documents)
    return count_terms(sentences, stopwords=stopwords)
